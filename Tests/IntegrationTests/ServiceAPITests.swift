import FolioApp
import FolioTesting
import Foundation
import HTTPServer
import Printing
import Store
import Testing

/// The HTTP API in process (router without sockets), with the real store, writer, schemas and renderer, and a
/// recording print queue.
struct ServiceAPITests {
    final class Harness: Sendable {
        let directory: URL
        let service: FolioService
        let printQueue = RecordingPrintQueue()
        let router: Router

        init(from: Int = 990000000, to: Int = 995000000, defaultPrinter: String? = nil, directory: URL? = nil) throws {
            let directory = try directory ?? makeTemporaryDirectory(prefix: "folio-api")
            self.directory = directory
            let config = try TestWorld.writeConfiguration(in: directory, from: from, to: to, defaultPrinter: defaultPrinter)
            let instant = Date(timeIntervalSince1970: 1_796_313_600)  // 2026-12-03T16:00:00Z = 11:00 in Bogotá
            service = try FolioService(
                configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources,
                printQueue: printQueue, world: FolioWorld(now: { instant }))
            router = service.router()
        }

        func post(_ body: [UInt8], path: String = "/v1/documents") async -> HTTPResponse {
            await router.handle(HTTPRequest(method: "POST", path: path, body: body))
        }

        func get(_ path: String) async -> HTTPResponse {
            await router.handle(HTTPRequest(method: "GET", path: path))
        }
    }

    static func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static func details(_ response: HTTPResponse) -> [[String: Any]] {
        ((json(response)["error"] as? [String: Any])?["details"] as? [[String: Any]]) ?? []
    }

    @Test func everyExampleIsIssuedInOrderWithSchemaValidXMLAndAReadablePDF() async throws {
        let harness = try Harness()
        var expectedSequence = 990000000
        for name in TestWorld.exampleNames {
            let response = await harness.post(try TestWorld.example(name))
            #expect(response.status == 201, "\(name): \(String(decoding: response.body, as: UTF8.self))")
            let body = Self.json(response)
            let number = try #require(body["number"] as? String)
            #expect(number == "SETP\(expectedSequence)")
            expectedSequence += 1
            #expect((body["unique_code"] as? String)?.count == 96)
            #expect(response.header("Location") == "/v1/documents/\(number)")

            let xml = await harness.get("/v1/documents/\(number)/xml")
            #expect(xml.status == 200)
            let xmlFile = try TestWorld.write(xml.body, "\(number).xml", in: harness.directory)
            #expect(try TestWorld.schemaErrors(xmlFile) == nil, "\(name)")

            let pdf = await harness.get("/v1/documents/\(number)/pdf")
            #expect(pdf.status == 200)
            #expect(pdf.header("Content-Type") == "application/pdf")
            let text = try TestWorld.pdfText(try TestWorld.write(pdf.body, "\(number).pdf", in: harness.directory))
            #expect(text.contains(number))
        }
        #expect(expectedSequence == 990000007)
    }

    @Test func theSameERPReferenceTwiceGivesTheFirstResultAndNoSecondNumber() async throws {
        let harness = try Harness()
        let first = await harness.post(try TestWorld.example("01-three-lines.json"))
        let again = await harness.post(try TestWorld.example("01-three-lines.json"))
        #expect(first.status == 201)
        #expect(again.status == 200)
        #expect(again.header("Idempotent-Replay") == "true")
        #expect(Self.json(again)["number"] as? String == Self.json(first)["number"] as? String)
        #expect(Self.json(again)["unique_code"] as? String == Self.json(first)["unique_code"] as? String)
        let next = await harness.post(try TestWorld.example("02-mixed-iva.json"))
        #expect(Self.json(next)["number"] as? String == "SETP990000001")
    }

    @Test func badInputGetsFieldErrorsAndConsumesNoNumber() async throws {
        let harness = try Harness()
        let cases: [(String, [UInt8], [String])] = [
            ("malformed", Array("{\"reference\": \"X\",\n \"lines\": [}".utf8), [""]),
            ("missing fields", Array(#"{"reference": "X", "company": "folio-demo"}"#.utf8), ["buyer", "lines"]),
            ("negative quantity", Array(#"{"reference": "X", "company": "folio-demo", "buyer": {"final_consumer": true}, "lines": [{"description": "a", "quantity": "-1", "unit_price": "1"}]}"#.utf8), ["lines[1].quantity"]),
            ("unknown tax", Array(#"{"reference": "X", "company": "folio-demo", "buyer": {"final_consumer": true}, "lines": [{"description": "a", "quantity": "1", "unit_price": "1", "taxes": [{"tax": "XYZ", "rate": "19"}]}]}"#.utf8), ["lines[1].taxes[1].tax"]),
            ("unknown company", Array(#"{"reference": "X", "company": "acme", "buyer": {"final_consumer": true}, "lines": [{"description": "a", "quantity": "1", "unit_price": "1"}]}"#.utf8), ["company"]),
            ("ERP totals disagree", Array(#"{"reference": "X", "company": "folio-demo", "buyer": {"final_consumer": true}, "lines": [{"description": "a", "quantity": "1", "unit_price": "100", "taxes": [{"tax": "IVA", "rate": "19"}]}], "totals": {"payable": "121.50"}}"#.utf8), ["totals.payable"]),
            ("not UTF-8", [0x7B, 0x22, 0xF1, 0x22, 0x7D], [""]),
            ("empty body", [], [""]),
        ]
        for (name, body, fields) in cases {
            let response = await harness.post(body)
            #expect(response.status == 422, "\(name)")
            let error = Self.json(response)["error"] as? [String: Any]
            #expect(error?["code"] as? String == "validation_failed", "\(name)")
            #expect(Self.details(response).map { $0["field"] as? String ?? "?" } == fields, "\(name)")
        }
        let malformed = Self.details(await harness.post(Array("{\"reference\": \"X\",\n \"lines\": [}".utf8)))
        #expect(malformed.first?["line"] as? Int == 2)
        #expect((malformed.first?["message"] as? String)?.hasPrefix("invalid JSON") == true)
        // Nothing above took a number.
        let good = await harness.post(try TestWorld.example("06-consumidor-final.json"))
        #expect(Self.json(good)["number"] as? String == "SETP990000000")
    }

    @Test func anExhaustedRangeRefusesWithoutLosingWhatWasIssued() async throws {
        let harness = try Harness(from: 7, to: 8)
        #expect(await harness.post(try TestWorld.example("01-three-lines.json")).status == 201)
        #expect(await harness.post(try TestWorld.example("02-mixed-iva.json")).status == 201)
        let refused = await harness.post(try TestWorld.example("03-accented-buyer.json"))
        #expect(refused.status == 422)
        #expect((Self.json(refused)["error"] as? [String: Any])?["code"] as? String == "numbering_exhausted")
        #expect(Self.details(refused).first?["message"] as? String == "the numbering range is exhausted (its last number 8 is already used) for resolution 18760000001")
        #expect(await harness.get("/v1/documents/SETP7").status == 200)
        #expect(await harness.get("/v1/documents/SETP8/pdf").status == 200)
        #expect(await harness.get("/v1/documents/SETP9").status == 404)
    }

    @Test func numberingAndDocumentsSurviveARestart() async throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-restart")
        do {
            let first = try Harness(directory: directory)
            #expect(await first.post(try TestWorld.example("01-three-lines.json")).status == 201)
        }
        let second = try Harness(directory: directory)
        #expect(await second.post(try TestWorld.example("01-three-lines.json")).status == 200)
        let next = await second.post(try TestWorld.example("02-mixed-iva.json"))
        #expect(Self.json(next)["number"] as? String == "SETP990000001")
    }

    @Test func timelineAndReprint() async throws {
        let harness = try Harness(defaultPrinter: "bodega-1")
        let created = Self.json(await harness.post(try TestWorld.example("01-three-lines.json")))
        let number = try #require(created["number"] as? String)
        await harness.service.drainPrintQueue()
        let reprint = await harness.router.handle(
            HTTPRequest(method: "POST", path: "/v1/documents/\(number)/reprint", headers: ["X-Folio-User": "ana"],
                        body: Array(#"{"printer": "bodega-2", "copies": 2}"#.utf8)))
        #expect(reprint.status == 202)
        #expect(Self.json(reprint)["status"] as? String == "queued")
        await harness.service.drainPrintQueue()
        let requests = harness.printQueue.requests
        #expect(requests.map(\.printer) == ["bodega-1", "bodega-2"])
        #expect(requests.map(\.copies) == [1, 2])
        let copy = try TestWorld.pdfText(try TestWorld.write(requests[1].document, "copy.pdf", in: harness.directory))
        #expect(copy.contains("COPIA"))
        let original = try TestWorld.pdfText(try TestWorld.write(requests[0].document, "original.pdf", in: harness.directory))
        #expect(!original.contains("COPIA"))

        let detail = Self.json(await harness.get("/v1/documents/\(number)"))
        let kinds = (detail["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(
            kinds == [
                "received", "issued", "rendered", "signed", "print-queued", "delivered", "print-submitted", "print-queued",
                "print-submitted",
            ])
        let jobs = detail["print_jobs"] as? [[String: Any]]
        #expect(jobs?.map { $0["requested_by"] as? String } == ["erp", "ana"])
        #expect(jobs?.allSatisfy { $0["cups_job_id"] as? Int != nil } == true)

        #expect(await harness.router.handle(HTTPRequest(method: "POST", path: "/v1/documents/NOPE/reprint")).status == 404)
        let badCopies = await harness.router.handle(
            HTTPRequest(method: "POST", path: "/v1/documents/\(number)/reprint", body: Array(#"{"copies": 0}"#.utf8)))
        #expect(badCopies.status == 422)
        let badPrinter = await harness.router.handle(
            HTTPRequest(method: "POST", path: "/v1/documents/\(number)/reprint", body: Array(#"{"printer": ""}"#.utf8)))
        #expect(badPrinter.status == 422)
        #expect(Self.details(badPrinter).first?["field"] as? String == "printer")
    }

    @Test func aDocumentWhosePDFCannotBeDrawnIsRefusedAndLeavesItsNumberFree() async throws {
        let harness = try Harness()
        // A logo with a PNG signature and a corrupt body passes the configuration check but not Cairo.
        let logo = try #require(harness.service.configuration.companies.first?.branding.logoPath)
        let original = try Data(contentsOf: URL(fileURLWithPath: logo))
        let directory = try makeTemporaryDirectory(prefix: "folio-badlogo")
        let config = try TestWorld.writeConfiguration(in: directory)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
        var companies = json["companies"] as! [[String: Any]]
        var branding = companies[0]["branding"] as! [String: Any]
        let broken = directory.appendingPathComponent("broken.png")
        try (original.prefix(8) + Data(repeating: 0x41, count: 64)).write(to: broken)
        branding["logo"] = broken.path
        companies[0]["branding"] = branding
        json["companies"] = companies
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        let service = try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources,
            printQueue: RecordingPrintQueue(), world: FolioWorld(now: { Date(timeIntervalSince1970: 1_796_313_600) }))
        let refused = await service.router().handle(HTTPRequest(method: "POST", path: "/v1/documents", body: try TestWorld.example("01-three-lines.json")))
        #expect(refused.status == 422)
        #expect((Self.json(refused)["error"] as? [String: Any])?["code"] as? String == "render_failed")
        #expect(try service.store.document(company: "folio-demo", erpReference: "SAP-4500012345") == nil)
        // A configuration whose logo is not a PNG at all is refused when it is loaded.
        branding["logo"] = TestWorld.root.appendingPathComponent("README.md").path
        companies[0]["branding"] = branding
        json["companies"] = companies
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        #expect(throws: ConfigurationError.self) { try FolioConfiguration.load(path: config.path) }
        // An SVG logo is accepted, and documents are drawn with it.
        let svg = TestWorld.root.appendingPathComponent("Layouts/assets/logo.svg").path
        branding["logo"] = svg
        companies[0]["branding"] = branding
        json["companies"] = companies
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        let withSVG = try FolioConfiguration.load(path: config.path)
        #expect(withSVG.companies.first?.branding.logoPath == svg)
        let svgService = try FolioService(
            configuration: withSVG, resources: TestWorld.resources, printQueue: RecordingPrintQueue(),
            world: FolioWorld(now: { Date(timeIntervalSince1970: 1_796_313_600) }))
        let drawn = await svgService.router().handle(
            HTTPRequest(method: "POST", path: "/v1/documents", body: try TestWorld.example("01-three-lines.json")))
        #expect(drawn.status == 201, "\(String(decoding: drawn.body, as: UTF8.self))")
    }

    @Test func manyLongNotesFlowAcrossPages() async throws {
        let harness = try Harness()
        var document = try JSONSerialization.jsonObject(with: Data(try TestWorld.example("06-consumidor-final.json"))) as! [String: Any]
        document["notes"] = (1...60).map { "Nota \($0): " + String(repeating: "observación extensa ", count: 40) }
        let response = await harness.post([UInt8](try JSONSerialization.data(withJSONObject: document)))
        #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
        let number = try #require(Self.json(response)["number"] as? String)
        let pdf = try TestWorld.write((await harness.get("/v1/documents/\(number)/pdf")).body, "notes.pdf", in: harness.directory)
        let text = try TestWorld.pdfText(pdf)
        #expect((1...60).allSatisfy { text.contains("Nota \($0):") })
        #expect(try TestWorld.pageCount(pdf) > 1)
    }
}
