import DisplayModel
import DocumentModel
import Foundation
import Render
import Testing

/// A three-line invoice checked with independent tools: pdftotext, pdffonts, pdfinfo, qpdf, pdftoppm + zbarimg.
@Suite struct InvoicePDFTests {
    private static let document = TestDocuments.invoice(lines: 3)

    @Test func textIsExtractableWithAccents() throws {
        let file = try RenderedFile(Self.document)
        defer { file.scratch.remove() }
        let text = try file.text()
        #expect(text.contains("SETP990000042"))
        #expect(text.contains(TestDocuments.cufe))
        #expect(text.contains("José Peña & Hijos Ñandú S.A.S."))
        #expect(text.contains("FACTURA ELECTRÓNICA DE VENTA"))
        #expect(text.whitespaceNormalised.contains("Distribuidora Ñandú Andina S.A.S."))
        #expect(text.contains("NIT 900.108.281-3"))
        // Line 1: 2 × 9 419 = 18 838, IVA 19 % = 3 579,22, total 22 417,22 (worked out by hand).
        #expect(text.whitespaceNormalised.contains("P00001 Artículo de papelería número 1"))
        #expect(text.whitespaceNormalised.contains("$ 22.417,22"))
        #expect(text.contains("Página 1 de 1"))
        #expect(text.contains("Resolución DIAN No. 18764000001234 del 15/01/2024, prefijo SETP, rango 990000001 al 995000000"))
        #expect(file.pdf.pageCount == 1)
        #expect(file.pdf.warnings == [])
    }

    @Test func everyFontIsEmbeddedSubsetAndDejaVu() throws {
        let file = try RenderedFile(Self.document)
        defer { file.scratch.remove() }
        let lines = try ExternalTool.output("pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines {
            let fields = line.split(separator: " ")
            #expect(fields.count >= 7, "\(line)")
            guard fields.count >= 7 else { continue }
            #expect(fields[0].contains("+DejaVuSans"), "not a bundled font: \(line)")
            #expect(fields[fields.count - 5] == "yes", "not embedded: \(line)")
            #expect(fields[fields.count - 4] == "yes", "not subset: \(line)")
            #expect(fields[fields.count - 3] == "yes", "no Unicode map: \(line)")
        }
        #expect(lines.contains { $0.contains("DejaVuSansMono") })
        #expect(lines.contains { $0.contains("DejaVuSans-Bold") })
    }

    @Test func qpdfFindsNoStructuralProblem() throws {
        let file = try RenderedFile(Self.document)
        defer { file.scratch.remove() }
        let result = try ExternalTool.run("qpdf", ["--check", file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test func metadataComesFromTheArguments() throws {
        let file = try RenderedFile(Self.document, title: "Factura SETP990000042")
        defer { file.scratch.remove() }
        let info = try file.info()
        #expect(info["Title"] == "Factura SETP990000042")
        #expect(info["Creator"] == "Folio")
        #expect(info["Pages"] == "1")
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89") == true)
        // 1 741 000 000 s after the epoch is 2025-03-03 11:06:40 UTC.
        #expect(info["CreationDate"]?.hasSuffix("Mar  3 11:06:40 2025 UTC") == true)
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let renderer = try Repository.renderer.get()
        let data = TestDocuments.display(Self.document)
        let first = try renderer.renderPDF(layout: "invoice", data: data, title: "t", creationDate: TestDocuments.creation)
        let second = try renderer.renderPDF(layout: "invoice", data: data, title: "t", creationDate: TestDocuments.creation)
        #expect(first.bytes == second.bytes)
    }

    @Test func theQRCodeDecodesToTheDocumentsQRText() throws {
        let file = try RenderedFile(Self.document)
        defer { file.scratch.remove() }
        let decoded = try file.decodeQR(page: 1)
        #expect(decoded == Self.document.qrText! + "\n")
    }

    @Test func theQRCodeIsOneStencilMaskThatReadsAtLowResolution() throws {
        // In PDFs the QR is a 1-bit image mask with sharp module edges, not thousands of rectangles.
        let file = try RenderedFile(Self.document)
        defer { file.scratch.remove() }
        let expanded = file.scratch.path("expanded.pdf")
        _ = try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", file.path, expanded])
        let objects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self)
        #expect(objects.components(separatedBy: "/ImageMask true").count - 1 == 1)
        #expect(try file.decodeQR(page: 1, dpi: 100) == Self.document.qrText! + "\n")
    }

    @Test func notesAndCopiesShowTheirMarks() throws {
        let credit = try RenderedFile(TestDocuments.invoice(lines: 2, kind: .creditNote, number: "NC-77"), copy: true)
        defer { credit.scratch.remove() }
        let text = try credit.text()
        #expect(text.contains("NOTA CRÉDITO ELECTRÓNICA"))
        #expect(text.contains("No. NC-77"))
        #expect(text.contains("CUDE"))
        #expect(text.contains("DOCUMENTO REFERENCIADO"))
        #expect(text.contains("SETP990000041"))
        #expect(text.contains("2 – Anulación de factura electrónica"))
        #expect(text.contains("COPIA"))
        let debit = try RenderedFile(TestDocuments.invoice(lines: 2, kind: .debitNote, number: "ND-5"))
        defer { debit.scratch.remove() }
        #expect(try debit.text().contains("NOTA DÉBITO ELECTRÓNICA"))
        #expect(try !debit.text().contains("COPIA"))
    }
}
