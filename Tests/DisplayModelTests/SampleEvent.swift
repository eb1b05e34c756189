import DocumentModel

/// ApplicationResponses built by hand with the document model; every expected text in the tests is written
/// out by hand from these values.
enum SampleEvent {
    /// A 030 acuse de recibo sent by the buyer, with its responsible person and a note.
    static func acuse(code: String = "030", description: String? = nil) -> ApplicationResponseDocument {
        ApplicationResponseDocument(
            environment: .testing, id: "EVT-001", uuid: "0d91ba25b01f", uuidScheme: "CUDE-SHA384",
            issueDate: CalendarDate(year: 2024, month: 3, day: 10),
            issueTime: OffsetTime(hour: 14, minute: 22, second: 0, offsetMinutes: -300),
            notes: ["Recibida en la bodega 3."],
            sender: .init(
                name: "José Peña & Hijos Ñandú S.A.S.",
                identification: Identification(type: .nit, number: "860069804", checkDigit: 2)),
            receiver: .init(
                name: "Distribuidora Ñandú Andina S.A.S.",
                identification: Identification(type: .nit, number: "900108281", checkDigit: 3)),
            responseCode: code, responseDescription: description,
            reference: .init(id: "SETP990000042", uuid: "8bb7f4e5", uuidScheme: "CUFE-SHA384", typeCode: "01"),
            issuerPerson: .init(
                identification: Identification(type: .cedulaCiudadania, number: "1020304050"), firstName: "Andrea",
                familyName: "Gómez", jobTitle: "Analista de recepción", department: "Compras"))
    }

    /// DIAN's rejection (04) of an invoice, with two findings; no CUDE scheme, no names for the receiver.
    static func dianRejection() -> ApplicationResponseDocument {
        ApplicationResponseDocument(
            environment: nil, id: "15436178", uuid: nil, uuidScheme: nil,
            issueDate: CalendarDate(year: 2025, month: 1, day: 5),
            issueTime: OffsetTime(hour: 9, minute: 6, second: 0, offsetMinutes: -300), notes: [],
            sender: .init(
                name: "Unidad Especial Dirección de Impuestos y Aduanas Nacionales",
                identification: Identification(type: .nit, number: "800197268", checkDigit: 4)),
            receiver: .init(name: nil, identification: Identification(type: .nit, number: "900108281")),
            responseCode: "04", responseDescription: "Documento con errores en campos mandatorios.",
            reference: .init(id: "SETP990000101", uuid: nil, uuidScheme: nil, typeCode: nil),
            lineResponses: [
                .init(lineID: "1", code: "FAJ43b", description: "Nombre informado no corresponde al registrado en el RUT."),
                .init(lineID: "2", code: "FAD06", description: "Primera línea\nSegunda línea"),
            ])
    }
}
