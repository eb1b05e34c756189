import Foundation

/// Reads the rows of an OASIS genericode file (`<Row><Value ColumnRef="code"><SimpleValue>…`) into
/// code → name. A purpose-built scanner for DIAN's regular files, so this module needs no XML library.
enum GenericodeFile {
    static func read(path: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CodeListError(file: path, message: "cannot read the code list (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CodeListError(file: path, message: "the code list is not UTF-8")
        }
        guard text.contains("genericode") else {
            throw CodeListError(file: path, message: "not a genericode code list (no genericode namespace)")
        }
        var result: [String: String] = [:]
        for (index, row) in text.components(separatedBy: "<Row>").dropFirst().enumerated() {
            guard let end = row.range(of: "</Row>") else {
                throw CodeListError(file: path, message: "row \(index + 1) has no </Row>")
            }
            let body = row[..<end.lowerBound]
            guard let code = value(in: body, column: "code") else {
                throw CodeListError(file: path, message: "row \(index + 1) has no code value")
            }
            result[code] = value(in: body, column: "name") ?? ""
        }
        guard !result.isEmpty else { throw CodeListError(file: path, message: "the code list holds no codes") }
        return result
    }

    /// The trimmed `SimpleValue` of the `Value` with `ColumnRef="column"`.
    private static func value(in row: Substring, column: String) -> String? {
        guard let reference = row.range(of: "ColumnRef=\"\(column)\""),
            let open = row.range(of: "<SimpleValue>", range: reference.upperBound..<row.endIndex),
            let close = row.range(of: "</SimpleValue>", range: open.upperBound..<row.endIndex)
        else { return nil }
        let raw = row[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
