public import DocumentModel
import XMLTree

extension UBLReader {
    /// Reads a DIAN `ApplicationResponse`: a RADIAN event (030–034…) or DIAN's verdict on a document (02, 04).
    ///
    /// Needed, as the event CUDE needs them: `cbc:ID`, `cbc:IssueDate`, `cbc:IssueTime`, `cac:SenderParty` and
    /// `cac:ReceiverParty` with an identification, `cac:DocumentResponse` with `cac:Response/cbc:ResponseCode`
    /// and `cac:DocumentReference/cbc:ID`. Everything else may be absent: the environment, the CUDE and its
    /// scheme, party names, `cbc:Note`s, the responsible person (`cac:IssuerParty/cac:Person`, whose
    /// `cbc:ID` without `@schemeName` is read as a cédula de ciudadanía) and DIAN's `cac:LineResponse`s.
    ///
    /// - Parameters:
    ///   - bytes: The XML document.
    ///   - sourceName: The name used in errors (a path or a label).
    /// - Throws: ``UBLReadError``: `.notUBL` when the root is not a UBL 2.1 ApplicationResponse, otherwise
    ///   the element path and line of what is missing or invalid.
    public static func readApplicationResponse(_ bytes: [UInt8], sourceName: String) throws
        -> ApplicationResponseDocument
    {
        let root = try parse(bytes, sourceName: sourceName)
        guard isApplicationResponse(root) else {
            throw notUBL(root, expected: "a UBL 2.1 ApplicationResponse", sourceName: sourceName)
        }
        return try readApplicationResponse(UBLNode(root, path: applicationResponseRoot, sourceName: sourceName))
    }

    static let applicationResponseRoot = "ApplicationResponse"

    static func isApplicationResponse(_ root: XMLElement) -> Bool {
        root.localName == applicationResponseRoot && root.namespaceURI == UBLNamespace.applicationResponse
    }

    static func readApplicationResponse(_ root: UBLNode) throws -> ApplicationResponseDocument {
        let response = try root.required("DocumentResponse", UBLNamespace.cac)
        let answer = try response.required("Response", UBLNamespace.cac)
        let code = try answer.required("ResponseCode")
        guard !code.trimmed.isEmpty else { throw code.invalid("empty: the response has no code") }
        let uuid = root.child("UUID")
        return ApplicationResponseDocument(
            environment: try readEnvironment(root), id: try root.required("ID").trimmed,
            uuid: root.value("UUID"), uuidScheme: uuid?.attribute("schemeName"),
            issueDate: try root.required("IssueDate").date(), issueTime: try readIssueTime(root),
            notes: root.children("Note").map(\.text),
            sender: try readParticipant(root.required("SenderParty", UBLNamespace.cac)),
            receiver: try readParticipant(root.required("ReceiverParty", UBLNamespace.cac)),
            responseCode: code.trimmed, responseDescription: descriptions(answer),
            reference: try readReference(response.required("DocumentReference", UBLNamespace.cac)),
            issuerPerson: try response.child("IssuerParty", UBLNamespace.cac)?.child("Person", UBLNamespace.cac)
                .map(readPerson),
            lineResponses: response.children("LineResponse", UBLNamespace.cac).map(readLineResponse))
    }

    private static func readParticipant(_ party: UBLNode) throws -> ApplicationResponseDocument.Participant {
        .init(name: registrationName(party), identification: try readIdentification(party))
    }

    private static func readReference(_ node: UBLNode) throws -> ApplicationResponseDocument.Reference {
        .init(
            id: try node.required("ID").trimmed, uuid: node.value("UUID"),
            uuidScheme: node.child("UUID")?.attribute("schemeName"), typeCode: node.value("DocumentTypeCode"))
    }

    private static func readPerson(_ node: UBLNode) throws -> ApplicationResponseDocument.Person {
        let id = node.child("ID").flatMap { $0.trimmed.isEmpty ? nil : $0 }
        return .init(
            identification: try id.map { try identification($0, defaultType: .cedulaCiudadania) },
            firstName: node.value("FirstName"), familyName: node.value("FamilyName"), jobTitle: node.value("JobTitle"),
            department: node.value("OrganizationDepartment"))
    }

    private static func readLineResponse(_ node: UBLNode) -> ApplicationResponseDocument.LineResponse {
        let response = node.child("Response", UBLNamespace.cac)
        return .init(
            lineID: node.child("LineReference", UBLNamespace.cac)?.value("LineID"),
            code: response?.value("ResponseCode") ?? "", description: response.flatMap(descriptions) ?? "")
    }

    /// The `cbc:Description`s of a `cac:Response`, joined by line breaks; `nil` when there are none.
    private static func descriptions(_ response: UBLNode) -> String? {
        let texts = response.children("Description").map(\.trimmed).filter { !$0.isEmpty }
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }
}
