import DisplayModel
import DocumentModel
import Foundation
import LayoutTemplate
import Render
import Testing

/// A designer's preview: the PDF and every page as a PNG from one layout pass, the pages compressed in parallel
/// by Folio's own PNG writer.
@Suite struct PreviewRenderTests {
    @Test func oneLayoutPassGivesTheSeparateCallsPDFAndPagePixels() throws {
        let renderer = try Repository.renderer.get()
        let document = TestDocuments.invoice(lines: 90)
        let data = TestDocuments.display(document)
        let both = try renderer.renderPDFAndPNG(
            layout: "invoice", data: data, title: "t", creationDate: TestDocuments.creation, scale: 2)
        let pdf = try renderer.renderPDF(layout: "invoice", data: data, title: "t", creationDate: TestDocuments.creation)
        let pngs = try renderer.renderPNG(layout: "invoice", data: data, scale: 2)
        #expect(pdf.pageCount >= 3)
        #expect(both.pdf.pageCount == pdf.pageCount)
        #expect(both.pdf.bytes == pdf.bytes)
        #expect(both.pdf.warnings == pdf.warnings)
        #expect(both.pngPages.count == pdf.pageCount)
        // Decoded by cairo (libpng): the same pixels as cairo's own PNG writer gave, page by page, in order.
        for (index, (fast, reference)) in zip(both.pngPages, pngs).enumerated() {
            let image = try RasterImage(png: fast)
            #expect((image.width, image.height) == (1191, 1684), "page \(index + 1)")
            #expect(image == (try RasterImage(png: reference)), "page \(index + 1)")
        }
        // An independent reader (zbarimg) opens Folio's PNG and decodes the QR code on the first page.
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(both.pngPages[0], as: "page1.png")
        #expect(try ExternalTool.output("zbarimg", ["--raw", "-q", path]) == document.qrText! + "\n")
        // The PDF's text, page by page, as poppler reads it: the last line on the last page.
        let pdfPath = try scratch.write(both.pdf.bytes, as: "preview.pdf")
        let last = try ExternalTool.output("pdftotext", ["-f", "\(pdf.pageCount)", "-l", "\(pdf.pageCount)", pdfPath, "-"])
        #expect(last.contains(document.lines[89].description))
    }

    @Test func aMissingImageStopsTheCombinedRenderWithItsNameAndTheRendererGoesOn() throws {
        let renderer = try Repository.renderer.get()
        let document = TestDocuments.invoice(lines: 2)
        var branding = TestDocuments.branding
        branding.logoPath = "assets/missing-logo.png"
        do {
            _ = try renderer.renderPDFAndPNG(
                layout: "invoice", data: DocumentDisplay.make(document, branding: branding), title: "t",
                creationDate: TestDocuments.creation, scale: 2)
            Issue.record("a missing logo was rendered")
        } catch let error as RenderError {
            #expect(error.code == .missingAsset)
            #expect(error.message.contains("assets/missing-logo.png"), "\(error.message)")
        }
        let pages = try renderer.renderPDFAndPNG(
            layout: "invoice", data: TestDocuments.display(document), title: "t", creationDate: TestDocuments.creation, scale: 1
        ).pngPages
        #expect(pages.count == 1)
        #expect(try RasterImage(png: pages[0]).width == 596)
    }

    @Test func reloadingKeepsUnchangedTemplatesAndChecksVariantsAgain() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let layouts = scratch.url.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.layouts), to: layouts)
        let fonts = try FontBook(directory: Repository.fonts)
        let grammar = try LayoutGrammar.shipped(in: layouts.path)
        let first = try DocumentRenderer(layoutsDirectory: layouts.path, fonts: fonts, grammar: grammar)
        let invoice = layouts.appendingPathComponent("invoice.xml")
        let original = try String(contentsOf: invoice, encoding: .utf8)
        try original.replacingOccurrences(of: "Representación gráfica de la", with: "Vista de diseño de la")
            .write(to: invoice, atomically: true, encoding: .utf8)
        let second = try DocumentRenderer(layoutsDirectory: layouts.path, fonts: fonts, grammar: grammar, reusing: first)
        let data = TestDocuments.display(TestDocuments.invoice(lines: 2))
        func text(_ renderer: DocumentRenderer, _ layout: String) throws -> String {
            let pdf = try renderer.renderPDF(layout: layout, data: data, title: "t", creationDate: TestDocuments.creation)
            return try ExternalTool.output("pdftotext", [try scratch.write(pdf.bytes, as: "\(layout).pdf"), "-"])
        }
        // The changed file and the variant that extends it show the change; the first renderer is unchanged.
        #expect(try text(second, "invoice").contains("Vista de diseño"))
        #expect(try text(second, "invoice-letter").contains("Vista de diseño"))
        #expect(try text(first, "invoice-letter").contains("Representación gráfica"))
        #expect(second.layoutNames == first.layoutNames)
        #expect(second.templateWarnings == first.templateWarnings)
    }
}
