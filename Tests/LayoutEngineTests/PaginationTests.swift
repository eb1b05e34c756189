import DisplayModel
import LayoutEngine
import LayoutTemplate
import Testing

/// Structural pagination tests: tiny pages, 10pt lines of 5pt-wide characters (FixedSizeMeasurer).
@Suite struct PaginationTests {
    private static let table = """
        <table columns="20pt 1fr">
          <header repeat="true"><cell>H</cell><cell>Desc</cell></header>
          <rows each="line in lines"><cell>{line.code}</cell><cell>{line.description}</cell></rows>
        </table>
        """

    /// The codes and header marks on each page, in order.
    private func rowsByPage(_ result: LayoutResult) -> [[String]] {
        result.pages.map { page in page.texts.filter { $0 == "H" || $0.hasPrefix("R") || $0 == "F" } }
    }

    @Test func rowsFlowOntoPagesAndTheHeaderRepeats() throws {
        // 50pt of body: the header (10pt) and four one-line rows per page.
        let result = layout(try template(page(height: 50, body: Self.table)), data(lines: 10))
        #expect(result.diagnostics == [])
        #expect(rowsByPage(result) == [["H", "R1", "R2", "R3", "R4"], ["H", "R5", "R6", "R7", "R8"], ["H", "R9", "R10"]])
    }

    @Test func pagesAreDeliveredOneByOneInOrder() throws {
        // The streaming entry point (used to draw PDFs page by page) hands over the pages it builds, in order.
        let source = try template(page(height: 50, body: Self.table))
        var delivered: [[String]] = []
        var numbers: [Int] = []
        let diagnostics = Typesetter.layout(source, data: data(lines: 10), measurer: FixedSizeMeasurer()) { page in
            numbers.append(page.number)
            delivered.append(page.texts.filter { $0 == "H" || $0.hasPrefix("R") })
        }
        #expect(diagnostics == [])
        #expect(numbers == [1, 2, 3])
        #expect(delivered == [["H", "R1", "R2", "R3", "R4"], ["H", "R5", "R6", "R7", "R8"], ["H", "R9", "R10"]])
    }

    @Test func aHeaderThatDoesNotRepeatIsOnlyOnTheFirstPage() throws {
        let source = page(height: 50, body: Self.table.replacingOccurrences(of: "repeat=\"true\"", with: "repeat=\"false\""))
        let result = layout(try template(source), data(lines: 7))
        #expect(rowsByPage(result) == [["H", "R1", "R2", "R3", "R4"], ["R5", "R6", "R7"]])
    }

    @Test func aTallRowContinuesOnTheNextPageBetweenLines() throws {
        // The description column is 80pt wide: 16 characters a line. R2's description takes 6 lines.
        let long = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll"
        let result = layout(try template(page(height: 50, body: Self.table)), data(lines: 3) { $0 == 2 ? long : "x" })
        #expect(result.diagnostics == [])
        // Page 1: header, R1 (1 line), R2's first 3 lines. Page 2: header, R2's last 3 lines, R3.
        #expect(result.pages.count == 2)
        #expect(result.pages[0].texts == ["H", "Desc", "R1", "x", "R2", "aaaa bbbb cccc\ndddd eeee ffff\ngggg hhhh iiii"])
        #expect(result.pages[1].texts == ["H", "Desc", "jjjj kkkk llll", "R3", "x"])
        let fragments = result.pages.flatMap(\.items).compactMap { item -> TextFragment? in
            if case .text(let text) = item, text.paragraph.text == long { text } else { nil }
        }
        #expect(fragments.map(\.isWholeParagraph) == [false, false])
        #expect(fragments.map(\.firstLineIndex) == [0, 3])
    }

    @Test func aRowTallerThanSeveralPagesLosesNothing() throws {
        let words = (1...120).map { "w\($0)" }
        let result = layout(try template(page(height: 50, body: Self.table)), data(lines: 1) { _ in words.joined(separator: " ") })
        #expect(result.diagnostics == [])
        #expect(result.pages.count > 3)
        let printed = result.pages.flatMap(\.texts).filter { $0.hasPrefix("w") }.joined(separator: " ")
        #expect(printed.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) == words)
        for page in result.pages { #expect(page.texts.first == "H") }
    }

    @Test func rowsThatKeepTogetherMoveWhole() throws {
        let source = page(height: 50, body: Self.table.replacingOccurrences(of: "<rows ", with: "<rows keep-together=\"true\" "))
        let long = "aaaa bbbb cccc dddd eeee ffff"  // 2 lines
        // Header + R1..R3 use 40pt; R4 (2 lines) does not fit in the last 10pt and moves whole.
        let result = layout(try template(source), data(lines: 5) { $0 == 4 ? long : "x" })
        #expect(rowsByPage(result) == [["H", "R1", "R2", "R3"], ["H", "R4", "R5"]])
    }

    @Test func totalsStayTogetherAndTakeTheLastRowAlong() throws {
        let totals = """
            <block keep-together="true" keep-with-previous="true">
              <text>F</text><text>{totals.payable}</text><text>{totals.inWords}</text>
            </block>
            """
        // Body 60pt. 4 rows: header + 4 rows = 50pt, totals (30pt) cannot follow; it moves and takes R4.
        let result = layout(try template(page(height: 60, body: Self.table + totals)), data(lines: 4))
        #expect(result.diagnostics == [])
        #expect(rowsByPage(result) == [["H", "R1", "R2", "R3"], ["H", "R4", "F"]])
        #expect(result.pages[1].texts.suffix(3) == ["F", "$ 9,00", "NUEVE PESOS M/CTE"])
    }

    @Test func totalsThatFitStayOnThePageWithoutSplitting() throws {
        let totals = "<block keep-together=\"true\"><text>F</text><text>T1</text><text>T2</text></block>"
        // Header + 2 rows = 30pt, totals 30pt: exactly 60pt.
        let result = layout(try template(page(height: 60, body: Self.table + totals)), data(lines: 2))
        #expect(result.pages.count == 1)
        // With 3 rows the totals block (never split) moves whole; without keep-with-previous no row follows it.
        let moved = layout(try template(page(height: 60, body: Self.table + totals)), data(lines: 3))
        #expect(moved.pages.map { $0.texts.filter { ["F", "T1", "T2"].contains($0) } } == [[], ["F", "T1", "T2"]])
        #expect(rowsByPage(moved) == [["H", "R1", "R2", "R3"], ["F"]])
    }

    @Test func pageCountersAndRegionsOnEveryPage() throws {
        let regions = """
            <first-page-header height="20pt"><text>FIRST {doc.number}</text></first-page-header>
            <page-header height="10pt"><text>CONT {doc.number}</text></page-header>
            <page-footer height="20pt"><text>P {page}/{pages}</text></page-footer>
            """
        let body = "<block each=\"line in lines\"><text>{line.code}</text></block>"
        // Page 1 body: 100 - 20 - 20 = 60pt (6 lines); later pages 100 - 10 - 20 = 70pt (7 lines). 20 lines → 3 pages.
        let result = layout(try template(page(regions: regions, body: body)), data(lines: 20))
        #expect(result.diagnostics == [])
        #expect(result.pages.map { $0.texts.first } == ["FIRST F-1", "CONT F-1", "CONT F-1"])
        #expect(result.pages.map { $0.texts.last } == ["P 1/3", "P 2/3", "P 3/3"])
        #expect(result.pages.map { $0.texts.filter { $0.hasPrefix("R") }.count } == [6, 7, 7])
        let footer = try #require(result.pages[2].items.last)
        guard case .text(let text) = footer else { Issue.record("footer is not text"); return }
        #expect(text.origin == Point(x: 0, y: 80))
    }

    @Test func pageBreakStartsANewPageButNotAnEmptyOne() throws {
        let body = "<page-break/><text>A</text><page-break/><text>B</text>"
        let result = layout(try template(page(body: body)), data(lines: 0))
        #expect(result.pages.map(\.texts) == [["A"], ["B"]])
    }

    @Test func conditionsAndLoops() throws {
        let body = """
            <text if="doc.isCopy">COPY</text>
            <text if="not doc.isCopy">ORIGINAL</text>
            <text if="buyer.email">mail</text>
            <block each="line in lines" if="lines"><text>{line.code}: {line.total}</text></block>
            """
        let result = layout(try template(page(body: body)), data(lines: 2))
        #expect(result.pages.map(\.texts) == [["ORIGINAL", "R1: 9", "R2: 9"]])
    }

    @Test func anUnbreakableElementTallerThanThePageIsADiagnosticNotALoop() throws {
        let body = "<text>A</text><qr value=\"{doc.qr}\" size=\"150pt\"/><text>B</text>"
        let result = layout(try template(page(body: body)), data(lines: 0))
        #expect(result.hasErrors)
        #expect(result.diagnostics.map(\.code) == [.cannotFit])
        #expect(result.diagnostics.first?.line == 5)
        // It is placed alone on its page (and refused by the renderer), and the rest still flows.
        #expect(result.pages.map { $0.texts } == [["A"], [], ["B"]])
        #expect(result.pages[1].qrCodes.count == 1)
    }

    @Test func aHeaderTallerThanDeclaredIsADiagnostic() throws {
        let regions = "<page-header height=\"10pt\"><text>one</text><text>two</text></page-header>"
        let result = layout(try template(page(regions: regions, body: "<text>x</text>")), data(lines: 0))
        #expect(result.diagnostics.map(\.code) == [.regionOverflow])
        #expect(result.diagnostics.first?.line == 4)
    }

    @Test func layoutIsDeterministic() throws {
        let source = page(height: 50, body: Self.table)
        let first = layout(try template(source), data(lines: 30)).pages.map { $0.debugDump() }
        let second = layout(try template(source), data(lines: 30)).pages.map { $0.debugDump() }
        #expect(first == second)
        #expect(first[0].hasPrefix("page 1 100.00x50.00\n  text 0.00,0.00 w=20.00 \"H\" Test Sans normal 10.00pt @test.xml:6"))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
