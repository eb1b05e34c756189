public import DocumentModel
import Foundation

/// Reads Folio's ERP JSON document (see Docs/erp-json.md) into a ``DocumentDraft``, reporting every problem
/// with the field's path and its line and column.
public enum ERPDocumentReader {
    static let topKeys: Set<String> = [
        "reference", "company", "type", "buyer", "lines", "payment", "currency", "order_reference", "notes", "totals",
        "billing_reference", "concept", "print",
    ]
    static let buyerKeys: Set<String> = [
        "final_consumer", "id_type", "id_number", "dv", "person_type", "name", "trade_name", "tax_responsibilities",
        "tax_scheme", "address", "email", "phone",
    ]
    static let addressKeys: Set<String> = [
        "line", "city_code", "city", "department_code", "department", "postal_code", "country",
    ]
    static let lineKeys: Set<String> = [
        "code", "description", "quantity", "unit", "unit_price", "discount", "taxes", "note",
    ]

    /// Parses and checks `bytes`. `source` names the input in messages (a file name or "request body").
    public static func read(_ bytes: [UInt8], source: String) throws(IntakeError) -> DocumentDraft {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw IntakeError(
                source: source,
                errors: [FieldError(field: "", message: "invalid JSON: \(error.message)", line: error.line, column: error.column)])
        }
        var reader = FieldReader()
        let draft = read(root, &reader)
        if let draft, reader.errors.isEmpty { return draft }
        throw IntakeError(source: source, errors: reader.errors)
    }

    static func read(_ root: JSONNode, _ r: inout FieldReader) -> DocumentDraft? {
        guard let root = r.object(root, "", allowed: topKeys) else { return nil }
        let reference = r.string(root["reference"], "reference", maxLength: 100)
        let company = r.string(root["company"], "company", maxLength: 100)
        let kind = documentKind(root["type"], &r)
        let customer = buyer(root["buyer"], &r)
        let lines = self.lines(root["lines"], &r)
        let payment = self.payment(root["payment"], &r)
        let currency = r.string(root["currency"], "currency", required: false) ?? "COP"
        if currency != "COP" {
            r.fail("currency", root["currency"], "only COP is supported for now (got \"\(currency)\")")
        }
        let order = r.string(root["order_reference"], "order_reference", required: false, maxLength: 100)
        var notes: [String] = []
        if let elements = r.array(root["notes"], "notes", required: false) {
            for (i, element) in elements.enumerated() {
                if let note = r.string(element, "notes[\(i + 1)]") { notes.append(note) }
            }
        }
        let declared = totals(root["totals"], &r)
        let (billing, concept) = noteReference(root, kind: kind, &r)

        let printHints = self.printHints(root["print"], &r)

        guard let reference, let company, let kind, let customer, let lines, let payment else { return nil }
        var draft = DocumentDraft(
            kind: kind, erpReference: reference, company: company, customer: customer, lines: lines,
            paymentMeans: payment, notes: notes, orderReference: order, currency: currency,
            billingReference: billing, discrepancy: concept, declaredTotals: declared)
        draft.printHints = printHints
        return draft
    }

    static func documentKind(_ node: JSONNode?, _ r: inout FieldReader) -> DocumentKind? {
        guard let text = r.string(node, "type", required: false) else { return .invoice }
        if let kind = DocumentKind(rawValue: text) { return kind }
        let hint = Suggestion.closest(to: text, in: DocumentKind.allCases.map(\.rawValue)).map { " — did you mean \"\($0)\"?" } ?? ""
        r.fail("type", node, "\"\(text)\" is not a document type; use invoice, credit-note or debit-note\(hint)")
        return nil
    }
}
