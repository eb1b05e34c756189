import DisplayModel
import LayoutEngine
import LayoutTemplate
import Testing

/// `min-space`, repeating table footers, zebra rows, and the failure kinds other engines are known for —
/// each asserted as "what landed on which page" on tiny pages with 10pt lines (FixedSizeMeasurer).
@Suite struct PaginationControlTests {
    private static func table(footer: String = "", rows: String = "") -> String {
        """
        <table columns="30pt 1fr">
          <header repeat="true"><cell>H</cell><cell>Desc</cell></header>
          <rows each="line in lines" \(rows)><cell>{line.code}</cell><cell>{line.description}</cell></rows>
          \(footer)
        </table>
        """
    }

    private static let totals = """
        <block keep-together="true" keep-with-previous="true">
          <text>F</text><text>T1</text><text>T2</text>
        </block>
        """

    /// Row codes, header and footer marks on each page.
    private func marks(_ result: LayoutResult, _ extra: Set<String> = []) -> [[String]] {
        result.pages.map { page in
            page.texts.filter { $0 == "H" || $0 == "F" || ($0.hasPrefix("R") && $0.count <= 5) || extra.contains($0) }
        }
    }

    // MARK: min-space

    @Test func aBlockThatDoesNotFitStartsOnTheNextPageUnlessMinSpaceIsLeft() throws {
        let block = "<block min-space=\"30pt\"><text>B1</text><text>B2</text><text>B3</text><text>B4</text></block>"
        let texts: Set<String> = ["a", "b", "c", "B1", "B2", "B3", "B4"]
        // 50pt page. After two lines 30pt remain: enough, the block starts here and splits.
        let stays = layout(try template(page(height: 50, body: "<text>a</text><text>b</text>" + block)), data(lines: 0))
        #expect(stays.pages.map { $0.texts.filter(texts.contains) } == [["a", "b", "B1", "B2", "B3"], ["B4"]])
        // After three lines only 20pt remain: the block starts on page 2.
        let moves = layout(try template(page(height: 50, body: "<text>a</text><text>b</text><text>c</text>" + block)), data(lines: 0))
        #expect(moves.pages.map { $0.texts.filter(texts.contains) } == [["a", "b", "c"], ["B1", "B2", "B3", "B4"]])
        #expect(moves.diagnostics == [])
    }

    @Test func aBlockThatFitsWholeIgnoresMinSpace() throws {
        let body = "<text>a</text><text>b</text><text>c</text><block min-space=\"40pt\"><text>B1</text></block>"
        let result = layout(try template(page(height: 50, body: body)), data(lines: 0))
        #expect(result.pages.count == 1)
    }

    // MARK: Footers and zebra rows

    @Test func aRepeatingFooterClosesEveryPage() throws {
        let source = page(height: 50, body: Self.table(footer: "<footer repeat=\"true\"><cell>F</cell><cell>sigue</cell></footer>"))
        // Header and footer take 20pt of 50pt: three rows a page.
        let result = layout(try template(source), data(lines: 7))
        #expect(result.diagnostics == [])
        #expect(marks(result) == [["H", "R1", "R2", "R3", "F"], ["H", "R4", "R5", "R6", "F"], ["H", "R7", "F"]])
    }

    @Test func aFooterThatDoesNotRepeatEndsTheTableOnly() throws {
        let source = page(height: 50, body: Self.table(footer: "<footer><cell>F</cell><cell>fin</cell></footer>"))
        let result = layout(try template(source), data(lines: 7))
        #expect(marks(result) == [["H", "R1", "R2", "R3", "R4"], ["H", "R5", "R6", "R7", "F"]])
    }

    @Test func zebraRowsShadeEverySecondRowOnly() throws {
        let source = page(height: 100, body: Self.table(rows: "zebra=\"#EEEEEE\""))
        let result = layout(try template(source), data(lines: 5))
        let shaded = result.pages[0].items.compactMap { item -> Double? in
            guard case .rectangle(let rectangle) = item else { return nil }
            #expect(rectangle.fill == RGBAColor(red: 0xEE / 255, green: 0xEE / 255, blue: 0xEE / 255))
            return rectangle.rect.y
        }
        // Header at y 0, R1 at 10, R2 at 20, R3 at 30, R4 at 40: R2 and R4 are shaded, both cells each.
        #expect(shaded == [20, 20, 40, 40])
    }

    // MARK: Known failure kinds

    @Test func twelveLinesWhoseTotalsFallAtTheBreak() throws {
        // 70pt page: header + six rows fill a page exactly; the 30pt totals cannot follow R12 on page 2, so they
        // move to page 3 and take R12 along (never alone, never split).
        let result = layout(try template(page(height: 70, body: Self.table() + Self.totals)), data(lines: 12))
        #expect(result.diagnostics == [])
        #expect(
            marks(result, ["T1", "T2"]) == [
                ["H", "R1", "R2", "R3", "R4", "R5", "R6"], ["H", "R7", "R8", "R9", "R10", "R11"],
                ["H", "R12", "F", "T1", "T2"],
            ])
    }

    @Test func aTableStartingNearTheBottomLeavesNoOrphanHeaderAndNoBlankPage() throws {
        let body = "<text>a</text><text>b</text><text>c</text><text>d</text>" + Self.table()
        let result = layout(try template(page(height: 50, body: body)), data(lines: 3))
        #expect(marks(result, ["a", "d"]) == [["a", "d"], ["H", "R1", "R2", "R3"]])
        #expect(result.pages.allSatisfy { !$0.texts.isEmpty })
    }

    @Test func aThreeLineAddressMovesWhole() throws {
        let body = "<text>a</text><text>b</text><text>c</text><block keep-together=\"true\"><text>{buyer.name}</text></block>"
        var address = data(lines: 0)
        if case .record(var fields) = address {
            fields["buyer"] = .record(["name": "Calle 93B # 13-44\nOficina 501\nBogotá", "email": ""])
            address = .record(fields)
        }
        let result = layout(try template(page(height: 50, body: body)), address)
        #expect(result.pages.map(\.texts) == [["a", "b", "c"], ["Calle 93B # 13-44\nOficina 501\nBogotá"]])
    }

    @Test func anEmptyOptionalFieldTakesNoSpace() throws {
        // A 20pt page holds two lines: the empty e-mail between them must not push `b` to a second page.
        let result = layout(try template(page(height: 20, body: "<text>a</text><text>{buyer.email}</text><text>b</text>")), data(lines: 0))
        #expect(result.pages.map(\.texts) == [["a", "b"]])
    }

    @Test func aThousandLinesEachOnceInOrder() throws {
        let result = layout(try template(page(height: 50, body: Self.table() + Self.totals)), data(lines: 1000))
        #expect(result.diagnostics == [])
        let pages = marks(result, ["T1", "T2"])
        #expect(pages.flatMap { $0 }.filter { $0.hasPrefix("R") } == (1...1000).map { "R\($0)" })
        #expect(pages.allSatisfy { $0.first == "H" })
        // Four rows a page: R1–R996 fill 249 pages, R997–R999 and then R1000 with the 30pt totals.
        #expect(pages.count == 251)
        #expect(pages.last == ["H", "R1000", "F", "T1", "T2"])
    }
}

/// Continuous POS rolls: one page whose height is the content's.
@Suite struct ContinuousPageTests {
    @Test func aRollOfThreeHundredLinesIsOnePage() throws {
        let source = """
            <layout version="1">
              <fonts><font family="Test Sans"/></fonts>
              <page size="80mm auto" margin="5pt" font-size="10pt">
                <page-footer height="20pt"><text>Página {page} de {pages}</text></page-footer>
                <text>TOP</text>
                <block each="line in lines"><text>{line.code}</text></block>
                <page-break/>
                <text>END</text>
              </page>
            </layout>
            """
        let result = layout(try template(source), data(lines: 300))
        #expect(result.diagnostics == [])
        #expect(result.pages.count == 1)
        let page = try #require(result.pages.first)
        // 80 mm wide; 302 lines of 10pt + 10pt of margins + the 20pt footer; the page break is ignored.
        #expect(abs(page.size.width - 80 * 72 / 25.4) < 0.001)
        #expect(page.size.height == 3020 + 10 + 20)
        #expect(page.texts.filter { $0.hasPrefix("R") } == (1...300).map { "R\($0)" })
        #expect(page.texts.first == "TOP")
        #expect(page.texts.suffix(2) == ["END", "Página 1 de 1"])
    }

    @Test func namedRollsAndHalfLetter() throws {
        for (size, width) in [("roll-58mm", 58 * 72 / 25.4), ("roll-80mm", 80 * 72 / 25.4), ("half-letter", 396.0)] {
            let source = page(body: "<text>x</text>").replacingOccurrences(of: "size=\"100pt 100pt\"", with: "size=\"\(size)\"")
            let result = layout(try template(source), data(lines: 0))
            #expect(abs((result.pages.first?.size.width ?? 0) - width) < 0.001, "\(size)")
        }
        let halfLetter = layout(try template(page(body: "<text>x</text>").replacingOccurrences(of: "size=\"100pt 100pt\"", with: "size=\"half-letter\"")), data(lines: 0))
        #expect(halfLetter.pages.first?.size.height == 612)
    }
}
