import DocumentModel
import Foundation

extension ERPDocumentReader {
    static func payment(_ node: JSONNode?, _ r: inout FieldReader) -> PaymentMeans? {
        guard let node = r.object(node, "payment", allowed: ["method", "means_code", "due_date"], required: false) else {
            return PaymentMeans(methodID: "1", code: "10")
        }
        var methodID = "1"
        if let method = r.string(node["method"], "payment.method", required: false) {
            switch method {
            case "cash", "contado", "1": methodID = "1"
            case "credit", "credito", "crédito", "2": methodID = "2"
            default: r.fail("payment.method", node["method"], "\"\(method)\" must be cash (contado) or credit (crédito)")
            }
        }
        let code = r.string(node["means_code"], "payment.means_code", required: false) ?? (methodID == "2" ? "1" : "10")
        if code.count > 3 || !code.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "Z") }) {
            r.fail("payment.means_code", node["means_code"], "\"\(code)\" is not a DIAN MediosPago code (e.g. 10 efectivo, 42 consignación, 47 transferencia, 48 tarjeta crédito, ZZZ otro)")
        }
        let due = r.date(node["due_date"], "payment.due_date")
        if methodID == "2" && due == nil && node["due_date"] == nil {
            r.fail("payment.due_date", node, "is required for a credit sale")
        }
        return PaymentMeans(methodID: methodID, code: code, dueDate: due)
    }

    static func totals(_ node: JSONNode?, _ r: inout FieldReader) -> DeclaredTotals? {
        guard let node = r.object(node, "totals", allowed: ["line_extension", "tax", "payable"], required: false) else {
            return nil
        }
        return DeclaredTotals(
            lineExtensionAmount: r.decimal(node["line_extension"], "totals.line_extension", required: false).map(Amount.init),
            taxAmount: r.decimal(node["tax"], "totals.tax", required: false).map(Amount.init),
            payableAmount: r.decimal(node["payable"], "totals.payable", required: false).map(Amount.init))
    }

    /// Credit and debit notes name the invoice they correct and DIAN's concept code.
    static func noteReference(_ root: JSONNode, kind: DocumentKind?, _ r: inout FieldReader)
        -> (BillingReference?, Discrepancy?)
    {
        let referenceNode = root["billing_reference"]
        let conceptNode = root["concept"]
        guard let kind, kind != .invoice else {
            if referenceNode != nil { r.fail("billing_reference", referenceNode, "is only for credit and debit notes") }
            if conceptNode != nil { r.fail("concept", conceptNode, "is only for credit and debit notes") }
            return (nil, nil)
        }
        var billing: BillingReference?
        if let node = r.object(referenceNode, "billing_reference", allowed: ["number", "cufe", "issue_date"]) {
            let number = r.string(node["number"], "billing_reference.number")
            let cufe = r.string(node["cufe"], "billing_reference.cufe", required: false)
            if let cufe, cufe.count != 96 || !cufe.allSatisfy(\.isHexDigit) {
                r.fail("billing_reference.cufe", node["cufe"], "must be the 96-character hexadecimal CUFE of the invoice")
            }
            let date = r.date(node["issue_date"], "billing_reference.issue_date", required: true)
            if let number { billing = BillingReference(id: number, uuid: cufe, issueDate: date) }
        }
        var concept: Discrepancy?
        let valid: Set<String> = kind == .creditNote ? ["1", "2", "3", "4", "5"] : ["1", "2", "3", "4"]
        if let node = r.object(conceptNode, "concept", allowed: ["code", "description"]) {
            let code = r.string(node["code"], "concept.code")
            if let code, !valid.contains(code) {
                r.fail("concept.code", node["code"], "\"\(code)\" is not a \(kind == .creditNote ? "credit" : "debit")-note concept; use one of \(valid.sorted().joined(separator: ", "))")
            }
            let description = r.string(node["description"], "concept.description")
            if let code, let description {
                concept = Discrepancy(referenceID: billing?.id, code: code, description: description)
            }
        }
        return (billing, concept)
    }
}
