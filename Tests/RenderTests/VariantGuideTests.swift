import DisplayModel
import Foundation
import LayoutTemplate
import Render
import Testing

/// The variant examples of `Layouts/README.md` ("Variants: extends") load against the real `invoice.xml` and
/// render: the guide cannot show a variant that does not work.
@Suite struct VariantGuideTests {
    @Test func theGuidesVariantsRender() throws {
        let guide = try String(contentsOfFile: Repository.layouts + "/README.md", encoding: .utf8)
        let start = try #require(guide.range(of: "## Variants: `extends`"))
        let section = guide[start.upperBound...].prefix { _ in true }
        let blocks = section.components(separatedBy: "```xml").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        let layoutExample = try #require(blocks.first { $0.contains("extends=\"invoice.xml\"") })
        let pageExample = try #require(blocks.first { $0.contains("<block name=\"legal\">") })
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(atPath: Repository.layouts + "/invoice.xml", toPath: scratch.path("invoice.xml"))
        try FileManager.default.copyItem(atPath: Repository.layouts + "/assets", toPath: scratch.path("assets"))
        _ = try scratch.write(Array(layoutExample.utf8), as: "acme.xml")
        let legal = "<layout version=\"1\" extends=\"invoice.xml\">\n" + pageExample + "\n</layout>\n"
        _ = try scratch.write(Array(legal.utf8), as: "acme-legal.xml")
        let renderer = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
        #expect(renderer.layoutNames == ["acme", "acme-legal", "invoice"])
        #expect(renderer.templates["acme"]?.page.width.points == 612)
        let data = TestDocuments.display(TestDocuments.invoice(lines: 3))
        for layout in ["acme", "acme-legal"] {
            let pdf = try renderer.renderPDF(layout: layout, data: data, title: layout, creationDate: TestDocuments.creation)
            #expect(pdf.warnings == [] && pdf.pageCount == 1, "\(layout)")
        }
        let file = try scratch.write(
            try renderer.renderPDF(layout: "acme-legal", data: data, title: "x", creationDate: TestDocuments.creation).bytes,
            as: "legal.pdf")
        let text = try ExternalTool.output("pdftotext", ["-enc", "UTF-8", file, "-"]).whitespaceNormalised
        #expect(text.contains("Somos grandes contribuyentes. Resolución 000123 de 2025."))
    }
}
