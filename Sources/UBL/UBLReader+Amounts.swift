import DocumentModel
import Foundation
import XMLTree

extension UBLReader {
    /// A `cac:TaxTotal`. Its scheme is the first subtotal's; a subtotal without `cbc:TaxableAmount` or
    /// `cbc:Percent` (per-unit taxes such as the bag tax) reads them as zero.
    static func readTaxTotal(_ node: UBLNode) throws -> TaxTotal {
        let subtotals = try node.children("TaxSubtotal", UBLNamespace.cac).map { sub -> TaxSubtotal in
            let category = try sub.required("TaxCategory", UBLNamespace.cac)
            let scheme = try category.required("TaxScheme", UBLNamespace.cac)
            let percent = try (category.child("Percent") ?? sub.child("Percent"))?.decimal() ?? 0
            return TaxSubtotal(
                scheme: TaxScheme(id: scheme.value("ID") ?? "", name: scheme.child("Name")?.text ?? ""),
                taxableAmount: try sub.amount("TaxableAmount"), taxAmount: try sub.required("TaxAmount").amount(),
                percent: percent)
        }
        return TaxTotal(
            scheme: subtotals.first?.scheme ?? TaxScheme(id: "", name: ""),
            taxAmount: try node.required("TaxAmount").amount(), subtotals: subtotals)
    }

    /// `cac:LegalMonetaryTotal` (`cac:RequestedMonetaryTotal` for debit notes; the other name is accepted
    /// too). `cbc:PayableAmount` is required; absent totals read as zero.
    static func readMonetaryTotal(_ root: UBLNode, kind: DocumentKind) throws -> MonetaryTotal {
        let alternative = kind == .debitNote ? "LegalMonetaryTotal" : "RequestedMonetaryTotal"
        let node = try root.child(alternative, UBLNamespace.cac) ?? root.required(kind.monetaryTotalElement, UBLNamespace.cac)
        return MonetaryTotal(
            lineExtensionAmount: try node.amount("LineExtensionAmount"),
            taxExclusiveAmount: try node.amount("TaxExclusiveAmount"),
            taxInclusiveAmount: try node.amount("TaxInclusiveAmount"),
            allowanceTotalAmount: try node.amount("AllowanceTotalAmount"),
            chargeTotalAmount: try node.amount("ChargeTotalAmount"), prepaidAmount: try node.amount("PrepaidAmount"),
            payableAmount: try node.required("PayableAmount").amount())
    }

    /// The document lines. A line's discount is the sum of its allowances (`ChargeIndicator` false); its
    /// unit price is `cac:Price/cbc:PriceAmount` as written (zero when absent); a non-numeric `cbc:ID`
    /// takes the line's position.
    static func readLines(_ root: UBLNode, kind: DocumentKind) throws -> [DocumentLine] {
        try root.children(kind.lineElement, UBLNamespace.cac).enumerated().map { index, line in
            let quantity = try line.required(kind.quantityElement)
            let item = line.child("Item", UBLNamespace.cac)
            let discounts = try line.children("AllowanceCharge", UBLNamespace.cac)
                .filter { $0.value("ChargeIndicator") == "false" }
                .map { try $0.required("Amount").amount() }
            return DocumentLine(
                id: Int(try line.required("ID").trimmed) ?? index + 1,
                code: item?.child("SellersItemIdentification", UBLNamespace.cac)?.value("ID")
                    ?? item?.child("StandardItemIdentification", UBLNamespace.cac)?.value("ID"),
                description: item?.children("Description").map(\.text).joined(separator: "\n") ?? "",
                quantity: try quantity.decimal(), unitCode: quantity.attribute("unitCode") ?? "",
                unitPrice: try line.child("Price", UBLNamespace.cac)?.required("PriceAmount").amount() ?? .zero,
                discount: discounts.reduce(.zero, +),
                lineExtensionAmount: try line.required("LineExtensionAmount").amount(),
                taxes: try line.children("TaxTotal", UBLNamespace.cac).map(readTaxTotal),
                note: line.children("Note").first?.text)
        }
    }
}
