public import DIANClient
import DIANRules
public import DocumentModel
public import Foundation
import UBL
import XMLTree

/// DIAN's ApplicationResponse on a validated document (DIAN.md §5, last bullets): SenderParty = DIAN
/// (800197268, DV 4), ReceiverParty = the issuer, `cac:DocumentResponse/cac:Response/cbc:ResponseCode`
/// `02` "Documento validado por la DIAN", the referenced document's ID and CUFE/CUDE, and one
/// `cac:LineResponse` per notification. Its signature slot holds `folio:SignaturePending` until
/// ``SimulatorSecurity/signApplicationResponse(_:at:)`` signs it.
public enum DIANApplicationResponse {
    static let dianNIT = "800197268"
    static let dianCheckDigit = "4"
    static let dianName = "Unidad Especial Dirección de Impuestos y Aduanas Nacionales"
    static let agencyName = "CO, DIAN (Dirección de Impuestos y Aduanas Nacionales)"

    /// The unsigned XML.
    /// - Parameters:
    ///   - number: DIAN's own sequence for the response (`cbc:ID`).
    ///   - code: `02` validated, `04` rejected.
    public static func build(
        for document: ElectronicDocument, documentKey: String, code: String, description: String,
        notifications: [DIANRuleMessage], number: Int, at instant: Date
    ) -> [UInt8] {
        let cbc = UBLNamespace.cbc
        let cac = UBLNamespace.cac
        let xml = XMLDocument(rootName: "ApplicationResponse", namespace: UBLNamespace.applicationResponse)
        guard let root = xml.root else { preconditionFailure("a new XMLDocument always has its root") }
        for (prefix, uri) in [
            ("cac", cac), ("cbc", cbc), ("ext", UBLNamespace.ext), ("ds", UBLNamespace.ds),
            ("xades", UBLNamespace.xades), ("folio", UBLNamespace.signaturePending),
        ] {
            root.declareNamespace(prefix: prefix, uri: uri)
        }
        root.addChild("UBLExtensions", namespace: UBLNamespace.ext)
            .addChild("UBLExtension", namespace: UBLNamespace.ext)
            .addChild("ExtensionContent", namespace: UBLNamespace.ext)
            .addChild("SignaturePending", namespace: UBLNamespace.signaturePending)
        let (date, time) = BogotaTime.split(instant)
        let id = String(number)
        let issuerNIT = document.supplier.identification.number
        let cude = UniqueCode.eventCUDE(
            id: id, issueDate: date.iso, issueTime: time.text, senderNIT: dianNIT, receiverNIT: issuerNIT,
            responseCode: code, referenceID: document.number, referenceTypeCode: document.kind.dianTypeCode, pin: "")
        root.addChild("UBLVersionID", namespace: cbc, text: "UBL 2.1")
        root.addChild("CustomizationID", namespace: cbc, text: "1")
        root.addChild("ProfileID", namespace: cbc, text: "DIAN 2.1")
        root.addChild("ProfileExecutionID", namespace: cbc, text: document.environment.rawValue)
        root.addChild("ID", namespace: cbc, text: id)
        root.addChild("UUID", namespace: cbc, text: cude).setAttribute("schemeName", "CUDE-SHA384")
        root.addChild("IssueDate", namespace: cbc, text: date.iso)
        root.addChild("IssueTime", namespace: cbc, text: time.text)
        party(
            root.addChild("SenderParty", namespace: cac), name: dianName, nit: dianNIT, checkDigit: dianCheckDigit,
            scheme: "31")
        let issuer = document.supplier.identification
        party(
            root.addChild("ReceiverParty", namespace: cac), name: document.supplier.name, nit: issuerNIT,
            checkDigit: issuer.checkDigit.map(String.init), scheme: issuer.type.rawValue)
        let response = root.addChild("DocumentResponse", namespace: cac)
        let answer = response.addChild("Response", namespace: cac)
        answer.addChild("ResponseCode", namespace: cbc, text: code)
        answer.addChild("Description", namespace: cbc, text: description)
        let reference = response.addChild("DocumentReference", namespace: cac)
        reference.addChild("ID", namespace: cbc, text: document.number)
        reference.addChild("UUID", namespace: cbc, text: documentKey)
            .setAttribute("schemeName", document.kind.uniqueCodeName + "-SHA384")
        for (index, notification) in notifications.enumerated() {
            let line = response.addChild("LineResponse", namespace: cac)
            line.addChild("LineReference", namespace: cac).addChild("LineID", namespace: cbc, text: String(index + 1))
            let lineAnswer = line.addChild("Response", namespace: cac)
            lineAnswer.addChild("ResponseCode", namespace: cbc, text: notification.rule ?? "")
            lineAnswer.addChild("Description", namespace: cbc, text: notification.message)
        }
        return xml.serialized()
    }

    private static func party(_ element: XMLElement, name: String, nit: String, checkDigit: String?, scheme: String) {
        let cbc = UBLNamespace.cbc
        let taxScheme = element.addChild("PartyTaxScheme", namespace: UBLNamespace.cac)
        taxScheme.addChild("RegistrationName", namespace: cbc, text: name)
        let id = taxScheme.addChild("CompanyID", namespace: cbc, text: nit)
        id.setAttribute("schemeAgencyID", "195")
        id.setAttribute("schemeAgencyName", agencyName)
        if let checkDigit { id.setAttribute("schemeID", checkDigit) }
        id.setAttribute("schemeName", scheme)
        let tax = taxScheme.addChild("TaxScheme", namespace: UBLNamespace.cac)
        tax.addChild("ID", namespace: cbc, text: "01")
        tax.addChild("Name", namespace: cbc, text: "IVA")
    }
}
