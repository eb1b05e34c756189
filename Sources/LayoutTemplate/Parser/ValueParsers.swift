/// Parsers for attribute values. Each returns `nil` after describing the problem in `Problem`.
enum ValueParsers {
    struct Problem: Error {
        var message: String
        var hints: [String]
        var code: DiagnosticCode = .invalidValue
        var severity: Diagnostic.Severity = .error
    }

    static let unitHint = "write `12pt` or `4mm` (units: pt, mm, cm, in)"

    /// `12pt`, `4mm`, `1.5cm`, `1in`; a bare `0` is allowed. Negative lengths are refused.
    static func length(_ text: String) throws(Problem) -> Length {
        let trimmed = text.trimmingWhitespace()
        if trimmed == "0" { return .zero }
        let units: [(String, (Double) -> Length)] = [("pt", Length.pt), ("mm", Length.mm), ("cm", Length.cm), ("in", Length.inches)]
        for (unit, make) in units where trimmed.hasSuffix(unit) {
            guard let value = Double(trimmed.dropLast(unit.count)), value.isFinite else { break }
            guard value >= 0 else { throw Problem(message: "`\(trimmed)` is negative", hints: ["lengths are zero or more"], code: .invalidLength) }
            return make(value)
        }
        if Double(trimmed) != nil {
            throw Problem(message: "`\(trimmed)` needs a unit", hints: [unitHint], code: .invalidLength)
        }
        throw Problem(message: "`\(trimmed)` is not a length", hints: [unitHint], code: .invalidLength)
    }

    /// One to four lengths, CSS order: `4mm`, `2mm 4mm`, `1mm 2mm 3mm`, `1mm 2mm 3mm 4mm`.
    static func edges(_ text: String) throws(Problem) -> Edges {
        let parts = text.splitOnWhitespace()
        var lengths: [Length] = []
        for part in parts { lengths.append(try length(part)) }
        switch lengths.count {
        case 1: return Edges(all: lengths[0])
        case 2: return Edges(top: lengths[0], right: lengths[1], bottom: lengths[0], left: lengths[1])
        case 3: return Edges(top: lengths[0], right: lengths[1], bottom: lengths[2], left: lengths[1])
        case 4: return Edges(top: lengths[0], right: lengths[1], bottom: lengths[2], left: lengths[3])
        default:
            throw Problem(message: "`\(text)` should be 1 to 4 lengths", hints: ["for example `2mm 4mm` (top/bottom, left/right)"], code: .invalidLength)
        }
    }

    /// `#RGB`, `#RRGGBB`, `#RRGGBBAA` or a name; bindings are handled by the caller.
    static func color(_ text: String) throws(Problem) -> RGBAColor {
        if let color = RGBAColor(css: text.trimmingWhitespace()) { return color }
        throw Problem(
            message: "`\(text)` is not a colour; black is used",
            hints: ["write `#RRGGBB`, e.g. `#14306E`"] + Suggestions.hint(for: text, in: RGBAColor.named.keys),
            code: .unknownColor, severity: .warning)
    }

    /// Column widths: `18mm 1fr 2fr 20%`.
    static func columns(_ text: String) throws(Problem) -> [ColumnWidth] {
        var result: [ColumnWidth] = []
        for part in text.splitOnWhitespace() {
            if part.hasSuffix("fr"), let share = Double(part.dropLast(2)), share > 0 {
                result.append(.fraction(share))
            } else if part.hasSuffix("%"), let percent = Double(part.dropLast()), percent >= 0 {
                result.append(.percent(percent))
            } else if Double(part) != nil && part != "0" {
                throw Problem(message: "column width `\(part)` needs a unit", hints: ["write `20mm`, `25%` or `1fr` (a share of the rest)"], code: .invalidLength)
            } else {
                result.append(.fixed(try length(part)))
            }
        }
        guard !result.isEmpty else { throw Problem(message: "no columns given", hints: ["for example `columns=\"20mm 1fr 30mm\"`"]) }
        return result
    }

    /// One of `allowed` (exact, lower case).
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, as type: T.Type) throws(Problem) -> T where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        throw Problem(
            message: "`\(text)` is not one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))",
            hints: Suggestions.hint(for: text, in: allowed))
    }

    /// `true` or `false`.
    static func flag(_ text: String) throws(Problem) -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw Problem(message: "`\(text)` is not `true` or `false`", hints: [])
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    func splitOnWhitespace() -> [String] {
        split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// XML whitespace runs collapsed to one space (template literal text), ends kept.
    func collapsingWhitespace() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var inSpace = false
        for character in self {
            if character == " " || character == "\n" || character == "\t" || character == "\r" || character == "\r\n" {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }
}
