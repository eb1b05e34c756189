import DisplayModel
import LayoutEngine
import LayoutTemplate
import Testing

/// More page-break rules, and a sweep over page heights and row sizes checking that nothing is lost.
@Suite struct FragmentationTests {
    private static let table = """
        <table columns="20pt 1fr">
          <header repeat="true"><cell>H</cell><cell>Desc</cell></header>
          <rows each="line in lines"><cell>{line.code}</cell><cell>{line.description}</cell></rows>
        </table>
        """

    @Test func aHeaderIsNeverLeftAloneAtTheBottomOfAPage() throws {
        // Four 10pt paragraphs leave 10pt on a 50pt page: room for the header but not for a row under it.
        let body = "<text>a</text><text>b</text><text>c</text><text>d</text>" + Self.table
        let result = layout(try template(page(height: 50, body: body)), data(lines: 2))
        #expect(result.pages.map(\.texts) == [["a", "b", "c", "d"], ["H", "Desc", "R1", "item", "R2", "item"]])
    }

    @Test func keepWithNextCarriesAHeadingAlong() throws {
        let body = """
            <text>a</text><text>b</text><text>c</text>
            <text>d</text>
            <block keep-with-next="true"><text>TITLE</text></block>
            <block each="line in lines"><text>{line.code}</text></block>
            """
        // The heading would fit as the fifth line, but its first follower would not: both move.
        let result = layout(try template(page(height: 50, body: body)), data(lines: 2))
        #expect(result.pages.map(\.texts) == [["a", "b", "c", "d"], ["TITLE", "R1", "R2"]])
    }

    @Test func spansAndLineBreaksMakeOneParagraph() throws {
        let body = "<text><span font-weight=\"bold\">NIT: </span><span>{doc.number}</span><br/><span>{buyer.name}</span></text>"
        let result = layout(try template(page(body: body)), data(lines: 0))
        #expect(result.pages[0].texts == ["NIT: F-1\nAna"])
        guard case .text(let text) = result.pages[0].items[0] else {
            Issue.record("not text")
            return
        }
        #expect(text.paragraph.spans.map(\.range) == [0..<5, 5..<8, 8..<9, 9..<12])
        #expect(text.paragraph.spans.map(\.font.weight) == [.bold, .normal, .normal, .normal])
    }

    @Test func boundColoursAreResolvedFromData() throws {
        let result = layout(try template(page(body: "<text color=\"{doc.color}\" background=\"{doc.color}\">x</text>")), data(lines: 0))
        let colours = result.pages[0].items.compactMap { item -> RGBAColor? in
            switch item {
            case .text(let text): text.paragraph.color
            case .rectangle(let rectangle): rectangle.fill
            default: nil
            }
        }
        #expect(colours == [RGBAColor(red: 1, green: 0, blue: 0), RGBAColor(red: 1, green: 0, blue: 0)])
    }

    @Test(arguments: [30, 35, 47, 50, 64, 80])
    func nothingIsLostWhateverThePageHeight(height: Int) throws {
        for keep in [false, true] {
            let rows = keep ? "<rows keep-together=\"true\" " : "<rows "
            let source = page(height: height, body: Self.table.replacingOccurrences(of: "<rows ", with: rows) + """
                <block keep-together="true" keep-with-previous="true"><text>T1</text><text>T2</text></block>
                """)
            // Descriptions of 1 to 9 lines (16 characters a line).
            let lines = 25
            let result = layout(try template(source), data(lines: lines) { index in
                Array(repeating: "word\(index)xx", count: 1 + (index * 7) % 17).joined(separator: " ")
            })
            #expect(!result.hasErrors)
            #expect(result.pages.count < 200)
            let texts = result.pages.flatMap(\.texts)
            #expect(texts.filter { $0.hasPrefix("R") } == (1...lines).map { "R\($0)" })
            for index in 1...lines {
                let words = texts.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.filter { $0 == "word\(index)xx" }
                #expect(words.count == 1 + (index * 7) % 17, "row \(index) lost words at height \(height)")
            }
            // Totals together, on the last page, with at least one line of the table when a page can hold
            // the header, a line and the totals (40pt); on smaller pages the glue cannot be honoured.
            let last = try #require(result.pages.last)
            #expect(last.texts.suffix(2) == ["T1", "T2"])
            let withTable = last.texts.contains { $0.hasPrefix("R") || $0.hasPrefix("word") }
            #expect(withTable == (height >= 40))
            // The header starts every page that has table content.
            #expect(result.pages.filter { $0.texts != ["T1", "T2"] }.allSatisfy { $0.texts.first == "H" })
        }
    }
}
