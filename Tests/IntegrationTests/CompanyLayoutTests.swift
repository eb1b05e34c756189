import FolioApp
import FolioTesting
import Foundation
import Testing
import UBL
import DocumentModel
import Store

/// Which layout a document is drawn with: the company's own variant, or the supplier view for an invoice a
/// configured company received.
@Suite struct CompanyLayoutTests {
    static func configuration(in directory: URL, layouts: [String: String]) throws -> URL {
        let url = try TestWorld.writeConfiguration(in: directory)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var companies = json["companies"] as! [[String: Any]]
        companies[0]["layouts"] = layouts
        json["companies"] = companies
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return url
    }

    static func pageSize(_ pdf: URL) throws -> String {
        let info = try TestProcess.run(try requireTool("pdfinfo"), [pdf.path])
        return info.stdout.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
    }

    @Test func aCompanyDrawsItsInvoicesWithItsOwnVariant() throws {
        let directory = try makeTemporaryDirectory(prefix: "company-layout")
        let config = try Self.configuration(in: directory, layouts: ["invoice": "invoice-letter.xml"])
        let service = try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources,
            printQueue: RecordingPrintQueue(), world: .live)
        guard case .created(let document) = try service.submit(try TestWorld.example("01-three-lines.json"), source: "01")
        else { Issue.record("not issued"); return }
        let pdf = try TestWorld.write(try #require(try service.pdf(number: document.number)), "letter.pdf", in: directory)
        #expect(try Self.pageSize(pdf).contains("612 x 792"))  // US letter, not A4 (595.276 x 841.89)
    }

    @Test func anUnknownLayoutOrTypeIsNamedAtStart() throws {
        let directory = try makeTemporaryDirectory(prefix: "company-layout-bad")
        let missing = try Self.configuration(in: directory, layouts: ["invoice": "factura-bonita"])
        #expect {
            _ = try FolioService(
                configuration: try FolioConfiguration.load(path: missing.path), resources: TestWorld.resources,
                printQueue: RecordingPrintQueue(), world: .live)
        } throws: { "\($0)".contains("companies[1].layouts.invoice: \"factura-bonita\" is not a layout") }
        let wrongType = try Self.configuration(in: directory, layouts: ["factura": "invoice-letter"])
        #expect {
            _ = try FolioConfiguration.load(path: wrongType.path)
        } throws: { "\($0)".contains("companies[1].layouts.factura") }
    }

    @Test func anInvoiceReceivedFromASupplierUsesTheSupplierView() throws {
        let directory = try makeTemporaryDirectory(prefix: "supplier-view")
        let configuration = try FolioConfiguration.load(path: try TestWorld.writeConfiguration(in: directory).path)
        // A supplier's invoice addressed to the example company (NIT 900108281).
        var received = SampleDocuments.invoice
        received.customer.identification = Identification(type: .nit, number: "900108281", checkDigit: 8)
        let xml = try UBLWriter.write(received)
        let preview = try DocumentPreview(resources: TestWorld.resources, configuration: configuration, world: .live)
        let output = try preview.render(xml, source: "received.xml", png: false)
        let text = try TestWorld.pdfText(try TestWorld.write(output.pdf, "received.pdf", in: directory))
        #expect(text.contains("DOCUMENTO RECIBIDO"))
        #expect(text.contains("PROVEEDOR"))
        // The company's own invoice keeps the issuer's layout.
        let own = try preview.render(try UBLWriter.write(SampleDocuments.invoice), source: "own.xml", png: false)
        #expect(!(try TestWorld.pdfText(try TestWorld.write(own.pdf, "own.pdf", in: directory))).contains("DOCUMENTO RECIBIDO"))
    }
}
