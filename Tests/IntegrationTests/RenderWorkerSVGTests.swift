import DisplayModel
import FolioTesting
import Foundation
import Render
import RenderProcess
import Testing

/// librsvg is not linked into Folio's executables (Render opens it with dlopen for the first SVG), yet the
/// render worker still draws SVG logos.
@Suite struct RenderWorkerSVGTests {
    /// The `folio-render` executable built beside `folio`.
    static var workerExecutable: String {
        URL(fileURLWithPath: TestWorld.folioExecutable).deletingLastPathComponent().appendingPathComponent("folio-render").path
    }

    /// The shared libraries `ldd` lists for `executable`, by name (`libcairo.so.2`).
    static func sharedLibraries(_ executable: String) throws -> [String] {
        let output = try TestProcess.run(try requireTool("ldd"), [executable])
        #expect(output.status == 0, "ldd \(executable): \(output.stderr)")
        return output.stdout.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        }
    }

    @Test func neitherExecutableLinksLibrsvgNorGdkPixbuf() throws {
        for executable in [TestWorld.folioExecutable, Self.workerExecutable] {
            let libraries = try Self.sharedLibraries(executable)
            // The control: ldd did list the drawing libraries.
            #expect(libraries.contains("libcairo.so.2"), "\(executable): \(libraries)")
            #expect(libraries.contains("libpangocairo-1.0.so.0"), "\(executable): \(libraries)")
            #expect(!libraries.contains { $0.hasPrefix("librsvg") }, "\(executable): \(libraries)")
            #expect(!libraries.contains { $0.hasPrefix("libgdk_pixbuf") }, "\(executable): \(libraries)")
        }
    }

    @Test func theWorkerDrawsAnSVGLogoAsVectors() throws {
        // A layout whose only content is the shipped SVG logo in a 60 mm × 24 mm box at the 10 mm margin.
        let layouts = try makeTemporaryDirectory(prefix: "folio-svg-worker")
        defer { try? FileManager.default.removeItem(at: layouts) }
        try FileManager.default.createDirectory(at: layouts.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestWorld.root.appendingPathComponent("Layouts/assets/logo.svg"),
            to: layouts.appendingPathComponent("assets/logo.svg"))
        let layout = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page margin="10mm"><image src="assets/logo.svg" width="60mm" height="24mm"/></page>
            </layout>
            """
        try Data(layout.utf8).write(to: layouts.appendingPathComponent("invoice.xml"))
        let pool = try RenderWorkerPool(
            settings: .init(
                executable: Self.workerExecutable, layoutsDirectory: layouts.path,
                fontsDirectory: TestWorld.root.appendingPathComponent("Fonts").path, workers: 1, timeoutSeconds: 60))
        let outcome = try pool.render(
            layout: "invoice", data: .record([:]), title: "SVG", creationDate: Date(timeIntervalSince1970: 1_796_313_600))
        let pdf = try TestWorld.write(outcome.pdf.bytes, "logo.pdf", in: layouts)
        #expect(try TestWorld.pageCount(pdf) == 1)
        // No raster image: `pdfimages -list` prints its two header lines and nothing else.
        let images = try TestProcess.run(try requireTool("pdfimages"), ["-list", pdf.path])
        #expect(images.stdout.split(separator: "\n").count == 2, "\(images.stdout)")
        // The logo's navy tile (#14306E) covers user units 0–96 of its 240 × 96, scaled to the 170.08 pt box at
        // 28.35 pt: at 72 dpi one pixel is one point. Rendered by pdftoppm as PPM ("P6\nW H\n255\n" + RGB).
        let prefix = layouts.appendingPathComponent("page").path
        let raster = try TestProcess.run(
            try requireTool("pdftoppm"), ["-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix])
        #expect(raster.status == 0, "\(raster.stderr)")
        let ppm = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        let header = String(decoding: ppm.prefix(20), as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        let width = try #require(Int(header[1]))
        let headerLength = "P6\n\(header[1]) \(header[2])\n255\n".utf8.count
        func pixel(x: Double, y: Double) -> [UInt8] {
            let offset = headerLength + (Int(y) * width + Int(x)) * 3
            return Array(ppm[offset..<offset + 3])
        }
        let unit = 170.079 / 240
        let margin = 28.346
        #expect(pixel(x: margin + 7 * unit, y: margin + 48 * unit) == [0x14, 0x30, 0x6E])
        #expect(pixel(x: margin + 60, y: margin + 100) == [0xFF, 0xFF, 0xFF])
    }
}
