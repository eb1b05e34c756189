import DocumentModel
import Foundation

extension ERPDocumentReader {
    static let printKeys: Set<String> = ["warehouse", "branch", "printer", "copies"]

    /// The optional `print` object: `warehouse`, `branch` (for the routing rules), `printer` and `copies`
    /// (overriding them).
    static func printHints(_ node: JSONNode?, _ r: inout FieldReader) -> PrintHints {
        guard let node, node.value != .null, let object = r.object(node, "print", allowed: printKeys, required: false) else {
            return PrintHints()
        }
        var hints = PrintHints(
            warehouse: r.string(object["warehouse"], "print.warehouse", required: false, maxLength: 50),
            branch: r.string(object["branch"], "print.branch", required: false, maxLength: 50))
        if let printer = r.string(object["printer"], "print.printer", required: false, maxLength: 300) {
            if isPrinter(printer) {
                hints.printer = printer
            } else {
                r.fail(
                    "print.printer", object["printer"],
                    "\"\(printer)\" is not a printer: a CUPS queue name (letters, digits, '_', '.', '-') or ipp://HOST:PORT/printers/QUEUE")
            }
        }
        if let copies = r.decimal(object["copies"], "print.copies", required: false, maxDecimals: 0, limit: 99) {
            if copies >= 1 {
                hints.copies = NSDecimalNumber(decimal: copies).intValue
            } else {
                r.fail("print.copies", object["copies"], "must be from 1 to 99")
            }
        }
        return hints
    }

    /// A queue name, or an `ipp://` URI whose last path segment is one (checked in full by the print service).
    static func isPrinter(_ text: String) -> Bool {
        let queue = text.hasPrefix("ipp://") ? String(text.split(separator: "/").last ?? "") : text
        return !queue.isEmpty && queue.count <= 127
            && queue.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }
}
