public import DocumentModel

/// Turns an ApplicationResponse — a RADIAN event on an invoice, or DIAN's verdict on a document — into the
/// display data `Layouts/event.xml` reads, every text formatted for Colombia.
///
/// The fields are listed in ``schema``; `Layouts/README.md` documents each one for designers.
public enum EventDisplay {
    /// The production layout that draws this data: `Layouts/event.xml`.
    public static let layoutName = "event"

    /// The display data of `response`.
    /// - Parameters:
    ///   - response: the response exactly as read from its UBL XML.
    ///   - branding: the corporate image of the company the response is printed for.
    public static func make(_ response: ApplicationResponseDocument, branding: Branding) -> DisplayValue {
        .record([
            "event": eventFields(response),
            "sender": participant(response.sender),
            "receiver": participant(response.receiver),
            "reference": referenceFields(response.reference),
            "person": personFields(response.issuerPerson),
            "findings": .list(
                response.lineResponses.map { .record(["code": .text($0.code), "description": .text($0.description)]) }),
            "branding": .record([
                "tradeName": .text(branding.tradeName ?? ""),
                "logo": .text(branding.logoPath ?? ""),
                "primaryColor": .text(branding.primaryColor),
                "accentColor": .text(branding.accentColor),
            ]),
        ])
    }

    /// `RESPUESTA DE LA DIAN` for DIAN's verdicts (02, 04); otherwise `EVENTO RADIAN` and the code, then the
    /// event's name from ``ApplicationResponseCode`` in capitals (`EVENTO RADIAN 030 — ACUSE DE RECIBO DE LA
    /// FACTURA ELECTRÓNICA DE VENTA`). A code not in the table gets no name (`EVENTO RADIAN 035`), so the
    /// title stays short enough for a running header whatever the document's own description says.
    public static func title(of response: ApplicationResponseDocument) -> String {
        let code = response.responseCode
        if ApplicationResponseCode.isDIANVerdict(code) { return "RESPUESTA DE LA DIAN" }
        return "EVENTO RADIAN " + code + (ApplicationResponseCode.name(for: code).map { " — " + $0.uppercased() } ?? "")
    }

    private static func eventFields(_ response: ApplicationResponseDocument) -> DisplayValue {
        let code = response.responseCode
        let name = ApplicationResponseCode.name(for: code) ?? response.responseDescription ?? ""
        let description = response.responseDescription ?? ""
        return .record([
            "title": .text(title(of: response)),
            "number": .text(response.id),
            "codeLabel": .text(schemeLabel(response.uuidScheme, default: "CUDE")),
            "code": .text(response.uuid ?? ""),
            "issueDate": .text(ColombianFormat.date(response.issueDate)),
            "issueTime": .text(ColombianFormat.time(response.issueTime)),
            "environment": .text(DIANLabels.environment(response.environment)),
            "responseCode": .text(code),
            "responseName": .text(name),
            "response": .text(name.isEmpty ? code : code + " – " + name),
            "responseDescription": .text(description == name ? "" : description),
            "notes": .list(response.notes.map { .text($0) }),
            "isDIANResponse": .flag(ApplicationResponseCode.isDIANVerdict(code)),
        ])
    }

    private static func participant(_ participant: ApplicationResponseDocument.Participant) -> DisplayValue {
        .record([
            "name": .text(participant.name ?? ""),
            "idLabel": .text(participant.identification.type.label),
            "idNumber": .text(participant.identification.displayNumber),
            "id": .text(participant.identification.displayText),
        ])
    }

    private static func referenceFields(_ reference: ApplicationResponseDocument.Reference) -> DisplayValue {
        .record([
            "number": .text(reference.id),
            "typeCode": .text(reference.typeCode ?? ""),
            "typeName": .text(DIANLabels.documentType(reference.typeCode ?? "")),
            "codeLabel": .text(schemeLabel(reference.uuidScheme, default: "CUFE")),
            "code": .text(reference.uuid ?? ""),
        ])
    }

    private static func personFields(_ person: ApplicationResponseDocument.Person?) -> DisplayValue {
        .record([
            "name": .text(person?.fullName ?? ""),
            "id": .text(person?.identification?.displayText ?? ""),
            "jobTitle": .text(person?.jobTitle ?? ""),
            "department": .text(person?.department ?? ""),
        ])
    }

    /// `CUDE-SHA384` → `CUDE`; `fallback` when there is no scheme.
    private static func schemeLabel(_ scheme: String?, default fallback: String) -> String {
        guard let scheme, let name = scheme.split(separator: "-").first, !name.isEmpty else { return fallback }
        return String(name)
    }
}
