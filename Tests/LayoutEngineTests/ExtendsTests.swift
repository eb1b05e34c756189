import DisplayModel
import Foundation
import LayoutEngine
import LayoutTemplate
import Testing

/// `extends="base.xml"`: a variant changes styles, page attributes and named blocks of another layout
/// without copying it; problems are reported in the file that has them. Lines were counted by hand.
@Suite struct ExtendsTests {
    private static let base = """
        <layout version="1">
          <fonts><font family="Test Sans"/><font family="Test Sans" weight="bold"/></fonts>
          <styles>
            <style name="accent" color="#000000"/>
          </styles>
          <page size="100pt 100pt" margin="0" font-size="10pt">
            <text style="accent">{doc.number}</text>
            <block name="legal"><text>base legal</text></block>
            <block name="thanks"><text>gracias</text></block>
          </page>
        </layout>
        """

    private func load(_ variant: String) throws -> TemplateParseResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.base.utf8).write(to: directory.appendingPathComponent("base.xml"))
        try Data(variant.utf8).write(to: directory.appendingPathComponent("variant.xml"))
        return TemplateParser.load(
            path: directory.appendingPathComponent("variant.xml").path, displayName: "variant.xml", schema: testSchema,
            fonts: testFonts, assetsDirectory: directory.path)
    }

    @Test func aVariantChangesStylesPageAndNamedBlocksOnly() throws {
        let result = try load("""
            <layout version="1" extends="base.xml">
              <styles>
                <style name="accent" color="#FF0000" font-weight="bold"/>
              </styles>
              <page size="200pt 50pt"/>
            </layout>
            """.replacingOccurrences(of: "</page>", with: "") + "")
        let template = try #require(result.template, "\(result.renderedDiagnostics)")
        #expect(result.diagnostics == [])
        #expect(template.file == "variant.xml")
        #expect(template.page.width.points == 200 && template.page.height.points == 50)
        let laidOut = layout(template, data(lines: 0))
        #expect(laidOut.pages.flatMap(\.texts) == ["F-1", "base legal", "gracias"])
        guard case .text(let number) = template.body.first else { Issue.record("no text first"); return }
        #expect(number.style.font.weight == .bold)
        #expect(number.style.color == .fixed(RGBAColor(red: 1, green: 0, blue: 0)))
    }

    @Test func aNamedBlockIsReplaced() throws {
        let result = try load("""
            <layout version="1" extends="base.xml">
              <page>
                <block name="legal"><text>propia</text><text>{buyer.name}</text></block>
              </page>
            </layout>
            """)
        let template = try #require(result.template, "\(result.renderedDiagnostics)")
        #expect(layout(template, data(lines: 0)).pages.flatMap(\.texts) == ["F-1", "propia", "Ana", "gracias"])
    }

    @Test func problemsAreReportedWhereTheyAre() throws {
        let result = try load("""
            <layout version="1" extends="base.xml">
              <page>
                <block name="legl"><text>x</text></block>
                <block name="thanks"><text colour="#333">{buyer.nmae}</text></block>
              </page>
            </layout>
            """)
        #expect(result.template == nil)
        let found = result.diagnostics.map { "\($0.file):\($0.line) \($0.code)" }
        #expect(found.sorted() == ["variant.xml:3 unknown-block", "variant.xml:4 unknown-attribute", "variant.xml:4 unknown-field"])
        let unknownBlock = result.diagnostics.first { $0.code == .unknownBlock }
        #expect(unknownBlock?.message == "base.xml has no block named `legl`")
        #expect(unknownBlock?.hints.first == "did you mean `legal`?")
        #expect(result.renderedDiagnostics.contains("<block name=\"legl\">"))
    }

    @Test func aMissingParentIsOneClearError() throws {
        let result = try load("<layout version=\"1\" extends=\"nothere.xml\"/>")
        #expect(result.template == nil)
        #expect(result.diagnostics.map(\.code) == [.invalidExtends])
        #expect(result.diagnostics.first.map { "\($0.line):\($0.column)" } == "1:30")
    }
}
