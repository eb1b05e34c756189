import Foundation
import XMLTree

/// The RELAX NG grammar of the layout format (`Layouts/schema/layout.rng`): the first, structural check of a
/// layout. ``TemplateParser`` runs it before its own checks when one is given, and keeps a grammar problem only
/// where its own checks found nothing on that line (they say the same thing with better hints).
///
/// Load it once and share it: validation is safe from several threads at once.
public struct LayoutGrammar: Sendable {
    private let schema: RelaxNGSchema

    /// The grammar file, as given.
    public var path: String { schema.path }

    /// Where Folio ships the grammar, relative to a layouts directory.
    public static let relativePath = "schema/layout.rng"

    /// Loads and compiles the grammar at `path`.
    /// - Throws: ``LayoutGrammarError`` naming the file and libxml2's first complaint.
    public init(contentsOf path: String) throws {
        do {
            schema = try RelaxNGSchema(contentsOf: path)
        } catch {
            throw LayoutGrammarError(path: path, message: error.firstError.map(\.description) ?? error.message)
        }
    }

    /// The grammar shipped in `layoutsDirectory/schema/layout.rng`, or `nil` when that file does not exist.
    /// - Throws: ``LayoutGrammarError`` when the file exists but is not a valid grammar.
    public static func shipped(in layoutsDirectory: String) throws -> LayoutGrammar? {
        let path = layoutsDirectory + "/" + relativePath
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try LayoutGrammar(contentsOf: path)
    }

    /// The grammar's complaints about layout source text alone, without Folio's own checks (for tools and
    /// tests; ``TemplateParser`` combines both). Malformed XML gives one `malformed-xml` error.
    public func validate(source: [UInt8], file: String) -> [Diagnostic] {
        let document: XMLDocument
        do { document = try XMLDocument.parse(source, sourceName: file) } catch {
            let first = error.firstError
            return [Diagnostic(.error, .malformedXML, first?.message ?? error.message, at: SourceSpan(file: file, line: first?.line ?? 1, column: max(1, first?.column ?? 1)))]
        }
        let lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return check(document, file: file, lines: lines)
    }

    /// The grammar's complaints about `document`, as `schema` errors at the line of the offending element
    /// (libxml2 gives no column: the column is the first character of the line's text).
    func check(_ document: XMLDocument, file: String, lines: [Substring]) -> [Diagnostic] {
        schema.validate(document).filter { $0.severity >= .error }.map { problem in
            let line = max(problem.line, 1)
            var column = 1
            if line <= lines.count, let first = lines[line - 1].firstIndex(where: { !$0.isWhitespace }) {
                column = lines[line - 1].distance(from: lines[line - 1].startIndex, to: first) + 1
            }
            return Diagnostic(
                .error, .schema, Self.friendly(problem.message), at: SourceSpan(file: file, line: line, column: column),
                hints: ["the layout does not follow \(Self.relativePath); see Layouts/README.md for the elements and their attributes"])
        }
    }

    /// libxml2's wording without its prefix noise: `Invalid attribute colour for element text`.
    static func friendly(_ message: String) -> String {
        var text = message
        for noise in ["Relax-NG validity error : ", "RELAX-NG validity error : "] {
            text = text.replacingOccurrences(of: noise, with: "")
        }
        return "grammar: " + text
    }
}

/// The layout grammar could not be loaded.
public struct LayoutGrammarError: Error, Sendable, CustomStringConvertible {
    /// The grammar file.
    public var path: String
    /// What libxml2 reported.
    public var message: String

    public var description: String { "\(path): not a usable RELAX NG grammar: \(message)" }
}
