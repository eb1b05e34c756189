import Foundation

extension RuleCatalogue {
    /// The catalogue as a Markdown table (the body of `Docs/rules.md`, `folio rules --markdown`).
    public static func markdownTable() -> String {
        var lines = [
            "| code | severity | field | rule | fix | source |",
            "|---|---|---|---|---|---|",
        ]
        for rule in all {
            let cells = [rule.field, rule.message, rule.fix, rule.source].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| `\(rule.code)` | \(rule.severity.dianWord) | \(cells[0]) | \(cells[1]) | \(cells[2]) | \(cells[3]) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One rule per paragraph, for a terminal (`folio rules`).
    public static func plainText() -> String {
        all.map { rule in
            "\(rule.code) (\(rule.severity.dianWord)) \(rule.field)\n  \(rule.message)\n  fix: \(rule.fix)\n  source: \(rule.source)"
        }.joined(separator: "\n\n") + "\n"
    }
}
