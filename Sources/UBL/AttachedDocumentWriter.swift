public import DocumentModel
public import Foundation
import XMLTree

/// Writes DIAN's AttachedDocument (DIAN.md §6): the container sent to the buyer with the signed invoice
/// (or note) and DIAN's ApplicationResponse validating it, each carried verbatim in a CDATA section.
public enum AttachedDocumentWriter {
    /// The unsigned AttachedDocument, with a `folio:SignaturePending` slot for the issuer's signature.
    ///
    /// - Parameters:
    ///   - signedInvoice: The signed Invoice, CreditNote or DebitNote exactly as sent to DIAN.
    ///   - applicationResponse: DIAN's ApplicationResponse for it (exact bytes).
    ///   - issuedAt: When the container is made; written as `cbc:IssueDate`/`cbc:IssueTime` in Bogotá time.
    /// - Returns: UTF-8 XML, indented (the embedded documents are never reformatted).
    /// - Throws: ``UBLReadError`` when either document cannot be read; ``UBLWriteError`` when the invoice is
    ///   not signed, is not UTF-8, or the response refers to another document.
    public static func write(signedInvoice: [UInt8], applicationResponse: [UInt8], issuedAt: Date) throws -> [UInt8] {
        let invoice = try UBLReader.read(signedInvoice, sourceName: "signed invoice")
        let response = try UBLReader.readApplicationResponse(applicationResponse, sourceName: "application response")
        guard let invoiceText = String(bytes: signedInvoice, encoding: .utf8),
            let responseText = String(bytes: applicationResponse, encoding: .utf8)
        else { throw UBLWriteError(code: .unsupportedField, message: "the invoice and the application response must be UTF-8") }
        guard try isSigned(signedInvoice) else {
            throw UBLWriteError(code: .missingField, message: "\(invoice.number): the invoice is not signed (no ds:Signature)")
        }
        guard response.reference.id == invoice.number else {
            throw UBLWriteError(
                code: .unsupportedField,
                message: "the application response refers to \(response.reference.id), not to \(invoice.number)")
        }

        let xml = XMLDocument(rootName: "AttachedDocument", namespace: UBLNamespace.attachedDocument)
        guard let root = xml.root else { preconditionFailure("a new XMLDocument always has its root") }
        for (prefix, uri) in UBLNamespace.prefixes { root.declareNamespace(prefix: prefix, uri: uri) }
        root.addChild("UBLExtensions", namespace: UBLNamespace.ext)
            .addChild("UBLExtension", namespace: UBLNamespace.ext)
            .addChild("ExtensionContent", namespace: UBLNamespace.ext)
            .addChild("SignaturePending", namespace: UBLNamespace.signaturePending)

        let (date, time) = BogotaTime.split(issuedAt)
        root.cbc("UBLVersionID", "UBL 2.1")
        root.cbc("CustomizationID", "Documentos adjuntos")
        root.cbc("ProfileID", "Factura Electrónica de Venta")
        root.cbc("ProfileExecutionID", invoice.environment.rawValue)
        root.cbc("ID", invoice.number)
        root.cbc("IssueDate", date.iso)
        root.cbc("IssueTime", time.text)
        root.cbc("DocumentType", "Contenedor de Factura Electrónica")
        root.cbc("ParentDocumentID", invoice.number)
        writePartyTaxScheme(invoice.supplier, into: root.cac("SenderParty"))
        writePartyTaxScheme(invoice.customer, into: root.cac("ReceiverParty"))
        writeAttachment(invoiceText, into: root)

        let line = root.cac("ParentDocumentLineReference")
        line.cbc("LineID", "1")
        let reference = line.cac("DocumentReference")
        reference.cbc("ID", invoice.number)
        if let code = invoice.uniqueCode { reference.cbc("UUID", code, ["schemeName": invoice.kind.uniqueCodeScheme]) }
        reference.cbc("IssueDate", invoice.issueDate.iso)
        reference.cbc("DocumentType", "ApplicationResponse")
        writeAttachment(responseText, into: reference)
        let verification = reference.cac("ResultOfVerification")
        verification.cbc("ValidatorID", "Unidad Especial Dirección de Impuestos y Aduanas Nacionales")
        verification.cbc("ValidationResultCode", response.responseCode)
        verification.cbc("ValidationDate", response.issueDate.iso)
        verification.cbc("ValidationTime", response.issueTime.text)
        return xml.serialized(indented: true)
    }

    /// Whether `ext:UBLExtensions` holds a `ds:Signature`.
    private static func isSigned(_ bytes: [UInt8]) throws -> Bool {
        let root = try UBLReader.parse(bytes, sourceName: "signed invoice")
        let contents =
            root.firstChild(named: "UBLExtensions", namespace: UBLNamespace.ext)?
            .children(named: "UBLExtension", namespace: UBLNamespace.ext)
            .compactMap { $0.firstChild(named: "ExtensionContent", namespace: UBLNamespace.ext) } ?? []
        return contents.contains { $0.firstChild(named: "Signature", namespace: UBLNamespace.ds) != nil }
    }

    /// `cac:Attachment/cac:ExternalReference` with the document in a CDATA `cbc:Description`.
    private static func writeAttachment(_ text: String, into parent: XMLElement) {
        let external = parent.cac("Attachment").cac("ExternalReference")
        external.cbc("MimeCode", "text/xml")
        external.cbc("EncodingCode", "UTF-8")
        external.addChild("Description", namespace: UBLNamespace.cbc, cdata: text)
    }

    /// `cac:PartyTaxScheme` of a sender or receiver party, in `PartyTaxSchemeType` order.
    private static func writePartyTaxScheme(_ party: Party, into wrapper: XMLElement) {
        let scheme = wrapper.cac("PartyTaxScheme")
        scheme.cbc("RegistrationName", party.name)
        var attributes: KeyValuePairs<String, String> = [
            "schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name,
            "schemeName": party.identification.type.rawValue,
        ]
        if party.identification.type == .nit, let digit = party.identification.checkDigit {
            attributes = [
                "schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name, "schemeID": String(digit),
                "schemeName": party.identification.type.rawValue,
            ]
        }
        scheme.cbc("CompanyID", party.identification.number, attributes)
        if !party.taxLevelCodes.isEmpty { scheme.cbc("TaxLevelCode", party.taxLevelCodes.joined(separator: ";")) }
        let taxScheme = scheme.cac("TaxScheme")
        taxScheme.cbc("ID", party.taxScheme.id)
        taxScheme.cbc("Name", party.taxScheme.name)
    }
}
