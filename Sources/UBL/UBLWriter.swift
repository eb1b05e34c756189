public import DocumentModel
import Foundation
import XMLTree

/// Writes an ``ElectronicDocument`` as a DIAN UBL 2.1 Invoice, CreditNote or DebitNote.
///
/// The tree is built element by element (never from string templates), in the exact order of the
/// UBL 2.1 XSD sequences. The first `ext:UBLExtension` holds `sts:DianExtensions`; the second has an
/// empty `ext:ExtensionContent` reserved for the XAdES signature, so the output is the document to sign
/// (UBL's XSD accepts it only once that slot holds the signature — see ``UBLValidator``).
public enum UBLWriter {
    /// The UTF-8 bytes of the UBL document, indented (text content is never reformatted).
    ///
    /// - Throws: ``UBLWriteError`` when the document lacks something DIAN requires (software provider,
    ///   QR text, lines) or carries something its UBL kind has no element for.
    public static func write(_ document: ElectronicDocument) throws -> [UInt8] {
        try check(document)
        let kind = document.kind
        let xml = XMLDocument(rootName: kind.rootName, namespace: kind.rootNamespace)
        guard let root = xml.root else { preconditionFailure("a new XMLDocument always has its root") }
        for (prefix, uri) in UBLNamespace.prefixes { root.declareNamespace(prefix: prefix, uri: uri) }

        writeExtensions(document, into: root)
        writeHeader(document, into: root)
        writeParty(document.supplier, as: "AccountingSupplierParty", registrationPrefix: document.control?.prefix, into: root)
        writeParty(document.customer, as: "AccountingCustomerParty", registrationPrefix: nil, into: root)
        if let means = document.paymentMeans { writePaymentMeans(means, document: document, into: root) }
        for total in document.taxTotals { writeTaxTotal(total, currency: document.currency, into: root) }
        writeMonetaryTotal(document.totals, name: kind.monetaryTotalElement, currency: document.currency, into: root)
        for line in document.lines { writeLine(line, kind: kind, currency: document.currency, into: root) }
        return xml.serialized(indented: true)
    }

    /// Header elements from `cbc:UBLVersionID` to `cac:BillingReference`.
    private static func writeHeader(_ document: ElectronicDocument, into root: XMLElement) {
        let kind = document.kind
        root.cbc("UBLVersionID", "UBL 2.1")
        root.cbc("CustomizationID", document.customizationID)
        root.cbc("ProfileID", kind.profileID)
        root.cbc("ProfileExecutionID", document.environment.rawValue)
        root.cbc("ID", document.number)
        if let code = document.uniqueCode {
            root.cbc("UUID", code, ["schemeID": document.environment.rawValue, "schemeName": kind.uniqueCodeScheme])
        }
        root.cbc("IssueDate", document.issueDate.iso)
        root.cbc("IssueTime", document.issueTime.text)
        if kind == .invoice, let due = document.dueDate { root.cbc("DueDate", due.iso) }
        if let element = kind.typeCodeElement, let code = document.typeCode { root.cbc(element, code) }
        for note in document.notes { root.cbc("Note", note) }
        root.cbc(
            "DocumentCurrencyCode", document.currency,
            [
                "listAgencyID": "6", "listAgencyName": "United Nations Economic Commission for Europe",
                "listID": "ISO 4217 Alpha",
            ])
        root.cbc("LineCountNumeric", String(document.lines.count))
        if let period = document.invoicePeriod {
            let element = root.cac("InvoicePeriod")
            element.cbc("StartDate", period.startDate.iso)
            element.cbc("EndDate", period.endDate.iso)
        }
        if let discrepancy = document.discrepancy {
            let response = root.cac("DiscrepancyResponse")
            if let reference = discrepancy.referenceID { response.cbc("ReferenceID", reference) }
            response.cbc("ResponseCode", discrepancy.code)
            response.cbc("Description", discrepancy.description)
        }
        if let order = document.orderReference { root.cac("OrderReference").cbc("ID", order) }
        if let billing = document.billingReference {
            let reference = root.cac("BillingReference").cac("InvoiceDocumentReference")
            reference.cbc("ID", billing.id)
            if let uuid = billing.uuid { reference.cbc("UUID", uuid, ["schemeName": "CUFE-SHA384"]) }
            if let date = billing.issueDate { reference.cbc("IssueDate", date.iso) }
        }
    }

    /// `cac:PaymentMeans`. Notes have no `cbc:DueDate`, so their due date is `cbc:PaymentDueDate`.
    private static func writePaymentMeans(_ means: PaymentMeans, document: ElectronicDocument, into root: XMLElement) {
        let element = root.cac("PaymentMeans")
        element.cbc("ID", means.methodID)
        element.cbc("PaymentMeansCode", means.code)
        let due = document.kind == .invoice ? means.dueDate : (means.dueDate ?? document.dueDate)
        if let due { element.cbc("PaymentDueDate", due.iso) }
    }
}
