public import DocumentModel
import Foundation
import XMLTree

/// Reads any DIAN UBL 2.1 Invoice, CreditNote or DebitNote into an ``ElectronicDocument`` — Folio's own
/// output and documents written by other software alike — and ApplicationResponses (RADIAN events, DIAN's
/// verdicts) into an ``ApplicationResponseDocument`` (``readApplicationResponse(_:sourceName:)``);
/// ``readAny(_:sourceName:)`` reads whichever of them a file holds.
///
/// Amounts are read exactly as `Decimal`. Optional elements may be absent: a party without addresses,
/// a document without `sts:DianExtensions`, old `CustomizationID`s, the legacy `sts` namespace, and
/// `cbc:IssueTime` without an offset (read as −05:00). What the reader needs and cannot find is an error
/// naming the element path and line.
public enum UBLReader {
    /// Reads one document.
    ///
    /// - Parameters:
    ///   - bytes: The XML document.
    ///   - sourceName: The name used in errors (a path or a label).
    /// - Throws: ``UBLReadError``.
    public static func read(_ bytes: [UInt8], sourceName: String) throws -> ElectronicDocument {
        let rootElement = try parse(bytes, sourceName: sourceName)
        guard let kind = DocumentKind(rootName: rootElement.localName, namespace: rootElement.namespaceURI) else {
            throw notUBL(rootElement, expected: "a UBL 2.1 Invoice, CreditNote or DebitNote", sourceName: sourceName)
        }
        let root = UBLNode(rootElement, path: kind.rootName, sourceName: sourceName)
        return try read(root, kind: kind)
    }

    /// The root element of well-formed XML.
    static func parse(_ bytes: [UInt8], sourceName: String) throws -> XMLElement {
        let xml: XMLDocument
        do {
            xml = try XMLDocument.parse(bytes, sourceName: sourceName)
        } catch {
            let first = error.firstError
            throw UBLReadError(
                code: .malformedXML, message: "not well-formed XML: \(error.message)", sourceName: sourceName,
                line: first?.line ?? 0, column: first?.column ?? 0, diagnostics: error.diagnostics)
        }
        guard let root = xml.root else {
            throw UBLReadError(code: .notUBL, message: "the document has no root element", sourceName: sourceName)
        }
        return root
    }

    /// The error for a root element that is not what the caller reads; `expected` completes "is not …".
    static func notUBL(_ root: XMLElement, expected: String, sourceName: String) -> UBLReadError {
        UBLReadError(
            code: .notUBL,
            message: "the root element {\(root.namespaceURI ?? "")}\(root.localName) (line \(root.line)) is not \(expected)",
            sourceName: sourceName, path: root.localName, line: root.line)
    }

    static func read(_ root: UBLNode, kind: DocumentKind) throws -> ElectronicDocument {
        let extensions = try readDianExtensions(root)
        let paymentMeans = try readPaymentMeans(root)
        let currency = root.value("DocumentCurrencyCode")
            ?? root.child(kind.monetaryTotalElement, UBLNamespace.cac)?.child("PayableAmount")?.attribute("currencyID")
            ?? "COP"
        let dueDate = kind == .invoice ? try root.child("DueDate")?.date() : paymentMeans?.dueDate
        var document = ElectronicDocument(
            kind: kind, environment: try requiredEnvironment(root), customizationID: root.value("CustomizationID") ?? "",
            number: try root.required("ID").trimmed, uniqueCode: root.value("UUID"),
            issueDate: try root.required("IssueDate").date(), issueTime: try readIssueTime(root), dueDate: dueDate,
            typeCode: kind.typeCodeElement.flatMap { root.value($0) }, notes: root.children("Note").map(\.text),
            currency: currency, orderReference: root.child("OrderReference", UBLNamespace.cac)?.value("ID"),
            billingReference: try readBillingReference(root), discrepancy: readDiscrepancy(root),
            supplier: try readParty(root.required("AccountingSupplierParty", UBLNamespace.cac)),
            customer: try readParty(root.required("AccountingCustomerParty", UBLNamespace.cac)),
            paymentMeans: paymentMeans, taxTotals: try root.children("TaxTotal", UBLNamespace.cac).map(readTaxTotal),
            totals: try readMonetaryTotal(root, kind: kind), lines: try readLines(root, kind: kind),
            control: extensions.control, software: extensions.software, qrText: extensions.qrText)
        if let period = root.child("InvoicePeriod", UBLNamespace.cac) {
            document.invoicePeriod = InvoicePeriod(
                startDate: try period.required("StartDate").date(), endDate: try period.required("EndDate").date())
        }
        return document
    }

    /// `cbc:ProfileExecutionID`, else `cbc:UUID/@schemeID`; `nil` when neither says.
    static func readEnvironment(_ root: UBLNode) throws -> DIANEnvironment? {
        if let node = root.child("ProfileExecutionID") {
            guard let environment = DIANEnvironment(rawValue: node.trimmed) else {
                throw node.invalid("'\(node.trimmed)' is not 1 (producción) or 2 (pruebas)")
            }
            return environment
        }
        return root.child("UUID")?.attribute("schemeID").flatMap(DIANEnvironment.init(rawValue:))
    }

    private static func requiredEnvironment(_ root: UBLNode) throws -> DIANEnvironment {
        guard let environment = try readEnvironment(root) else { throw root.missing("ProfileExecutionID") }
        return environment
    }

    /// `HH:MM:SS-05:00`; a bare `HH:MM:SS` (older documents) is read as Bogotá time.
    static func readIssueTime(_ root: UBLNode) throws -> OffsetTime {
        let node = try root.required("IssueTime")
        guard let time = OffsetTime(node.trimmed, assumeBogota: true) else {
            throw node.invalid("'\(node.trimmed)' is not an HH:MM:SS[±HH:MM] time")
        }
        return time
    }

    private static func readPaymentMeans(_ root: UBLNode) throws -> PaymentMeans? {
        guard let node = root.child("PaymentMeans", UBLNamespace.cac) else { return nil }
        return PaymentMeans(
            methodID: node.value("ID") ?? "", code: node.value("PaymentMeansCode") ?? "",
            dueDate: try node.child("PaymentDueDate")?.date())
    }

    private static func readBillingReference(_ root: UBLNode) throws -> BillingReference? {
        guard let reference = root.child("BillingReference", UBLNamespace.cac)?
            .child("InvoiceDocumentReference", UBLNamespace.cac)
        else { return nil }
        return BillingReference(
            id: try reference.required("ID").trimmed, uuid: reference.value("UUID"),
            issueDate: try reference.child("IssueDate")?.date())
    }

    private static func readDiscrepancy(_ root: UBLNode) -> Discrepancy? {
        guard let node = root.child("DiscrepancyResponse", UBLNamespace.cac) else { return nil }
        return Discrepancy(
            referenceID: node.value("ReferenceID"), code: node.value("ResponseCode") ?? "",
            description: node.children("Description").map(\.text).joined(separator: "\n"))
    }
}
