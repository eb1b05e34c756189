public import DisplayModel
import Foundation
import XMLTree

/// What loading a template produced: the checked template when there is no error, and every diagnostic.
public struct TemplateParseResult: Sendable {
    /// `nil` when any diagnostic is an error.
    public var template: Template?
    public var diagnostics: [Diagnostic]
    /// The source text, for showing diagnostics with their line (``DiagnosticRenderer/gcc(_:sources:)``).
    public var source: String

    public var hasErrors: Bool { diagnostics.contains { $0.isError } }

    /// The diagnostics in gcc format with source excerpts.
    public var renderedDiagnostics: String { DiagnosticRenderer.gcc(diagnostics, sources: [file: source]) }

    let file: String
}

/// Reads `Layouts/*.xml` into a checked ``Template``, collecting every problem instead of stopping at the
/// first: unknown elements and attributes (with "did you mean"), lengths without units, unknown fields
/// (checked against the display schema), styles, fonts, the format version.
public enum TemplateParser {
    /// The elements of the layout format and the attributes each accepts (style attributes included).
    public static var vocabulary: [String: [String]] { Vocabulary.attributes }

    /// Parses and checks template source text.
    /// - Parameters:
    ///   - source: the XML bytes.
    ///   - file: the name diagnostics use (`Layouts/invoice.xml`).
    ///   - schema: the display data the template may bind (``DocumentDisplay/schema`` for documents).
    ///   - fonts: the faces available in `Fonts/`.
    ///   - assetsDirectory: where `src` paths are resolved, to report missing images; `nil` skips that check.
    ///   - grammar: the RELAX NG grammar to check the structure against first (``LayoutGrammar``); its
    ///     problems are kept only on lines where Folio's own checks found none. `nil` skips it.
    public static func parse(
        source: [UInt8], file: String, schema: DisplaySchema, fonts: FontCatalog, assetsDirectory: String? = nil,
        grammar: LayoutGrammar? = nil
    ) -> TemplateParseResult {
        let text = String(decoding: source, as: UTF8.self)
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(source, sourceName: file)
        } catch {
            let diagnostics = error.diagnostics.filter { $0.severity >= .error }.map {
                Diagnostic(
                    .error, .malformedXML, $0.message.trimmingWhitespace(),
                    at: SourceSpan(file: file, line: $0.line, column: max(1, $0.column)),
                    hints: ["the file must be well-formed XML: check the tag and quote named here"])
            }
            let fallback = Diagnostic(.error, .malformedXML, error.message, at: SourceSpan(file: file, line: 1, column: 1))
            return TemplateParseResult(template: nil, diagnostics: diagnostics.isEmpty ? [fallback] : diagnostics, source: text, file: file)
        }
        let checker = TemplateChecker(file: file, text: text, schema: schema, fonts: fonts, assetsDirectory: assetsDirectory)
        let template = document.root.flatMap { checker.layout($0) }
        var diagnostics = checker.diagnostics
        if let grammar {
            let checkedLines = Set(diagnostics.filter(\.isError).map(\.line))
            var seen: Set<String> = []
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for problem in grammar.check(document, file: file, lines: lines)
            where !checkedLines.contains(problem.line) && seen.insert("\(problem.line) \(problem.message)").inserted {
                diagnostics.append(problem)
            }
        }
        let hasErrors = diagnostics.contains { $0.isError }
        return TemplateParseResult(template: hasErrors ? nil : template, diagnostics: diagnostics, source: text, file: file)
    }

    /// Reads and checks the template file at `path`; diagnostics name it `displayName` (default: `path`).
    public static func load(
        path: String, displayName: String? = nil, schema: DisplaySchema, fonts: FontCatalog,
        assetsDirectory: String? = nil, grammar: LayoutGrammar? = nil
    ) -> TemplateParseResult {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            let diagnostic = Diagnostic(.error, .unreadable, "cannot read the template file", at: SourceSpan(file: name, line: 0, column: 0))
            return TemplateParseResult(template: nil, diagnostics: [diagnostic], source: "", file: name)
        }
        return parse(
            source: [UInt8](data), file: name, schema: schema, fonts: fonts, assetsDirectory: assetsDirectory, grammar: grammar)
    }
}
