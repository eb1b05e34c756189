import DisplayModel
import DocumentModel
import Foundation
import LayoutEngine
import LayoutTemplate
import Testing

/// `{path | formatter}` in templates: checked when the template loads (name, argument, the kind of the field)
/// and applied when it is laid out. Columns were counted by hand in the snippets.
@Suite struct FormatterBindingTests {
    private static let schema = DisplaySchema.record([
        "doc": .record(["date": .value(.date), "nit": .text, "name": .text]),
        "totals": .record(["payable": .value(.amount), "rate": .value(.decimal)]),
    ])

    private static let data: DisplayValue = .record([
        "doc": .record(["date": .value(.date(CalendarDate(year: 2025, month: 3, day: 4))), "nit": "900108281", "name": "Peña Ñandú"]),
        "totals": .record(["payable": .value(.amount(Amount(exactly: "1040200")!)), "rate": .value(.decimal(19))]),
    ])

    private func parse(_ body: String) -> TemplateParseResult {
        TemplateParser.parse(source: Array(page(width: 1000, body: body).utf8), file: "f.xml", schema: Self.schema, fonts: testFonts)
    }

    @Test func formattersPrintTheModelsValues() throws {
        let result = parse("""
            <text>{totals.payable}</text>
            <text>{totals.payable | words}</text>
            <text>{doc.date | date("dd.MM.yyyy")} {doc.date}</text>
            <text>{doc.nit | nit} {totals.rate | percent} {doc.name | upper}</text>
            """)
        let template = try #require(result.template, "\(result.renderedDiagnostics)")
        #expect(result.diagnostics == [])
        let laidOut = Typesetter.layout(template, data: Self.data, measurer: FixedSizeMeasurer())
        #expect(laidOut.diagnostics == [])
        #expect(laidOut.pages.flatMap(\.texts) == [
            "$\u{00A0}1.040.200,00", "UN MILLÓN CUARENTA MIL DOSCIENTOS PESOS M/CTE", "04.03.2025 04/03/2025",
            "900.108.281-3 19% PEÑA ÑANDÚ",
        ])
    }

    @Test func unknownFormatterHasADidYouMean() {
        let result = parse("    <text>{totals.payable | mony}</text>")
        #expect(result.template == nil)
        #expect(result.diagnostics.map(\.code) == [.unknownFormatter])
        #expect(result.diagnostics.first?.message == "unknown formatter `mony`")
        #expect(result.diagnostics.first?.hints.first == "did you mean `money`?")
        #expect(result.diagnostics.first.map { "\($0.line):\($0.column)" } == "5:11")
    }

    @Test func aFormatterMustFitTheField() {
        let result = parse("""
                <text>{doc.name | money}</text>
                <text>{totals.payable | date}</text>
                <text>{doc.date | date("dd MMMM")}</text>
                <text>{totals.payable | words | percent}</text>
            """)
        #expect(result.diagnostics.map(\.code) == [.invalidBinding, .invalidBinding, .invalidValue, .invalidBinding])
        #expect(result.diagnostics.map(\.line) == [5, 6, 7, 8])
        #expect(result.diagnostics.first?.message == "`money` formats an amount or a number; `doc.name` is text")
        #expect(result.diagnostics.last?.message == "`percent` formats a number; it receives text from `words`")
    }

    @Test func dataAFormatterCannotReadIsAWarningAndPrintsAsIs() throws {
        let template = try #require(parse("    <text>{doc.nit | nit}</text>").template)
        let odd: DisplayValue = .record([
            "doc": .record(["date": "", "nit": "NIT-X", "name": ""]), "totals": .record(["payable": "", "rate": ""]),
        ])
        let laidOut = Typesetter.layout(template, data: odd, measurer: FixedSizeMeasurer())
        #expect(laidOut.pages.flatMap(\.texts) == ["NIT-X"])
        #expect(laidOut.diagnostics.map(\.code) == [.invalidData])
        #expect(laidOut.diagnostics.allSatisfy { $0.severity == .warning })
    }
}
