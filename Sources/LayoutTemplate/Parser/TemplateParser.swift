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
    public var renderedDiagnostics: String {
        DiagnosticRenderer.gcc(diagnostics, sources: otherSources.merging([file: source]) { $1 })
    }

    let file: String
    /// The text of the layout it extends, by file name, for excerpts of diagnostics there.
    var otherSources: [String: String] = [:]
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
        var checker = TemplateChecker(file: file, text: text, schema: schema, fonts: fonts, assetsDirectory: assetsDirectory)
        var template: Template?
        var otherSources: [String: String] = [:]
        if let root = document.root, let parentName = root.attribute("extends") {
            // Check the parent with this file's changes applied; the template keeps this file's name.
            guard let parent = loadParent(parentName, of: file, root: root, assetsDirectory: assetsDirectory, text: text) else {
                return TemplateParseResult(
                    template: nil, diagnostics: invalidExtends(parentName, file: file, text: text), source: text, file: file)
            }
            otherSources[parent.file] = parent.text
            checker = TemplateChecker(file: parent.file, text: parent.text, schema: schema, fonts: fonts, assetsDirectory: assetsDirectory)
            checker.extensionPieces = LayoutExtension(locator: SourceLocator(file: file, text: text), styles: [], page: nil, blocks: [])
            checker.readExtension(root, parentName: parentName)
            template = parent.document.root.flatMap { checker.layout($0) }
            template?.file = file
            checker.reportUnusedReplacements(
                parentName: parentName, parentBlocks: parent.document.root.map(LayoutExtension.namedBlocks) ?? [])
        } else {
            template = document.root.flatMap { checker.layout($0) }
        }
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
        var result = TemplateParseResult(template: hasErrors ? nil : template, diagnostics: diagnostics, source: text, file: file)
        result.otherSources = otherSources
        return result
    }

    /// The layout `name` that `file` extends, read beside it: its display name, text and document; `nil` when
    /// it cannot be read, is not XML or extends another layout itself (one level keeps variants readable).
    private static func loadParent(
        _ name: String, of file: String, root: XMLElement, assetsDirectory: String?, text: String
    ) -> (file: String, text: String, document: XMLDocument)? {
        let directory = (file as NSString).deletingLastPathComponent
        let base = assetsDirectory ?? directory
        guard !name.contains("/"), name.hasSuffix(".xml"),
            let data = FileManager.default.contents(atPath: base + "/" + name),
            let document = try? XMLDocument.parse([UInt8](data), sourceName: name),
            document.root?.attribute("extends") == nil
        else { return nil }
        let displayName = directory.isEmpty ? name : directory + "/" + name
        return (displayName, String(decoding: data, as: UTF8.self), document)
    }

    private static func invalidExtends(_ name: String, file: String, text: String) -> [Diagnostic] {
        var locator = SourceLocator(file: file, text: text)
        let position = locator.element("layout", reportedLine: 1)
        let at = locator.attribute("extends", after: position).map { locator.location($0.value, length: name.count) }
            ?? locator.location(position)
        return [
            Diagnostic(
                .error, .invalidExtends, "`\(name)` cannot be extended", at: at,
                hints: [
                    "name a layout file in the same folder, e.g. extends=\"invoice.xml\"",
                    "it must be well-formed and must not extend another layout itself",
                ])
        ]
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
