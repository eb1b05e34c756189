import DisplayModel
import DocumentModel
import Foundation
import LayoutEngine
import Render
import Testing

/// A few small golden PNGs of the trickiest primitives, rasterised at 1 px/pt by the same drawing code as
/// the PDF, and text snapshots of the production layouts' frames (each item with its template line).
@Suite(.serialized) struct GoldenTests {
    /// Three tiny layouts over the document fields: a table on its second page (repeated header, zebra rows,
    /// borders, page counter), a boxed QR code with a dashed rule, accents in every face.
    static let layouts: [String: String] = [
        "golden-table": """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/><font family="DejaVu Sans" weight="bold"/></fonts>
              <page size="220pt 130pt" margin="8pt" font="DejaVu Sans" font-size="7pt">
                <page-header height="12pt"><text font-weight="bold">{document.number} — {page}/{pages}</text></page-header>
                <table columns="40pt 1fr 60pt">
                  <header repeat="true">
                    <cell font-weight="bold" background="#14306E" color="#FFFFFF" padding="2pt">Código</cell>
                    <cell font-weight="bold" background="#14306E" color="#FFFFFF" padding="2pt">Descripción</cell>
                    <cell font-weight="bold" background="#14306E" color="#FFFFFF" padding="2pt" align="right">Total</cell>
                  </header>
                  <rows each="line in lines" zebra="#DDE3EE">
                    <cell padding="2pt" border-bottom="0.5pt solid #9AA5B8">{line.code}</cell>
                    <cell padding="2pt" border-bottom="0.5pt solid #9AA5B8">{line.description}</cell>
                    <cell padding="2pt" border-bottom="0.5pt solid #9AA5B8" align="right">{line.total}</cell>
                  </rows>
                </table>
              </page>
            </layout>
            """,
        "golden-qr": """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page size="110pt 110pt" margin="5pt" font="DejaVu Sans" font-size="6pt">
                <block border="1pt solid #14306E" background="#F2F4F8" padding="4pt">
                  <qr value="{document.qr}" size="60pt" align="center"/>
                  <rule stroke="1pt dashed #C62828" space-before="3pt" space-after="3pt"/>
                  <text align="center">{document.number}</text>
                </block>
              </page>
            </layout>
            """,
        "golden-accents": """
            <layout version="1">
              <fonts>
                <font family="DejaVu Sans"/><font family="DejaVu Sans" weight="bold"/>
                <font family="DejaVu Sans" style="italic"/><font family="DejaVu Sans Mono"/>
              </fonts>
              <page size="200pt 62pt" margin="4pt" font="DejaVu Sans" font-size="8pt">
                <text>Ñandú Peña — áéíóú ÁÉÍÓÚ ¿¡ü</text>
                <text font-weight="bold">Ñandú Peña — áéíóú ÁÉÍÓÚ ¿¡ü</text>
                <text font-style="italic">Ñandú Peña — áéíóú ÁÉÍÓÚ ¿¡ü</text>
                <text font="DejaVu Sans Mono">Ñandú Peña — áéíóú ÁÉÍÓÚ ¿¡ü</text>
              </page>
            </layout>
            """,
    ]

    static let renderer: Result<DocumentRenderer, any Error> = Result {
        let scratch = try Scratch()
        for (name, source) in layouts { _ = try scratch.write(Array(source.utf8), as: name + ".xml") }
        return try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts, schema: DocumentDisplay.schema)
    }

    @Test func aTableOnItsSecondPage() throws {
        let renderer = try Self.renderer.get()
        let data = TestDocuments.display(TestDocuments.invoice(lines: 9))
        let pages = try renderer.renderPNG(layout: "golden-table", data: data, scale: 1)
        #expect(pages.count >= 2)
        try Golden.checkPNG(pages[1], named: "table-page-2")
    }

    @Test func aBoxedQRCode() throws {
        let pages = try Self.renderer.get().renderPNG(layout: "golden-qr", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), scale: 1)
        try Golden.checkPNG(pages[0], named: "qr-box")
    }

    @Test func accentsInEveryFace() throws {
        let pages = try Self.renderer.get().renderPNG(layout: "golden-accents", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), scale: 1)
        try Golden.checkPNG(pages[0], named: "accents")
    }

    @Test(arguments: ["invoice", "pos-80mm", "credit-note"])
    func productionFramesSnapshot(layout: String) throws {
        let renderer = try Repository.renderer.get()
        let kind: DocumentKind = layout == "credit-note" ? .creditNote : .invoice
        let data = TestDocuments.display(TestDocuments.invoice(lines: 3, kind: kind))
        let result = try renderer.frames(layout: layout, data: data)
        #expect(result.diagnostics == [])
        try Golden.checkText(result.pages.map { $0.debugDump() }.joined(separator: "\n"), named: "\(layout)-3-lines")
    }
}

/// The comparison itself: tolerance per channel, mismatches counted and drawn in red, PNG round trip.
@Suite struct RasterImageTests {
    @Test func differencesAreCountedAndDrawnInRed() throws {
        let golden = try #require(FileManager.default.contents(atPath: Golden.directory.appendingPathComponent("Goldens/qr-box.png").path))
        let original = try RasterImage(png: [UInt8](golden))
        #expect(original.width == 110 && original.height == 110)
        var changed = original
        for index in [0, 1, 2, 500, 12_099] { changed.pixels[index] ^= 0x0000_00FF }  // blue channel flipped
        changed.pixels[700] = (changed.pixels[700] & 0xFFFF_FF00) | UInt32(min(255, Int(changed.pixels[700] & 0xFF) + 2) & 0xFF)
        let (differing, diff) = original.difference(from: changed, tolerance: 2)
        #expect(differing == 5)  // the 2-level change at 700 is within tolerance
        #expect(diff.pixels[500] == 0xFFFF_0000 && diff.pixels[501] != 0xFFFF_0000)
        let roundTrip = try RasterImage(png: try diff.png())
        #expect(roundTrip == diff)
        #expect(original.difference(from: original, tolerance: 0).differingPixels == 0)
    }
}
