import DisplayModel
import DocumentModel
import Foundation
import LayoutEngine
import Render
import Testing

/// `Layouts/event.xml` checked with independent tools: pdftotext, pdffonts, pdfinfo and qpdf.
@Suite struct EventPDFTests {
    private static func render(_ response: ApplicationResponseDocument) throws -> RenderedFile {
        try RenderedFile(layout: EventDisplay.layoutName, data: TestEvents.display(response), title: "Evento \(response.id)")
    }

    @Test func acuseDeReciboShowsItsIdentityCodeAndReference() throws {
        let file = try Self.render(TestEvents.event())
        defer { file.scratch.remove() }
        let text = try file.text()
        let flat = text.whitespaceNormalised
        #expect(text.contains("EVT-001"))
        #expect(text.contains("030 – Acuse de recibo de la factura electrónica de venta"))
        #expect(flat.contains("EVENTO RADIAN 030 — ACUSE DE RECIBO DE LA FACTURA ELECTRÓNICA DE VENTA"))
        #expect(text.contains("SETP990000002"))
        #expect(text.contains("Factura electrónica de venta"))
        #expect(flat.split(separator: " ").joined().contains(TestDocuments.cufe))
        #expect(text.contains(TestEvents.cude))
        #expect(text.contains("José Peña & Hijos Ñandú S.A.S."))
        #expect(text.contains("NIT 900.373.115-3"))
        #expect(text.contains("Distribuidora Ñandú Andina S.A.S."))
        #expect(text.contains("NIT 800.199.436-4"))
        #expect(text.contains("10/03/2024 14:22:00"))
        #expect(text.contains("Andrea Gómez"))
        #expect(text.contains("C.C. 1.020.304.050"))
        #expect(text.contains("Mercancía recibida en la bodega 3, muelle norte."))
        #expect(text.contains("Página 1 de 1"))
        #expect(file.pdf.pageCount == 1)
        #expect(file.pdf.warnings == [])
    }

    @Test func qpdfFindsNoStructuralProblemAndFontsAreEmbedded() throws {
        let file = try Self.render(TestEvents.event())
        defer { file.scratch.remove() }
        let result = try ExternalTool.run("qpdf", ["--check", file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No syntax or stream encoding errors found"))
        let fonts = try ExternalTool.output("pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            #expect(line.contains("+DejaVuSans"), "not a bundled font: \(line)")
        }
        let info = try file.info()
        #expect(info["Title"] == "Evento EVT-001")
        #expect(info["Pages"] == "1")
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89") == true)
    }

    @Test func dianRejectionListsItsFindings() throws {
        let file = try Self.render(TestEvents.dianRejection(findings: 3))
        defer { file.scratch.remove() }
        let text = try file.text()
        #expect(text.contains("RESPUESTA DE LA DIAN"))
        #expect(text.contains("04 – Documento rechazado por la DIAN"))
        #expect(text.contains("Documento con errores en campos mandatorios."))
        #expect(text.contains("NIT 800.197.268-4"))
        #expect(text.contains("Producción"))
        #expect(text.contains("R001") && text.contains("R003"))
        #expect(text.contains("Regla número 3 no cumplida."))
        #expect(!text.contains("Andrea"))
        #expect(file.pdf.pageCount == 1)
    }

    /// Hundreds of findings continue on further pages, each with the running header, the table header and
    /// its page number; every finding printed once, in order.
    @Test func manyFindingsContinueOnFurtherPages() throws {
        let file = try Self.render(TestEvents.dianRejection(findings: 150))
        defer { file.scratch.remove() }
        let pages = try file.pageTexts()
        #expect(pages.count >= 2)
        #expect(pages.count == file.pdf.pageCount)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Página \(index + 1) de \(pages.count)"), "page \(index + 1)")
            #expect(page.contains("Resultado de la validación"), "no table header on page \(index + 1)")
            if index > 0 {
                #expect(page.contains("RESPUESTA DE LA DIAN No. 15436178"), "no running header on page \(index + 1)")
            }
        }
        let codes = pages.joined().split(whereSeparator: { $0.isWhitespace })
            .filter { $0.count == 4 && $0.hasPrefix("R") && $0.dropFirst().allSatisfy(\.isNumber) }
        #expect(codes == (1...150).map { Substring("R" + String(1000 + $0).dropFirst()) })
        #expect(file.pdf.warnings == [])
    }

    /// Names and descriptions of any length stay in the body, which grows; no fixed region overflows.
    @Test func longNamesAndDescriptionsNeverOverflowAFixedRegion() throws {
        let long = "Comercializadora Internacional de Suministros Industriales y Tecnológicos del Caribe y del Pacífico S.A.S."
        var event = TestEvents.dianRejection(findings: 120)
        event.sender.name = long + " " + long
        event.receiver.name = long
        event.responseCode = "045"
        event.responseDescription = String(repeating: "Descripción extensa del evento. ", count: 20)
        let renderer = try Repository.renderer.get()
        let result = try renderer.frames(layout: EventDisplay.layoutName, data: TestEvents.display(event))
        #expect(result.diagnostics == [])
        #expect(result.pages.count >= 2)
        let first = result.pages[0].texts.joined(separator: " ").whitespaceNormalised
        #expect(first.contains(long + " " + long))
        #expect(result.pages[1].texts.joined(separator: " ").contains("EVENTO RADIAN 045 No. 15436178"))
    }
}
