import DisplayModel
import DocumentModel
import Foundation
import LayoutEngine
import Render
import Testing

/// Many lines and very long descriptions: header on every page, nothing lost, QR and page count everywhere.
@Suite struct LongInvoiceTests {
    /// Unique words (`palabra0001` …) so the extracted text can be checked word by word.
    private static func description(characters: Int, from first: Int = 1) -> String {
        var words: [String] = []
        var length = 0
        var index = first
        while length <= characters {
            let word = "palabra" + String(format: "%04d", index)
            words.append(word)
            length += word.count + 1
            index += 1
        }
        return words.joined(separator: " ")
    }

    private static func words(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { $0.hasPrefix("palabra") }
    }

    @Test func aThousandLinesRepeatTheHeaderAndCountPages() throws {
        let document = TestDocuments.invoice(lines: 1000)
        let file = try RenderedFile(document)
        defer { file.scratch.remove() }
        let pageCount = try #require(Int(try file.info()["Pages"] ?? ""))
        #expect(pageCount == file.pdf.pageCount)
        #expect(pageCount > 20)
        let pages = try file.pageTexts()
        #expect(pages.count == pageCount)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Descripción") && page.contains("Vr. unitario"), "no table header on page \(index + 1)")
            #expect(page.contains("Página \(index + 1) de \(pageCount)"), "no page number on page \(index + 1)")
            #expect(page.contains(TestDocuments.cufe), "no CUFE on page \(index + 1)")
        }
        #expect(pages.last!.contains("Página \(pageCount) de \(pageCount)"))
        // Every line is printed exactly once; totals only on the last page.
        let codes = pages.joined().split(whereSeparator: { $0.isWhitespace }).filter { $0.count == 6 && $0.hasPrefix("P0") }
        #expect(codes == (1...1000).map { Substring(String(format: "P%05d", $0)) })
        #expect(pages.filter { $0.contains("Total a pagar") }.count == 1)
        #expect(pages.last!.contains("Total a pagar"))
        #expect(file.pdf.warnings == [])
    }

    @Test func everyPageHasTheQRCode() throws {
        let document = TestDocuments.invoice(lines: 300)
        let renderer = try Repository.renderer.get()
        let frames = try renderer.frames(layout: "invoice", data: TestDocuments.display(document))
        #expect(frames.pages.count > 5)
        #expect(frames.pages.allSatisfy { $0.qrCodes.map(\.payload) == [document.qrText!] })
        let file = try RenderedFile(document)
        defer { file.scratch.remove() }
        #expect(try file.decodeQR(page: 2) == document.qrText! + "\n")
        #expect(try file.decodeQR(page: frames.pages.count) == document.qrText! + "\n")
    }

    @Test func aThreeThousandCharacterDescriptionAppearsWhole() throws {
        let long = Self.description(characters: 3000)
        #expect(long.count >= 3000)
        let file = try RenderedFile(TestDocuments.invoice(lines: 3) { $0 == 2 ? long : "Artículo \($0)" })
        defer { file.scratch.remove() }
        let text = try file.text(raw: true)
        #expect(text.whitespaceNormalised.contains(long))
        #expect(Self.words(in: text) == Self.words(in: long))
    }

    @Test func aDescriptionLongerThanAPageContinuesOnTheNextPages() throws {
        let long = Self.description(characters: 12_000)
        let file = try RenderedFile(TestDocuments.invoice(lines: 3) { $0 == 2 ? long : "Artículo \($0)" })
        defer { file.scratch.remove() }
        let pages = try file.pageTexts(raw: true)
        #expect(pages.count >= 3)
        // Nothing clipped, lost, repeated or reordered across the page breaks.
        #expect(Self.words(in: pages.joined(separator: "\n")) == Self.words(in: long))
        #expect(pages.filter { !Self.words(in: $0).isEmpty }.count >= 2)
        for page in pages { #expect(page.contains("Descripción")) }
    }
}
