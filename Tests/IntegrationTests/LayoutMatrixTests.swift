import FolioApp
import FolioTesting
import Foundation
import Testing

/// Every shipped layout × every sample document renders with zero diagnostics: the ERP JSON examples (read
/// as drafts through Examples/config.json) and the UBL fixtures (read back as issued documents, events with
/// `event.xml`). Also: each kind of document gets its own layout, and a POS roll is one page.
@Suite(.serialized) struct LayoutMatrixTests {
    static let layouts = TestWorld.root.appendingPathComponent("Layouts")
    static let fixtures = TestWorld.root.appendingPathComponent("Tests/UBLTests/Fixtures")

    static var documentLayouts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? [])
            .filter { $0.hasSuffix(".xml") && $0 != "event.xml" }.map { String($0.dropLast(4)) }.sorted()
    }

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }

    private func preview(_ directory: URL) throws -> DocumentPreview {
        let config = try TestWorld.writeConfiguration(in: directory)
        return try DocumentPreview(
            resources: TestWorld.resources, configuration: try FolioConfiguration.load(path: config.path),
            world: FolioWorld(now: { Date(timeIntervalSince1970: 1_741_000_000) }))
    }

    @Test func everyLayoutRendersEverySampleWithoutDiagnostics() throws {
        let directory = try makeTemporaryDirectory(prefix: "layout-matrix")
        defer { try? FileManager.default.removeItem(at: directory) }
        let preview = try preview(directory)
        let layouts = Self.documentLayouts
        #expect(layouts == ["credit-note", "debit-note", "invoice", "invoice-letter", "pos-80mm", "supplier-invoice"])
        var samples: [(String, [UInt8])] = try TestWorld.exampleNames.map { ($0, try TestWorld.example($0)) }
        samples += try Self.fixtureNames.map { ($0, [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent($0)))) }
        #expect(samples.count >= 12)
        var rendered = 0
        for (name, bytes) in samples {
            let isEvent = name.hasPrefix("application-response")
            for layout in isEvent ? ["event"] : layouts {
                let output = try preview.render(bytes, source: name, png: false, layout: layout)
                #expect(output.warnings == [], "\(layout) × \(name)")
                #expect(output.pageCount >= 1)
                rendered += 1
            }
        }
        #expect(rendered >= 60)
    }

    @Test func eachKindGetsItsOwnLayout() throws {
        let directory = try makeTemporaryDirectory(prefix: "layout-matrix")
        defer { try? FileManager.default.removeItem(at: directory) }
        // No configuration: the Stenfrank fixtures are addressed to NIT 900108281, the example company's, so
        // with its configuration they are drawn as documents it received (see CompanyLayoutTests).
        let preview = try DocumentPreview(
            resources: TestWorld.resources, configuration: nil, world: FolioWorld(now: { Date(timeIntervalSince1970: 1_741_000_000) }))
        for (fixture, heading) in [
            ("credit-note-stenfrank-unsigned.xml", "FACTURA REFERENCIADA Y CONCEPTO DE LA NOTA CRÉDITO"),
            ("debit-note-stenfrank-unsigned.xml", "FACTURA REFERENCIADA Y CONCEPTO DE LA NOTA DÉBITO"),
            ("invoice-stenfrank-setp990000008-unsigned.xml", "ADQUIRIENTE"),
        ] {
            let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(fixture)))
            let output = try preview.render(bytes, source: fixture, png: false)
            let pdf = directory.appendingPathComponent(fixture + ".pdf")
            try Data(output.pdf).write(to: pdf)
            let text = try TestWorld.pdfText(pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains(heading), "\(fixture)")
            #expect(text.contains("REFERENCIADA") == fixture.contains("note"), "\(fixture)")
        }
    }

    @Test func aPOSRollIsOnePageAsLongAsItsContent() throws {
        let directory = try makeTemporaryDirectory(prefix: "layout-matrix")
        defer { try? FileManager.default.removeItem(at: directory) }
        let preview = try preview(directory)
        let short = try preview.render(try TestWorld.example("01-three-lines.json"), source: "short", png: true, layout: "pos-80mm")
        let long = try preview.render(try TestWorld.example("05-thousand-lines.json"), source: "long", png: true, layout: "pos-80mm")
        #expect(short.pageCount == 1 && long.pageCount == 1)
        var sizes: [String] = []
        for (name, output) in [("short", short), ("long", long)] {
            let pdf = directory.appendingPathComponent(name + ".pdf")
            try Data(output.pdf).write(to: pdf)
            let info = try TestProcess.run(try requireTool("pdfinfo"), [pdf.path])
            sizes += info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page size:") }.map(String.init)
            let text = try TestWorld.pdfText(pdf)
            #expect(text.contains("TOTAL"))
        }
        // 80 mm = 226.772 pt wide; the long roll is far longer than the short one.
        #expect(sizes.count == 2 && sizes.allSatisfy { $0.contains("226.772 x") })
        let heights = sizes.compactMap { line in line.split(separator: " ").dropFirst(4).first.flatMap { Double($0) } }
        #expect(heights.count == 2 && heights[1] > heights[0] * 20)
    }
}
