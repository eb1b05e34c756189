import DocumentModel
import Foundation

/// Walks a JSON tree and collects every field error instead of stopping at the first.
struct FieldReader {
    var errors: [FieldError] = []

    mutating func fail(_ path: String, _ node: JSONNode?, _ message: String) {
        errors.append(FieldError(field: path, message: message, line: node?.line, column: node?.column))
    }

    /// The members of an object at `path`, reporting unknown keys (a typo must not silently drop data).
    mutating func object(_ node: JSONNode?, _ path: String, allowed: Set<String>, required: Bool = true) -> JSONNode? {
        guard let node, node.value != .null else {
            if required { fail(path, node, "is required") }
            return nil
        }
        guard case .object(let members) = node.value else {
            fail(path, node, "must be an object, not \(node.value.typeName)")
            return nil
        }
        var seen: Set<String> = []
        for member in members {
            if !seen.insert(member.key).inserted {
                // JSON readers disagree on which copy wins; Folio refuses to guess.
                fail(join(path, member.key), member.value, "appears more than once in this object")
            } else if !allowed.contains(member.key) {
                let hint = Suggestion.closest(to: member.key, in: allowed).map { " — did you mean \"\($0)\"?" } ?? ""
                fail(join(path, member.key), member.value, "is not a known field\(hint)")
            }
        }
        return node
    }

    mutating func array(_ node: JSONNode?, _ path: String, required: Bool = true) -> [JSONNode]? {
        guard let node, node.value != .null else {
            if required { fail(path, node, "is required") }
            return nil
        }
        guard case .array(let elements) = node.value else {
            fail(path, node, "must be an array, not \(node.value.typeName)")
            return nil
        }
        return elements
    }

    mutating func string(_ node: JSONNode?, _ path: String, required: Bool = true, maxLength: Int = 5_000) -> String? {
        guard let node, node.value != .null else {
            if required { fail(path, node, "is required") }
            return nil
        }
        guard case .string(let text) = node.value else {
            fail(path, node, "must be a string, not \(node.value.typeName)")
            return nil
        }
        if let bad = text.unicodeScalars.first(where: Self.isForbidden) {
            let code = String(bad.value, radix: 16, uppercase: true)
            fail(path, node, "contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which XML cannot carry; remove it")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { fail(path, node, "must not be empty") }
            return nil
        }
        if trimmed.count > maxLength {
            fail(path, node, "is \(trimmed.count) characters long; at most \(maxLength) are accepted")
            return nil
        }
        return trimmed
    }

    /// C0 controls other than tab and line ends, DEL-range C1 controls, and the non-characters U+FFFE/U+FFFF:
    /// XML 1.0 cannot hold them (or libxml2 drops what follows a NUL), so they are refused at the door.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    mutating func bool(_ node: JSONNode?, _ path: String) -> Bool? {
        guard let node, node.value != .null else { return nil }
        guard case .bool(let value) = node.value else {
            fail(path, node, "must be true or false, not \(node.value.typeName)")
            return nil
        }
        return value
    }

    /// A decimal written as a JSON string (`"1500.10"`, preferred) or a JSON number (read from its exact text),
    /// with at most `maxDecimals` decimals and an absolute value of at most `limit`.
    mutating func decimal(
        _ node: JSONNode?, _ path: String, required: Bool = true, maxDecimals: Int = 6, limit: Decimal = 1_000_000_000_000
    ) -> Decimal? {
        guard let node, node.value != .null else {
            if required { fail(path, node, "is required") }
            return nil
        }
        let text: String
        switch node.value {
        case .string(let value): text = value.trimmingCharacters(in: .whitespaces)
        case .number(let value): text = value
        default:
            fail(path, node, "must be a decimal number such as \"1500.00\", not \(node.value.typeName)")
            return nil
        }
        guard let value = DecimalText.parse(text) else {
            let hint = text.contains(",") ? " (use a dot as the decimal separator and no thousands separator)" : ""
            fail(path, node, "\"\(text)\" is not a decimal number\(hint)")
            return nil
        }
        let decimals = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        if decimals > maxDecimals {
            fail(path, node, "\"\(text)\" has \(decimals) decimals; at most \(maxDecimals) are accepted")
            return nil
        }
        if value.magnitude > limit {
            fail(path, node, "\"\(text)\" is larger than \(DecimalText.plain(limit)), the most Folio accepts here")
            return nil
        }
        return value
    }

    mutating func date(_ node: JSONNode?, _ path: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(node, path, required: required) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            fail(path, node, "\"\(text)\" is not a date; write YYYY-MM-DD, e.g. 2026-01-31")
            return nil
        }
        return date
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// "Did you mean …?" for misspelt keys and codes.
enum Suggestion {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
