import DisplayModel
import DocumentModel
import Foundation
import Render
import Testing

/// `<image>` with SVG files: drawn by librsvg as vectors, checked with poppler's tools.
@Suite struct SVGImageTests {
    /// A layouts directory holding one invoice layout whose only content is `<image src="assets/NAME">` in a
    /// 60 mm × 24 mm box at the 10 mm page margin, and the image file itself.
    private static func layouts(image: [UInt8], named name: String) throws -> Scratch {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("assets"), withIntermediateDirectories: true)
        _ = try scratch.write(image, as: "assets/\(name)")
        let layout = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page margin="10mm"><image src="assets/\(name)" width="60mm" height="24mm"/></page>
            </layout>
            """
        _ = try scratch.write(Array(layout.utf8), as: "invoice.xml")
        return scratch
    }

    /// Page 1 rasterised by `pdftoppm` at 72 dpi (one pixel per point) as binary PPM, parsed here.
    private static func rasterise(_ pdf: String, in scratch: Scratch) throws -> (width: Int, pixels: [UInt8]) {
        let prefix = scratch.path("page")
        _ = try ExternalTool.output("pdftoppm", ["-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, prefix])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        // "P6\n<width> <height>\n255\n" then RGB triples.
        var fields: [String] = []
        var index = 0
        while fields.count < 4 {
            var field = ""
            while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x20 {
                field.append(Character(UnicodeScalar(bytes[index])))
                index += 1
            }
            index += 1
            if !field.isEmpty { fields.append(field) }
        }
        #expect(fields[0] == "P6")
        return (try #require(Int(fields[1])), Array(bytes[index...]))
    }

    private static func pixel(_ image: (width: Int, pixels: [UInt8]), x: Double, y: Double) -> [UInt8] {
        let offset = (Int(y) * image.width + Int(x)) * 3
        return Array(image.pixels[offset..<offset + 3])
    }

    @Test func shippedSVGLogoIsDrawnAsVectorsInItsBox() throws {
        let logo = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Repository.layouts + "/assets/logo.svg")))
        let scratch = try Self.layouts(image: logo, named: "logo.svg")
        defer { scratch.remove() }
        let renderer = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
        #expect(renderer.templateWarnings == [])
        let pdf = try renderer.renderPDF(
            layout: "invoice", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), title: "SVG",
            creationDate: TestDocuments.creation)
        let path = try scratch.write(pdf.bytes, as: "document.pdf")
        #expect(try ExternalTool.output("qpdf", ["--show-npages", path]).trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        // No raster image at all: `pdfimages -list` prints its two header lines and nothing else.
        let images = try ExternalTool.output("pdfimages", ["-list", path]).split(separator: "\n")
        #expect(images.count == 2, "\(images)")
        #expect(images.first?.contains("page") == true)
        // The logo is 240 × 96 user units, so it fills the 60 mm × 24 mm box (170.08 × 68.03 pt) at the
        // 10 mm margin (28.35 pt): one unit is 0.7087 pt. Its navy tile covers units 0–96 (bars from x 16),
        // its orange bar units 112–200 × 56–76.
        let page = try Self.rasterise(path, in: scratch)
        let unit = 170.079 / 240
        let margin = 28.346
        #expect(Self.pixel(page, x: margin + 7 * unit, y: margin + 48 * unit) == [0x14, 0x30, 0x6E])
        #expect(Self.pixel(page, x: margin + 150 * unit, y: margin + 66 * unit) == [0xE8, 0xA3, 0x3D])
        // Outside the box the page is white.
        #expect(Self.pixel(page, x: margin + 60, y: margin + 100) == [0xFF, 0xFF, 0xFF])
    }

    @Test func pngLogoInTheSameLayoutIsARasterImage() throws {
        // The control for the checks above: `pdfimages -list` does list a PNG drawn the same way.
        let logo = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Repository.layouts + "/assets/logo.png")))
        let scratch = try Self.layouts(image: logo, named: "logo.png")
        defer { scratch.remove() }
        let renderer = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
        let pdf = try renderer.renderPDF(
            layout: "invoice", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), title: "PNG",
            creationDate: TestDocuments.creation)
        let path = try scratch.write(pdf.bytes, as: "document.pdf")
        let images = try ExternalTool.output("pdfimages", ["-list", path]).split(separator: "\n")
        // The PNG's pixels (and its alpha channel as a soft mask), on page 1.
        #expect(images.count > 2, "\(images)")
        #expect(images.dropFirst(2).allSatisfy { $0.split(separator: " ").first == "1" }, "\(images)")
    }

    @Test func svgWithoutSizeIsScaledByItsViewBoxKeepingItsProportions() throws {
        // A 1:1 red square in a 60 mm × 24 mm box: 24 mm × 24 mm at the left, white to its right.
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#D0021B"/></svg>
            """
        let scratch = try Self.layouts(image: Array(svg.utf8), named: "square.svg")
        defer { scratch.remove() }
        let renderer = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
        let pdf = try renderer.renderPDF(
            layout: "invoice", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), title: "SVG",
            creationDate: TestDocuments.creation)
        let path = try scratch.write(pdf.bytes, as: "document.pdf")
        #expect(try ExternalTool.output("pdfimages", ["-list", path]).split(separator: "\n").count == 2)
        let page = try Self.rasterise(path, in: scratch)
        let margin = 28.346
        #expect(Self.pixel(page, x: margin + 34, y: margin + 34) == [0xD0, 0x02, 0x1B])
        #expect(Self.pixel(page, x: margin + 100, y: margin + 34) == [0xFF, 0xFF, 0xFF])
    }

    @Test func brokenSVGIsAnErrorNamingTheFile() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" "#
        let scratch = try Self.layouts(image: Array(svg.utf8), named: "broken.svg")
        defer { scratch.remove() }
        let renderer = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
        do {
            _ = try renderer.renderPDF(
                layout: "invoice", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), title: "SVG",
                creationDate: TestDocuments.creation)
            Issue.record("a broken SVG was rendered")
        } catch let error as RenderError {
            #expect(error.code == .missingAsset)
            #expect(error.message.contains("assets/broken.svg"), "\(error.message)")
            #expect(error.message.contains("as SVG"), "\(error.message)")
        }
    }
}
