import DocumentModel
import Foundation
import XMLTree

/// An element being read, with its path for error messages (`Invoice/cac:Party/cbc:CompanyID`).
struct UBLNode {
    let element: XMLElement
    let path: String
    let sourceName: String

    init(_ element: XMLElement, path: String, sourceName: String) {
        self.element = element
        self.path = path
        self.sourceName = sourceName
    }

    var line: Int { element.line }

    private func childPath(_ name: String, _ namespace: String) -> String {
        let prefix = UBLNamespace.prefix(of: namespace).map { "\($0):" } ?? ""
        return "\(path)/\(prefix)\(name)"
    }

    // MARK: Navigation

    func child(_ name: String, _ namespace: String = UBLNamespace.cbc) -> UBLNode? {
        element.firstChild(named: name, namespace: namespace).map {
            UBLNode($0, path: childPath(name, namespace), sourceName: sourceName)
        }
    }

    func children(_ name: String, _ namespace: String = UBLNamespace.cbc) -> [UBLNode] {
        element.children(named: name, namespace: namespace).map {
            UBLNode($0, path: childPath(name, namespace), sourceName: sourceName)
        }
    }

    /// The child, or a `missingElement` error located at this (its parent's) line.
    func required(_ name: String, _ namespace: String = UBLNamespace.cbc) throws -> UBLNode {
        guard let node = child(name, namespace) else { throw missing(name, namespace) }
        return node
    }

    /// The error for a required child that is absent, located at this (its parent's) line.
    func missing(_ name: String, _ namespace: String = UBLNamespace.cbc) -> UBLReadError {
        let path = childPath(name, namespace)
        return UBLReadError(
            code: .missingElement, message: "\(path) (line \(line)): missing", sourceName: sourceName, path: path,
            line: line)
    }

    // MARK: Values

    /// The text exactly as written (free text: names, descriptions, notes).
    var text: String { element.text }
    /// The text without surrounding whitespace (codes, numbers, dates).
    var trimmed: String { element.text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The trimmed text of an optional child; `nil` when absent or empty.
    func value(_ name: String, _ namespace: String = UBLNamespace.cbc) -> String? {
        guard let text = child(name, namespace)?.trimmed, !text.isEmpty else { return nil }
        return text
    }

    func attribute(_ name: String) -> String? {
        guard let value = element.attribute(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func invalid(_ reason: String) -> UBLReadError {
        UBLReadError(
            code: .invalidValue, message: "\(path) (line \(line)): \(reason)", sourceName: sourceName, path: path,
            line: line)
    }

    func decimal() throws -> Decimal {
        guard let value = DecimalText.parse(trimmed) else { throw invalid("'\(trimmed)' is not a decimal number") }
        return value
    }

    func amount() throws -> Amount { Amount(try decimal()) }

    func date() throws -> CalendarDate {
        guard let date = CalendarDate(iso: trimmed) else { throw invalid("'\(trimmed)' is not a YYYY-MM-DD date") }
        return date
    }

    func integer() throws -> Int {
        guard let value = Int(trimmed) else { throw invalid("'\(trimmed)' is not an integer") }
        return value
    }

    /// An optional amount child; zero when absent.
    func amount(_ name: String) throws -> Amount { try child(name)?.amount() ?? .zero }
}
