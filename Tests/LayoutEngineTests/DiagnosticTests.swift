import DisplayModel
import LayoutEngine
import LayoutTemplate
import Testing

/// Template diagnostics: every problem in a file at once, each at its line and column, with hints.
/// Positions were counted by hand in the snippets.
@Suite struct DiagnosticTests {
    private struct Expected: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var code: DiagnosticCode
        var hints: [String]
        var description: String { "\(line):\(column) \(code) \(hints)" }
    }

    private func found(_ result: TemplateParseResult) -> [Expected] {
        result.diagnostics.map { Expected(line: $0.line, column: $0.column, code: $0.code, hints: $0.hints) }
    }

    private static let several = """
        <layout version="1">
          <fonts><font family="Test Sans"/></fonts>
          <page size="A4" margin="10mm">
            <text colour="#333">Hola {buyer.nmae}</text>
            <tabel columns="1fr"/>
            <text font-size="12">x</text>
          </page>
        </layout>
        """

    @Test func everyProblemIsReportedWithItsPlaceAndAHint() {
        let result = parse(Self.several)
        #expect(result.template == nil)
        #expect(
            found(result) == [
                Expected(line: 4, column: 11, code: .unknownAttribute, hints: ["did you mean `color`?"]),
                Expected(line: 4, column: 30, code: .unknownField, hints: ["did you mean `buyer.name`?"]),
                Expected(line: 5, column: 5, code: .unknownElement, hints: ["did you mean `table`?"]),
                Expected(line: 6, column: 22, code: .invalidLength, hints: ["write `12pt` or `4mm` (units: pt, mm, cm, in)"]),
            ])
        #expect(result.diagnostics.map(\.message) == [
            "unknown attribute `colour` on <text>", "`buyer.nmae` is not a field", "unknown element <tabel>", "`12` needs a unit",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.file == "test.xml" })
    }

    @Test func gccStyleRendering() {
        let result = parse(Self.several)
        let lines = result.renderedDiagnostics.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines.prefix(4)) == [
            "test.xml:4:11: error: unknown attribute `colour` on <text> [unknown-attribute]",
            "        <text colour=\"#333\">Hola {buyer.nmae}</text>",
            "              ^~~~~~",
            "    hint: did you mean `color`?",
        ])
        #expect(lines.contains("test.xml:6:22: error: `12` needs a unit [invalid-length]"))
        #expect(lines.contains("    hint: write `12pt` or `4mm` (units: pt, mm, cm, in)"))
        let json = DiagnosticRenderer.json(Array(result.diagnostics.prefix(1)))
        #expect(json.first?["line"] as? Int == 4)
        #expect(json.first?["column"] as? Int == 11)
        #expect(json.first?["code"] as? String == "unknown-attribute")
        #expect(json.first?["hints"] as? [String] == ["did you mean `color`?"])
    }

    @Test func unknownVersionIsRefused() {
        let result = parse("<layout version=\"2\"><page/></layout>")
        #expect(found(result) == [Expected(line: 1, column: 18, code: .unsupportedVersion, hints: ["this Folio reads version 1"])])
        #expect(result.template == nil)
    }

    @Test func aFontFamilyMissingFromFontsIsAnError() {
        let source = """
            <layout version="1">
              <fonts><font family="Inter"/></fonts>
              <page><text font="Test Sans">x</text></page>
            </layout>
            """
        let result = parse(source)
        #expect(result.diagnostics.map(\.code) == [.missingFont, .undeclaredFont])
        #expect(result.diagnostics.map(\.line) == [2, 3])
        #expect(result.diagnostics[0].column == 24)
        #expect(result.diagnostics[0].message == "font family `Inter` is not in Fonts/")
        #expect(result.diagnostics[1].hints == ["did you mean `Test Sans`?", "add <font family=\"Test Sans\"/> to <fonts>"])
    }

    @Test func loopVariablesAreCheckedAgainstTheListItems() {
        let source = page(body: """
            <table columns="1fr 1fr">
              <rows each="line in lines"><cell>{line.code}</cell><cell>{line.totl}</cell></rows>
            </table>
            <text>{lines.code}</text>
            """)
        let result = parse(source)
        #expect(result.diagnostics.map(\.code) == [.unknownField, .unknownField])
        #expect(result.diagnostics[0].hints == ["did you mean `line.total`?"])
        #expect(result.diagnostics[0].line == 6)
        #expect(result.diagnostics[0].column == 60)
        #expect(result.diagnostics[1].hints == ["`lines` is a list: loop over it with each=\"item in lines\""])
    }

    @Test func pageCountersAndFormattersAreRefusedInTheBody() {
        let result = parse(page(body: "<text>Página {page} de {pages}</text><text>{totals.payable | money}</text>"))
        #expect(result.diagnostics.map(\.code) == [.pageCounterInBody, .pageCounterInBody, .invalidBinding])
        #expect(result.diagnostics.map(\.column) == [14, 24, 44])
    }

    @Test func malformedXMLIsLocated() {
        let result = parse("<layout version=\"1\">\n  <page>\n</layout>\n")
        #expect(result.diagnostics.first?.code == .malformedXML)
        #expect(result.diagnostics.first?.line == 3)
        #expect(result.template == nil)
    }

    @Test func stylesExtendAndCyclesAreFound() throws {
        let source = """
            <layout version="1">
              <fonts><font family="Test Sans"/><font family="Test Sans" weight="bold"/></fonts>
              <styles>
                <style name="body" font-size="9pt" color="#222222"/>
                <style name="th" extends="body" font-weight="bold"/>
                <style name="a" extends="b"/>
                <style name="b" extends="a"/>
              </styles>
              <page><text style="th">x</text><text style="tx">y</text></page>
            </layout>
            """
        let result = parse(source)
        #expect(result.diagnostics.map(\.code) == [.styleCycle, .unknownStyle])
        #expect(result.diagnostics.map(\.line) == [7, 9])
        #expect(result.diagnostics[1].hints == ["did you mean `th`?"])
    }

    @Test func namedStylesResolveWithExtendsAndInheritance() throws {
        let source = """
            <layout version="1">
              <fonts><font family="Test Sans"/><font family="Test Sans" weight="bold"/></fonts>
              <styles>
                <style name="body" font-size="9pt" color="#222222"/>
                <style name="th" extends="body" font-weight="bold" padding="1pt 2pt"/>
              </styles>
              <page font-size="12pt"><block style="th"><text align="right">x</text></block></page>
            </layout>
            """
        let parsed = try template(source)
        guard case .block(let block) = parsed.body[0], case .text(let text) = block.children[0] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(text.style.font == FontSpec(family: "Test Sans", size: 9, weight: .bold))
        #expect(text.style.color == .fixed(RGBAColor(red: 0x22 / 255, green: 0x22 / 255, blue: 0x22 / 255)))
        #expect(text.style.align == .right)
        #expect(block.box.padding == Edges(top: .pt(1), right: .pt(2), bottom: .pt(1), left: .pt(2)))
        #expect(text.box == .plain)
    }

    @Test func unknownColoursAreWarningsWithAFallback() {
        let result = parse(page(body: "<text color=\"blu\">x</text>"))
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.code == .unknownColor)
        #expect(result.diagnostics.first?.hints.last == "did you mean `blue`?")
        #expect(result.template != nil)
    }

    @Test func tablesCheckTheirCellCount() {
        let result = parse(page(body: """
            <table columns="1fr 1fr"><header><cell>a</cell><cell span="2">b</cell></header></table>
            """))
        #expect(result.diagnostics.map(\.code) == [.columnCount])
        #expect(result.diagnostics.first?.message == "<header> fills 3 columns but the table has 2")
    }
}
