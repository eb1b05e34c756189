import DocumentModel
import FolioApp
import FolioTesting
import Foundation
import Intake
import Printing
import Store
import Testing

/// The routing rules as a pure function, their configuration errors, the ERP's `print` hints, and one job
/// routed end to end to a queue addressed by IPP URI.
struct PrintRoutingTests {
    static let rules = [
        PrintRule(company: "acme", warehouse: "3", type: "invoice", printers: ["bodega-3"], copies: 2, media: "80mm", duplex: false),
        PrintRule(company: "acme", warehouse: "3", printers: ["notas-3"]),
        PrintRule(branch: "norte", printers: ["ipp://10.0.5.2:631/printers/norte", "archivo"], media: "A4", duplex: true, layout: "invoice-a4"),
    ]

    static func plans(
        company: String = "acme", type: String = "invoice", hints: PrintHints = PrintHints(), explicit: String? = nil,
        rules: [PrintRule] = rules, defaultPrinter: String? = "caja-1", copies: Int = 1
    ) -> [PrintPlan] {
        PrintRouting.plans(
            company: company, type: type, hints: hints, explicitPrinter: explicit, rules: rules, defaultPrinter: defaultPrinter,
            defaultCopies: copies)
    }

    @Test func theFirstMatchingRuleChoosesPrintersCopiesAndSettings() {
        #expect(Self.plans(hints: PrintHints(warehouse: "3")) == [
            PrintPlan(printer: "bodega-3", copies: 2, media: "custom_80mm-roll_80x297mm", sides: "one-sided")
        ])
        // The same warehouse, another document type: the second rule.
        #expect(Self.plans(type: "credit-note", hints: PrintHints(warehouse: "3"), copies: 3) == [PrintPlan(printer: "notas-3", copies: 3)])
        // A rule without company matches every company; several printers give one job each.
        #expect(Self.plans(company: "other", hints: PrintHints(branch: "norte")) == [
            PrintPlan(printer: "ipp://10.0.5.2:631/printers/norte", copies: 1, media: "iso_a4_210x297mm", sides: "two-sided-long-edge", layout: "invoice-a4"),
            PrintPlan(printer: "archivo", copies: 1, media: "iso_a4_210x297mm", sides: "two-sided-long-edge", layout: "invoice-a4"),
        ])
    }

    @Test func withoutAMatchingRuleTheCompanysDefaultPrinterPrints() {
        #expect(Self.plans(hints: PrintHints(warehouse: "7"), copies: 2) == [PrintPlan(printer: "caja-1", copies: 2)])
        #expect(Self.plans(rules: []) == [PrintPlan(printer: "caja-1", copies: 1)])
        #expect(Self.plans(hints: PrintHints(warehouse: "7"), defaultPrinter: nil).isEmpty)
    }

    @Test func theERPsHintsAndAnExplicitPrinterOverrideTheRule() {
        let hinted = Self.plans(hints: PrintHints(warehouse: "3", printer: "mostrador", copies: 4))
        #expect(hinted == [PrintPlan(printer: "mostrador", copies: 4, media: "custom_80mm-roll_80x297mm", sides: "one-sided")])
        let explicit = Self.plans(hints: PrintHints(warehouse: "3", printer: "mostrador"), explicit: "gerencia")
        #expect(explicit.map(\.printer) == ["gerencia"])
        #expect(explicit.map(\.copies) == [2])
    }

    @Test func printerAddressesAreQueuesOrIPPURIs() {
        #expect(PrinterAddress("bodega-1")?.server == nil)
        #expect(PrinterAddress("bodega-1")?.queue == "bodega-1")
        let remote = PrinterAddress("ipp://10.0.3.5:8631/printers/bodega-3")
        #expect(remote?.server == "10.0.3.5:8631")
        #expect(remote?.queue == "bodega-3")
        #expect(PrinterAddress("ipp://cups.bodega3.local/classes/todas")?.server == "cups.bodega3.local:631")
        for bad in ["", "bodega 1", "ipp://host:631/bodega", "ipp://host:99999/printers/q", "http://host/printers/q", "ipp://host/printers/a b"] {
            #expect(PrinterAddress(bad) == nil, "\(bad)")
            #expect(PrinterAddress.problem(with: bad) != nil)
        }
    }

    @Test func badRulesAreRefusedNamingTheKey() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-routing-config")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try TestWorld.writeConfiguration(
            in: directory,
            printing: [
                "rules": [
                    ["company": "nadie", "type": "factura", "printers": [], "copies": 0, "media": "B5", "layout": "../x"],
                    ["warehouse": "3", "printers": ["ok", "ipp://h/printers/bad queue", "ok"]],
                    ["warehouse": "3", "printers": ["x"], "printer": "oops"],
                ]
            ])
        #expect { try FolioConfiguration.load(path: config.path) } throws: { error in
            "\(error)".contains("printing.rules[3].printer: is not a configuration key")
        }
        let bad = try TestWorld.writeConfiguration(
            in: directory,
            printing: [
                "rules": [
                    ["company": "nadie", "type": "factura", "printers": [], "copies": 0, "media": "B5", "layout": "../x"],
                    ["warehouse": "3", "printers": ["ok", "ipp://h/printers/bad queue", "ok"]],
                ]
            ])
        let error = try #require(throws: ConfigurationError.self) { try FolioConfiguration.load(path: bad.path) }
        let expected = [
            "printing.rules[1].company: \"nadie\" is not a configured company (known: folio-demo)",
            "printing.rules[1].type: \"factura\" must be invoice, credit-note or debit-note",
            "printing.rules[1].printers: at least one printer is needed",
            "printing.rules[1].copies: 0 must be from 1 to 99",
            "printing.rules[1].media: \"B5\" is not A4, letter, 80mm or a PWG media keyword (iso_a5_148x210mm)",
            "printing.rules[1].layout: \"../x\" is not a layout name (a file of Layouts/ without .xml)",
            "printing.rules[2].printers[2]: \"bad queue\" in ipp://h/printers/bad queue is not a CUPS queue name (letters, digits, '_', '.', '-')",
            "printing.rules[2].printers: a printer is listed twice",
        ]
        #expect(error.problems == expected)
    }

    @Test func theERPJSONCarriesPrintHints() throws {
        var json = try JSONSerialization.jsonObject(with: Data(try TestWorld.example("06-consumidor-final.json"))) as! [String: Any]
        json["print"] = ["warehouse": "3", "branch": "norte", "printer": "ipp://10.0.3.5:631/printers/bodega-3", "copies": 2]
        let draft = try ERPDocumentReader.read(Array(try JSONSerialization.data(withJSONObject: json)), source: "hints.json")
        #expect(draft.printHints == PrintHints(warehouse: "3", branch: "norte", printer: "ipp://10.0.3.5:631/printers/bodega-3", copies: 2))

        json["print"] = ["warehouse": "3", "copies": 0, "printer": "bodega 3", "tray": "2"]
        let error = try #require(throws: IntakeError.self) {
            try ERPDocumentReader.read(Array(try JSONSerialization.data(withJSONObject: json)), source: "hints.json")
        }
        let fields = error.errors.map(\.field)
        #expect(fields.contains("print.copies"))
        #expect(fields.contains("print.printer"))
        #expect(fields.contains { $0.hasPrefix("print.tray") || $0 == "print" })
    }

    @Test func aRuleSendsTheDocumentToAQueueAddressedByIPPURIWithItsCopiesMediaAndSides() async throws {
        let cups = try PrivateCUPS.start(printers: ["bodega-3"])
        defer { cups.stop() }
        let directory = try makeTemporaryDirectory(prefix: "folio-routing")
        defer { try? FileManager.default.removeItem(at: directory) }
        let uri = "ipp://\(cups.server)/printers/bodega-3"
        // No cups_server: the job finds its server in the rule's URI. The default printer does not exist.
        let config = try TestWorld.writeConfiguration(
            in: directory, defaultPrinter: "nowhere",
            printing: ["rules": [["warehouse": "3", "printers": [uri], "copies": 2, "media": "letter", "duplex": false]]])
        let service = try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources, world: .live)
        var json = try JSONSerialization.jsonObject(with: Data(try TestWorld.example("02-mixed-iva.json"))) as! [String: Any]
        json["print"] = ["warehouse": "3"]
        guard case .created(let document) = try service.submit(Array(try JSONSerialization.data(withJSONObject: json)), source: "02")
        else { Issue.record("not issued"); return }

        await service.drainPrintQueue()
        let job = try #require(try service.store.printJobs(number: document.number).first)
        #expect(job.printer == uri)
        #expect(job.status == "submitted", "\(job.error ?? "")\n\(cups.logTail())")
        let files = try cups.waitForFiles(printer: "bodega-3", count: 1)
        let attributes = cups.jobAttributes(of: files[0])
        #expect(attributes["IPP_COPIES"] == "2", "\(attributes)")
        #expect(attributes["IPP_SIDES"] == "one-sided", "\(attributes)")
        #expect(attributes["IPP_MEDIA_COL"]?.contains("x-dimension=21590 y-dimension=27940") == true, "\(attributes)")
        // What arrived is what Folio rendered and stored.
        let rendered = try TestWorld.write(try #require(try service.pdf(number: document.number)), "rendered.pdf", in: directory)
        #expect(try TestWorld.pdfText(files[0]) == (try TestWorld.pdfText(rendered)))
        #expect(try TestWorld.pageCount(files[0]) == (try TestWorld.pageCount(rendered)))
    }
}
