import DisplayModel
import DocumentModel

/// ApplicationResponses built by hand with the document model, for `Layouts/event.xml`.
enum TestEvents {
    static let cude = "0d91ba25b01f5e7dbda870a11b274501d3a62a73e91932c473c86c93f12a142a2ac45876efcde3e679024a01c0be41f9"

    /// A RADIAN event with the values of the lopezsoft 030 fixture (id, date, NITs, reference), plus names,
    /// a CUDE, a responsible person and a note.
    static func event(code: String = "030", senderName: String = "José Peña & Hijos Ñandú S.A.S.") -> ApplicationResponseDocument {
        ApplicationResponseDocument(
            environment: .testing, id: "EVT-001", uuid: cude, uuidScheme: "CUDE-SHA384",
            issueDate: CalendarDate(year: 2024, month: 3, day: 10),
            issueTime: OffsetTime(hour: 14, minute: 22, second: 0, offsetMinutes: -300),
            notes: ["Mercancía recibida en la bodega 3, muelle norte."],
            sender: .init(name: senderName, identification: Identification(type: .nit, number: "900373115", checkDigit: 3)),
            receiver: .init(
                name: "Distribuidora Ñandú Andina S.A.S.",
                identification: Identification(type: .nit, number: "800199436", checkDigit: 4)),
            responseCode: code, responseDescription: nil,
            reference: .init(id: "SETP990000002", uuid: TestDocuments.cufe, uuidScheme: "CUFE-SHA384", typeCode: "01"),
            issuerPerson: .init(
                identification: Identification(type: .cedulaCiudadania, number: "1020304050"), firstName: "Andrea",
                familyName: "Gómez", jobTitle: "Analista de recepción", department: "Compras"))
    }

    /// DIAN's rejection (04) with `count` findings `R001`, `R002`, ….
    static func dianRejection(findings count: Int) -> ApplicationResponseDocument {
        ApplicationResponseDocument(
            environment: .production, id: "15436178", uuid: cude, uuidScheme: "CUDE-SHA384",
            issueDate: CalendarDate(year: 2025, month: 3, day: 4),
            issueTime: OffsetTime(hour: 9, minute: 6, second: 0, offsetMinutes: -300), notes: [],
            sender: .init(
                name: "Unidad Especial Dirección de Impuestos y Aduanas Nacionales",
                identification: Identification(type: .nit, number: "800197268", checkDigit: 4)),
            receiver: .init(
                name: "Distribuidora Ñandú Andina S.A.S.",
                identification: Identification(type: .nit, number: "900108281", checkDigit: 3)),
            responseCode: "04", responseDescription: "Documento con errores en campos mandatorios.",
            reference: .init(id: "SETP990000042", uuid: TestDocuments.cufe, uuidScheme: "CUFE-SHA384", typeCode: "01"),
            lineResponses: (1...count).map {
                .init(lineID: String($0), code: "R" + String(1000 + $0).dropFirst(), description: "Regla número \($0) no cumplida.")
            })
    }

    static func display(_ response: ApplicationResponseDocument) -> DisplayValue {
        EventDisplay.make(response, branding: TestDocuments.branding)
    }
}
