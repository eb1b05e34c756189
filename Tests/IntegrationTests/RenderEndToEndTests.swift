import FolioTesting
import Foundation
import Testing

/// What the PDF shows, checked with independent tools (pdftotext, pdfinfo, pdffonts, qpdf, zbarimg) on
/// documents issued through the real pipeline and on DIAN UBL documents Folio did not write.
@Suite(.serialized)
struct RenderEndToEndTests {
    /// Text every page's repeated table header carries (Layouts/invoice.xml).
    static let tableHeader = "Descripción"

    static func issue(_ example: String, in directory: URL) throws -> (pdf: URL, xml: URL, number: String) {
        let config = try TestWorld.writeConfiguration(in: directory)
        let out = directory.appendingPathComponent("out")
        let result = try CLITests.folio([
            "issue", TestWorld.examples.appendingPathComponent(example).path, "--config", config.path, "--out", out.path,
        ])
        guard result.status == 0, let number = result.stdout.split(separator: " ").first.map(String.init) else {
            throw TestSupportError(.commandFailed, "folio issue \(example): \(result.stderr)")
        }
        return (out.appendingPathComponent("\(number).pdf"), out.appendingPathComponent("\(number).xml"), number)
    }

    static func decodeQR(_ pdf: URL, page: Int, in directory: URL) throws -> String {
        let prefix = directory.appendingPathComponent("page-\(page)").path
        let raster = try TestProcess.run(
            try requireTool("pdftoppm"), ["-r", "200", "-gray", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix])
        guard raster.status == 0 else { throw TestSupportError(.commandFailed, "pdftoppm: \(raster.stderr)") }
        let decoded = try TestProcess.run(try requireTool("zbarimg"), ["--raw", "-q", "-Sqrcode.enable", prefix + ".png"])
        guard decoded.status == 0 else { throw TestSupportError(.commandFailed, "zbarimg found no QR code on page \(page)") }
        return decoded.stdout.hasSuffix("\n") ? String(decoded.stdout.dropLast()) : decoded.stdout
    }

    @Test func aThousandLinesRepeatTheHeaderAndCountPagesAndCarryTheQROnEveryPage() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-1000")
        let issued = try Self.issue("05-thousand-lines.json", in: directory)
        let pages = try TestWorld.pageCount(issued.pdf)
        #expect(pages > 10)
        for page in 1...pages {
            let text = try TestWorld.pdfText(issued.pdf, page: page)
            #expect(text.contains(Self.tableHeader), "page \(page) lacks the table header")
            #expect(text.contains("Página \(page) de \(pages)"), "page \(page) lacks its counter")
        }
        // Every line code is printed exactly once, in order.
        let all = try TestWorld.pdfText(issued.pdf)
        let codes = all.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("F-") && $0.count == 6 }
        #expect(codes.map(String.init) == (1...1000).map { String(format: "F-%04d", $0) })
        // The QR decoded from the first and the last page is exactly the XML's sts:QRCode.
        let expected = try TestWorld.qrText(ofXML: issued.xml)
        #expect(expected.hasPrefix("NumFac: \(issued.number)\n"))
        #expect(try Self.decodeQR(issued.pdf, page: 1, in: directory) == expected)
        #expect(try Self.decodeQR(issued.pdf, page: pages, in: directory) == expected)
    }

    @Test func theThreeThousandCharacterDescriptionIsPrintedWhole() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-long")
        let issued = try Self.issue("04-long-description.json", in: directory)
        let source = try JSONSerialization.jsonObject(with: Data(contentsOf: TestWorld.examples.appendingPathComponent("04-long-description.json"))) as! [String: Any]
        let description = ((source["lines"] as! [[String: Any]])[0]["description"] as! String)
        #expect(description.count == 3000)
        func squeeze(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined() }
        // Compare without whitespace: wrapping and page breaks add line ends, and the other columns of the
        // row interleave with the description on the first of its lines; the words must all be there, in order.
        let words = description.split(separator: " ").map(String.init)
        let text = try TestWorld.pdfText(issued.pdf)
        var cursor = text.startIndex
        for word in words {
            guard let found = text.range(of: word, range: cursor..<text.endIndex) else {
                Issue.record("word \"\(word)\" missing (or out of order) in the PDF text")
                break
            }
            cursor = found.upperBound
        }
        #expect(squeeze(text).contains("[FIN]"))
    }

    @Test func fontsAreEmbeddedAndOnlyFromFontsFolder() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-fonts")
        let issued = try Self.issue("03-accented-buyer.json", in: directory)
        let fonts = try TestProcess.run(try requireTool("pdffonts"), [issued.pdf.path])
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(row.contains("DejaVu"), "font not from Fonts/: \(row)")
            // name type encoding emb sub uni …: the "emb" column must say yes.
            #expect(columns.contains("yes"), "font not embedded: \(row)")
        }
        let check = try TestProcess.run(try requireTool("qpdf"), ["--check", issued.pdf.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let text = try TestWorld.pdfText(issued.pdf)
        #expect(text.contains("Peña & Hijos Ñandú Muñoz S.A.S."))
        #expect(text.contains(issued.number))
        let cufe = try TestWorld.xpath("string(/*/*[local-name()='UUID'])", issued.xml)
        #expect(cufe.count == 96)
        #expect(text.split(whereSeparator: \.isWhitespace).joined().contains(cufe))
    }

    /// The RADIAN event fixture shows, besides its number, what it says (values read by hand from the file).
    @Test func theRADIANEventShowsItsCodeReferenceAndParties() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-event")
        let input = TestWorld.root.appendingPathComponent("Tests/UBLTests/Fixtures/application-response-event-030-minimal.xml")
        let output = directory.appendingPathComponent("event.pdf")
        let result = try CLITests.folio(["render", input.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try TestWorld.pdfText(output)
        #expect(text.contains("030 – Acuse de recibo de la factura electrónica de venta"))
        #expect(text.contains("Factura electrónica de venta: SETP990000002"))
        #expect(text.contains("CUFE: abc123cufe-del-documento-referenciado"))
        #expect(text.contains("NIT 900.373.115"))
        #expect(text.contains("NIT 800.199.436"))
        #expect(text.contains("10/03/2024 14:22:00"))
        #expect(text.contains("PLACEHOLDER"))  // the fixture's CUDE
        #expect(text.contains("Página 1 de 1"))
    }

    @Test func aDiscountedLineShowsItsDiscountSoTheRowAddsUp() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-discount")
        let issued = try Self.issue("01-three-lines.json", in: directory)
        // By hand: 2 × 145,900.00 = 291,800.00; 5 % = 14,590.00; base 277,210.00; IVA 19 % = 52,669.90.
        let text = try TestWorld.pdfText(issued.pdf).replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(text.contains("Descuento: $ 14.590,00 (base $ 277.210,00)"))
        #expect(text.contains("$ 52.669,90"))
        #expect(text.contains("Total c/IVA"))
    }

    /// Every DIAN sample Folio did not write renders on one page, with its own number on it: invoices and notes
    /// with Layouts/invoice.xml, the RADIAN event (ApplicationResponse 030) with Layouts/event.xml.
    @Test(arguments: [
        ("invoice-dian-generica-signed-setp990000002.xml", "SETP990000002"),
        ("invoice-stenfrank-setp990000008-unsigned.xml", "SETP990000008"),
        ("credit-note-stenfrank-unsigned.xml", "NC1000"),
        ("debit-note-stenfrank-unsigned.xml", "ND1"),
        ("invoice-minimal-cufe-input.xml", "SETP990000002"),
        ("application-response-event-030-minimal.xml", "EVT-001"),
    ])
    func foreignUBLDocumentsRender(_ file: String, _ number: String?) throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-foreign")
        let input = TestWorld.root.appendingPathComponent("Tests/UBLTests/Fixtures/\(file)")
        let output = directory.appendingPathComponent("out.pdf")
        let result = try CLITests.folio(["render", input.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        if let number {
            #expect(result.stdout == "\(number): 1 page → \(output.path)\n")
        }
        let check = try TestProcess.run(try requireTool("qpdf"), ["--check", output.path])
        #expect(check.status == 0)
        if let number {
            #expect(try TestWorld.pdfText(output).contains(number))
        }
    }
}
