/// Presents diagnostics: gcc-style for the CLI and editors, JSON-ready dictionaries for the API.
public enum DiagnosticRenderer {
    /// `Layouts/invoice.xml:42:17: error: message`, the source line and a caret under the column when the
    /// source is known, then one `    hint: …` line per hint. `sources` maps file names to their text.
    public static func gcc(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        var output: [String] = []
        var linesByFile: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            let place =
                diagnostic.line > 0
                ? "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)" : diagnostic.file
            output.append("\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]")
            if let source = sources[diagnostic.file], diagnostic.line > 0 {
                if linesByFile[diagnostic.file] == nil {
                    linesByFile[diagnostic.file] = source.split(separator: "\n", omittingEmptySubsequences: false)
                }
                let lines = linesByFile[diagnostic.file]!
                if diagnostic.line <= lines.count {
                    let text = lines[diagnostic.line - 1].replacingTabs()
                    output.append("    " + text)
                    let column = max(1, diagnostic.column)
                    let caret = String(repeating: " ", count: column - 1) + "^"
                        + String(repeating: "~", count: max(0, diagnostic.location.length - 1))
                    output.append("    " + caret)
                }
            }
            for hint in diagnostic.hints { output.append("    hint: " + hint) }
        }
        return output.joined(separator: "\n")
    }

    /// The API form: `{ "code", "severity", "message", "file", "line", "column", "hints" }` per diagnostic,
    /// as plain values ready for `JSONSerialization` or an `Encodable` wrapper.
    public static func json(_ diagnostics: [Diagnostic]) -> [[String: any Sendable]] {
        diagnostics.map {
            [
                "code": $0.code.rawValue, "severity": $0.severity.rawValue, "message": $0.message, "file": $0.file,
                "line": $0.line, "column": $0.column, "hints": $0.hints,
            ]
        }
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String { String(self).replacingOccurrences(of: "\t", with: " ") }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
