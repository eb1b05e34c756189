import DisplayModel
import Foundation
import FoundationXML
import LayoutTemplate
import Render
import Testing

/// `Layouts/schema/layout.rng`: every shipped layout follows it (checked by the independent `xmllint`), it
/// names exactly the elements and attributes Folio's checker knows, and its errors keep file and line.
@Suite struct LayoutGrammarTests {
    static let grammarPath = Repository.layouts + "/schema/layout.rng"

    static var shippedLayouts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repository.layouts)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }

    @Test func everyShippedLayoutValidatesWithXmllint() throws {
        let layouts = Self.shippedLayouts
        #expect(layouts.count >= 2)
        for name in layouts {
            let result = try ExternalTool.run("xmllint", ["--noout", "--relaxng", Self.grammarPath, Repository.layouts + "/" + name])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("\(name) validates"))
        }
    }

    @Test func folioLoadsTheShippedLayoutsWithTheGrammar() throws {
        let renderer = try DocumentRenderer(
            layoutsDirectory: Repository.layouts, fontsDirectory: Repository.fonts, schemas: .production,
            grammarPath: Self.grammarPath)
        #expect(renderer.grammar?.path == Self.grammarPath)
        #expect(renderer.layoutNames.count == Self.shippedLayouts.count)
        #expect(renderer.templateWarnings == [])
    }

    /// A layout broken in three places, each on its own line (numbered by hand below).
    static let broken = """
        <layout version="1">
          <fonts><font family="DejaVu Sans"/></fonts>
          <page size="A4">
            <text>Hola</text>
            <rule><text>inside a rule</text></rule>
            <block keep-together="yes"/>
            <text align="middle">x</text>
          </page>
        </layout>
        """

    @Test func grammarErrorsNameTheSameLinesAsXmllint() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(Array(Self.broken.utf8), as: "broken.xml")
        let xmllint = try ExternalTool.run("xmllint", ["--noout", "--relaxng", Self.grammarPath, path])
        #expect(xmllint.status != 0)
        let grammar = try LayoutGrammar(contentsOf: Self.grammarPath)
        let diagnostics = grammar.validate(source: Array(Self.broken.utf8), file: path)
        #expect(diagnostics.allSatisfy { $0.code == .schema && $0.file == path })
        // Line 5: a <text> inside <rule>; line 6: `yes` is not a flag; line 7: `middle` is not an alignment.
        #expect(Set(diagnostics.map(\.line)) == [5, 6, 7])
        for line in [5, 6, 7] { #expect(xmllint.stderr.contains("\(path):\(line):")) }
        #expect(diagnostics.first?.column == 5)
    }

    @Test func folioChecksSayItOnceWithHints() throws {
        let result = TemplateParser.parse(
            source: Array(Self.broken.utf8), file: "broken.xml", schema: .record([:]),
            fonts: FontCatalog(faces: [FontFace(family: "DejaVu Sans")]), grammar: try LayoutGrammar(contentsOf: Self.grammarPath))
        let found = result.diagnostics.map { "\($0.line):\($0.code)" }
        #expect(found == ["5:misplaced-element", "6:invalid-value", "7:invalid-value"])
    }

    @Test func aGrammarProblemFolioDoesNotSeeIsStillReported() throws {
        // A length in exponent notation: Folio's unit parser reads it, the grammar's length pattern does not.
        let source = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page size="A4">
                <text font-size="1e1pt">x</text>
              </page>
            </layout>
            """
        let result = TemplateParser.parse(
            source: Array(source.utf8), file: "odd.xml", schema: .record([:]),
            fonts: FontCatalog(faces: [FontFace(family: "DejaVu Sans")]), grammar: try LayoutGrammar(contentsOf: Self.grammarPath))
        #expect(result.template == nil)
        #expect(Set(result.diagnostics.map { "\($0.line):\($0.code)" }) == ["4:schema"])
        #expect(result.renderedDiagnostics.contains("odd.xml:4:5: error: grammar:"))
    }

    /// The grammar's elements and each one's attributes, read from the .rng with Foundation's own XML parser
    /// (references followed, nested elements not entered), against the checker's vocabulary.
    @Test func grammarAndCheckerKnowTheSameVocabulary() throws {
        let document = try FoundationXML.XMLDocument(contentsOf: URL(fileURLWithPath: Self.grammarPath))
        let root = try #require(document.rootElement())
        func elements(_ node: FoundationXML.XMLElement, _ name: String) -> [FoundationXML.XMLElement] {
            (node.children ?? []).compactMap { $0 as? FoundationXML.XMLElement }.filter { $0.localName == name }
        }
        func nameOf(_ node: FoundationXML.XMLElement) -> String {
            (node.attributes ?? []).first { $0.localName == "name" || $0.name == "name" }?.stringValue ?? "?"
        }
        var defines: [String: FoundationXML.XMLElement] = [:]
        for define in elements(root, "define") {
            defines[nameOf(define)] = define
        }
        var vocabulary: [String: Set<String>] = [:]
        func attributes(in node: FoundationXML.XMLElement, visited: Set<String>) -> Set<String> {
            var found: Set<String> = []
            for child in node.children ?? [] {
                guard let element = child as? FoundationXML.XMLElement else { continue }
                switch element.localName {
                case "attribute": found.insert(nameOf(element))
                case "element": collect(element)
                case "ref":
                    let name = nameOf(element)
                    if !visited.contains(name), let define = defines[name] { found.formUnion(attributes(in: define, visited: visited.union([name]))) }
                default: found.formUnion(attributes(in: element, visited: visited))
                }
            }
            return found
        }
        var seen: Set<ObjectIdentifier> = []
        func collect(_ element: FoundationXML.XMLElement) {
            // An element may be declared twice (the two shapes of <layout>): its attributes are the union.
            guard seen.insert(ObjectIdentifier(element)).inserted else { return }
            let name = nameOf(element)
            vocabulary[name, default: []].formUnion(attributes(in: element, visited: []))
        }
        for node in elements(root, "start") + Array(defines.values) { _ = attributes(in: node, visited: []) }
        let checker = TemplateParser.vocabulary.mapValues(Set.init)
        #expect(vocabulary.keys.sorted() == checker.keys.sorted())
        for name in checker.keys.sorted() {
            #expect(vocabulary[name] == checker[name], "<\(name)>")
        }
    }
}
