import FolioApp
import FolioTesting
import Foundation
import Render
import Testing

/// `folio preview --watch` and the `/preview` page render through one ``LivePreview`` kept across saves: fonts
/// once, templates again only after a save, a variant again when its parent changes.
@Suite struct LivePreviewTests {
    /// A private copy of `Layouts/`, a live preview over it with the example configuration, and the sample.
    static func setUp() throws -> (layouts: URL, preview: LivePreview, sample: [UInt8]) {
        let directory = try makeTemporaryDirectory(prefix: "live-preview")
        let layouts = directory.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: TestWorld.root.appendingPathComponent("Layouts"), to: layouts)
        let configuration = try FolioConfiguration.load(path: try TestWorld.writeConfiguration(in: directory).path)
        let preview = try LivePreview(
            layoutsDirectory: layouts.path, fontsDirectory: TestWorld.resources.fonts, configuration: configuration, world: .live)
        return (layouts, preview, try TestWorld.example("07-three-pages.json"))
    }

    static func text(_ output: DocumentPreview.Output) throws -> String {
        let directory = try makeTemporaryDirectory(prefix: "live-preview-pdf")
        return try TestWorld.pdfText(try TestWorld.write(output.pdf, "preview.pdf", in: directory))
    }

    @Test func aSavedLayoutIsDrawnAgainAndAVariantFollowsItsParent() throws {
        let (layouts, preview, sample) = try Self.setUp()
        let first = try preview.render(sample, source: "07-three-pages.json", layout: "invoice")
        // The benchmark's sample: three pages with Layouts/invoice.xml, each as a 144-dpi PNG.
        #expect(first.pageCount == 3)
        #expect(try TestWorld.pageCount(try TestWorld.write(first.pdf, "first.pdf", in: layouts.deletingLastPathComponent())) == 3)
        #expect(try first.pngPages.map { try RasterImage(png: $0).width } == [1191, 1191, 1191])
        #expect(try Self.text(first).contains("Representación gráfica"))
        _ = try preview.render(sample, source: "07-three-pages.json", layout: "invoice")
        #expect(preview.templateLoads == 1)  // nothing was saved: the templates were not read again

        // The designer rewrites the footer of invoice.xml.
        let invoice = layouts.appendingPathComponent("invoice.xml")
        let original = try String(contentsOf: invoice, encoding: .utf8)
        try original.replacingOccurrences(of: "Representación gráfica de la", with: "Vista de diseño de la")
            .write(to: invoice, atomically: true, encoding: .utf8)
        let edited = try Self.text(try preview.render(sample, source: "07-three-pages.json", layout: "invoice"))
        #expect(preview.templateLoads == 2)
        #expect(edited.contains("Vista de diseño"))
        #expect(!edited.contains("Representación gráfica"))
        // invoice-letter.xml extends invoice.xml and was not saved: it shows its parent's change all the same.
        let letter = try Self.text(try preview.render(sample, source: "07-three-pages.json", layout: "invoice-letter"))
        #expect(letter.contains("Vista de diseño"))
        #expect(preview.templateLoads == 2)
    }

    @Test func aBrokenSaveShowsItsDiagnosticUntilItIsFixed() throws {
        let (layouts, preview, sample) = try Self.setUp()
        _ = try preview.render(sample, source: "07-three-pages.json", layout: "invoice")
        let invoice = layouts.appendingPathComponent("invoice.xml")
        let original = try String(contentsOf: invoice, encoding: .utf8)
        try original.replacingOccurrences(of: "<page ", with: "<page colr=\"red\" ")
            .write(to: invoice, atomically: true, encoding: .utf8)
        for _ in 0..<2 {  // rendering again without a save shows the same diagnostic
            do {
                _ = try preview.render(sample, source: "07-three-pages.json", layout: "invoice")
                Issue.record("a broken layout was rendered")
            } catch let error as RenderError {
                #expect(error.code == .invalidTemplate)
                #expect(error.message.contains("invoice.xml:"), "\(error.message)")
                #expect(error.message.contains("did you mean `color`?"), "\(error.message)")
            }
        }
        #expect(preview.templateLoads == 2)
        try original.write(to: invoice, atomically: true, encoding: .utf8)
        let fixed = try preview.render(sample, source: "07-three-pages.json", layout: "invoice")
        #expect(fixed.pageCount == 3)
        #expect(preview.templateLoads == 3)
    }
}
