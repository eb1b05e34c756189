import DisplayModel
import DocumentModel
import Foundation
import LayoutEngine
import LayoutTemplate
import Render
import Testing

@Suite struct RendererTests {
    @Test func fontBookSeesOnlyTheBundledFaces() throws {
        let fonts = try FontBook(directory: Repository.fonts)
        #expect(
            fonts.catalog.faces == [
                FontFace(family: "DejaVu Sans"), FontFace(family: "DejaVu Sans", weight: .bold),
                FontFace(family: "DejaVu Sans", slant: .italic), FontFace(family: "DejaVu Sans", weight: .bold, slant: .italic),
                FontFace(family: "DejaVu Sans Mono"),
            ])
    }

    @Test(arguments: [
        ("invoice", DocumentKind.invoice, false), ("credit note", .creditNote, false), ("debit note", .debitNote, false),
        ("copy", .invoice, true),
    ])
    func productionLayoutsRenderEverySampleWithoutDiagnostics(name: String, kind: DocumentKind, copy: Bool) throws {
        let renderer = try Repository.renderer.get()
        #expect(
            renderer.layoutNames == ["credit-note", "debit-note", "event", "invoice", "invoice-letter", "pos-80mm", "supplier-invoice"])
        #expect(renderer.templateWarnings == [])
        let data = TestDocuments.display(TestDocuments.invoice(lines: 12, kind: kind), copy: copy)
        for layout in renderer.layoutNames where layout != "event" {
            let result = try renderer.frames(layout: layout, data: data)
            #expect(result.diagnostics == [], "\(name) with \(layout)")
        }
    }

    @Test(arguments: ["02", "04", "030", "031", "032", "033", "034", "035"])
    func eventLayoutRendersEveryResponseCodeOnOnePageWithoutDiagnostics(code: String) throws {
        let renderer = try Repository.renderer.get()
        #expect(renderer.schemas.schema(forLayout: "event") == EventDisplay.schema)
        let event = code.count == 2 ? TestEvents.dianRejection(findings: 4) : TestEvents.event(code: code)
        let result = try renderer.frames(layout: "event", data: TestEvents.display(event))
        #expect(result.diagnostics == [], "\(code)")
        #expect(result.pages.count == 1, "\(code)")
    }

    @Test func eachLayoutIsCheckedAgainstItsOwnData() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // An invoice field in the event layout is unknown there, and the other way round.
        let event = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page margin="10mm"><text>{event.number} {buyer.name}</text></page>
            </layout>
            """
        _ = try scratch.write(Array(event.utf8), as: "event.xml")
        let invoice = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page margin="10mm"><text>{document.number} {event.number}</text></page>
            </layout>
            """
        _ = try scratch.write(Array(invoice.utf8), as: "invoice.xml")
        do {
            _ = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
            Issue.record("bindings of the other layout's data were accepted")
        } catch let error as RenderError {
            #expect(error.code == .invalidTemplate)
            #expect(error.diagnostics.map(\.code) == [.unknownField, .unknownField])
            #expect(error.message.contains("event.xml:3:44: error: `buyer.name` is not a field [unknown-field]"))
            #expect(error.message.contains("invoice.xml:3:47: error: `event.number` is not a field [unknown-field]"))
        }
        // One schema for every layout, as before per-layout schemas: the event layout is checked against it.
        #expect(throws: RenderError.self) {
            _ = try DocumentRenderer(layoutsDirectory: Repository.layouts, fontsDirectory: Repository.fonts, schema: DocumentDisplay.schema)
        }
    }

    @Test func longNamesAndAddressesNeverOverflowAFixedRegion() throws {
        var document = TestDocuments.invoice(lines: 80)
        document.supplier.name = "Comercializadora Internacional de Suministros Industriales y Tecnológicos del Caribe S.A.S."
        document.supplier.address?.line = "Zona Franca Parque Central, Bodega 12, Manzana 4, Kilómetro 3 vía Turbaco, Sector Industrial"
        document.supplier.taxLevelCodes = ["O-13", "O-15", "O-23", "O-47"]
        document.customer.name = "Sociedad de Comercialización y Distribución de Productos Alimenticios del Valle del Cauca Limitada"
        let renderer = try Repository.renderer.get()
        let result = try renderer.frames(layout: "invoice", data: TestDocuments.display(document, copy: true))
        #expect(result.diagnostics == [])
        #expect(result.pages.count >= 2)
        let first = result.pages[0].texts.joined(separator: " ").whitespaceNormalised
        #expect(first.contains(document.supplier.name))
        #expect(first.contains(document.customer.name))
        #expect(result.pages[1].texts.joined(separator: " ").whitespaceNormalised.contains(document.supplier.name))
    }

    @Test func pngPagesDrawTheSameFrames() throws {
        let renderer = try Repository.renderer.get()
        let document = TestDocuments.invoice(lines: 40)
        let data = TestDocuments.display(document)
        let pngs = try renderer.renderPNG(layout: "invoice", data: data, scale: 2)
        let pdf = try renderer.renderPDF(layout: "invoice", data: data, title: "t", creationDate: TestDocuments.creation)
        #expect(pngs.count == pdf.pageCount)
        #expect(pngs.allSatisfy { Array($0.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] })
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(pngs[0], as: "page1.png")
        #expect(try ExternalTool.output("zbarimg", ["--raw", "-q", path]) == document.qrText! + "\n")
        // A4 at 2 px/pt: 1191 × 1684 (pdfinfo-independent: read the PNG header).
        let header = pngs[0]
        let width = header[16...19].reduce(0) { $0 << 8 | Int($1) }
        let height = header[20...23].reduce(0) { $0 << 8 | Int($1) }
        #expect((width, height) == (1191, 1684))
    }

    @Test func rendersConcurrentlyFromSeveralThreads() throws {
        let renderer = try Repository.renderer.get()
        let documents = (0..<6).map { TestDocuments.invoice(lines: 20 + $0 * 15, number: "SETP99000010\($0)") }
        let serial = try documents.map {
            try renderer.renderPDF(layout: "invoice", data: TestDocuments.display($0), title: "t", creationDate: TestDocuments.creation).bytes
        }
        let results = ResultBox(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count * 2) { index in
            let slot = index % documents.count
            let bytes = try? renderer.renderPDF(
                layout: "invoice", data: TestDocuments.display(documents[slot]), title: "t", creationDate: TestDocuments.creation
            ).bytes
            results.store(bytes, at: slot)
        }
        for (slot, expected) in serial.enumerated() {
            #expect(results.values(at: slot) == [expected, expected])
        }
    }

    @Test func charactersTheFontsLackAreReported() throws {
        let renderer = try Repository.renderer.get()
        let document = TestDocuments.invoice(lines: 2, buyer: "Comercial 漢字 Ltda.")
        let pdf = try renderer.renderPDF(layout: "invoice", data: TestDocuments.display(document), title: "t", creationDate: TestDocuments.creation)
        #expect(pdf.warnings.map(\.code) == [.missingGlyph])
        #expect(pdf.warnings.first?.file.hasSuffix("Layouts/invoice.xml") == true)
        #expect(pdf.warnings.first?.message.contains("2 character(s)") == true)
    }

    @Test func brokenTemplatesAreRefusedWithTheirDiagnostics() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let layout = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page margin="10"><text>{buyer.nombre}</text></page>
            </layout>
            """
        _ = try scratch.write(Array(layout.utf8), as: "bad.xml")
        do {
            _ = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
            Issue.record("a broken template was accepted")
        } catch let error as RenderError {
            #expect(error.code == .invalidTemplate)
            #expect(error.diagnostics.map(\.code) == [.invalidLength, .unknownField])
            #expect(error.message.contains("bad.xml:3:17: error: `10` needs a unit [invalid-length]"))
            #expect(error.message.contains("bad.xml:3:27: error: `buyer.nombre` is not a field [unknown-field]"))
            #expect(error.message.contains("    hint: did you mean `buyer.name`?"))
        }
    }

    @Test func contentThatCannotFitIsRefusedNotClipped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let layout = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page size="100mm 100mm" margin="10mm"><qr value="{document.qr}" size="90mm"/></page>
            </layout>
            """
        _ = try scratch.write(Array(layout.utf8), as: "tiny.xml")
        let renderer = try DocumentRenderer(layoutsDirectory: scratch.url.path, fontsDirectory: Repository.fonts)
        do {
            _ = try renderer.renderPDF(layout: "tiny", data: TestDocuments.display(TestDocuments.invoice(lines: 1)), title: "t", creationDate: TestDocuments.creation)
            Issue.record("an element larger than the page was rendered")
        } catch let error as RenderError {
            #expect(error.code == .layoutFailed)
            #expect(error.diagnostics.map(\.code) == [.cannotFit])
            #expect(error.diagnostics.first?.line == 3)
        }
        #expect(throws: RenderError.self) {
            _ = try renderer.renderPDF(layout: "nope", data: .record([:]), title: "t", creationDate: TestDocuments.creation)
        }
    }
}

/// Results written from several threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[[UInt8]?]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ bytes: [UInt8]?, at slot: Int) { lock.withLock { slots[slot].append(bytes) } }

    func values(at slot: Int) -> [[UInt8]?] { lock.withLock { slots[slot] } }
}
