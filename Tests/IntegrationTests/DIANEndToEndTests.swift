import DIANClient
import DIANSimulator
import FolioApp
import FolioTesting
import Foundation
import Store
import Testing

/// Issuance against Folio's DIAN simulator over real SOAP on loopback: WS-Security, ZIP, XSD, XAdES and
/// CUFE/CUDE checked on the other side; every signature checked again by the independent `xmlsec1`.
@Suite(.serialized) struct DIANEndToEndTests {
    static let exampleKey = "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c"
    static let certificates = TestWorld.root.appendingPathComponent("Examples/certificates")

    struct World {
        let directory: URL
        let simulator: DIANSimulator
        let service: FolioService

        init(
            simulatorKey: String = DIANEndToEndTests.exampleKey, timeout: Int = 10, clock: TestClock? = nil,
            contingencyMinutes: Int? = nil
        ) throws {
            let now: @Sendable () -> Date
            if let clock { now = { clock.now } } else { now = { Date() } }
            directory = try makeTemporaryDirectory(prefix: "dian-e2e")
            let security = try XAdESSimulatorSecurity(
                signing: .pkcs12(
                    path: DIANEndToEndTests.certificates.appendingPathComponent("folio-demo-TEST-ONLY.p12").path,
                    password: "folio-demo-solo-pruebas"))
            simulator = try DIANSimulator(
                configuration: SimulatorConfiguration(
                    technicalKey: simulatorKey, softwarePIN: "12345", schemasDirectory: TestWorld.resources.schemas,
                    now: now),
                security: security)
            try simulator.start()
            let config = try TestWorld.writeConfiguration(
                in: directory, defaultPrinter: "bodega-1", dianEndpoint: simulator.endpoint.url,
                dianTimeout: timeout)
            if let contingencyMinutes {
                var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
                var dian = json["dian"] as! [String: Any]
                dian["contingency_after_minutes"] = contingencyMinutes
                json["dian"] = dian
                try JSONSerialization.data(withJSONObject: json).write(to: config)
            }
            service = try FolioService(
                configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources,
                printQueue: RecordingPrintQueue(), world: FolioWorld(now: now))
        }

        func submit(_ bytes: [UInt8]) throws -> StoredDocument {
            switch try service.submit(bytes, source: "test") {
            case .created(let document), .existing(let document): return document
            }
        }

        /// `xmlsec1 --verify` with the example root as the only trust anchor.
        func xmlsecVerifies(_ bytes: [UInt8], _ name: String) throws -> Bool {
            let file = try TestWorld.write(bytes, name, in: directory)
            let result = try TestProcess.run(
                try requireTool("xmlsec1"),
                [
                    "--verify", "--trusted-pem",
                    DIANEndToEndTests.certificates.appendingPathComponent("folio-demo-root-TEST-ONLY.pem").path,
                    "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
                    "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:KeyInfo", file.path,
                ])
            return result.status == 0
        }
    }

    @Test func anInvoiceIsSignedTransmittedValidatedAndArchived() throws {
        let world = try World()
        defer { world.simulator.stop() }
        let invoice = try world.submit(try TestWorld.example("03-accented-buyer.json"))
        #expect(invoice.status == "signed")
        try world.service.runDueIssuance()
        let record = try #require(try world.service.store.issuanceRecord(number: invoice.number))
        #expect(record.state == "delivered", "\(record.lastError ?? "")")

        let signed = try #require(try world.service.xml(number: invoice.number))
        #expect(try world.xmlsecVerifies(signed, "signed.xml"))
        // One digit of the payable amount changed: the signature no longer holds.
        var text = try #require(String(bytes: signed, encoding: .utf8))
        let payable = try #require(text.range(of: "PayableAmount currencyID=\"COP\">"))
        let digit = text[payable.upperBound]
        text.replaceSubrange(payable.upperBound...payable.upperBound, with: digit == "1" ? "2" : "1")
        #expect(try !world.xmlsecVerifies(Array(text.utf8), "tampered.xml"))

        // DIAN's verdict (the simulator's, signed) and the AttachedDocument built from it.
        let response = try #require(try world.service.store.file(.applicationResponse, number: invoice.number))
        #expect(try world.xmlsecVerifies(response, "response.xml"))
        let responseFile = try TestWorld.write(response, "response-code.xml", in: world.directory)
        #expect(try TestWorld.xpath("string(//*[local-name()='Response']/*[local-name()='ResponseCode'])", responseFile) == "02")
        let attached = try #require(try world.service.store.file(.attachedDocument, number: invoice.number))
        #expect(try world.xmlsecVerifies(attached, "attached.xml"))
        let attachedFile = try TestWorld.write(attached, "attached-id.xml", in: world.directory)
        #expect(try TestWorld.xpath("string(/*/*[local-name()='ParentDocumentID'])", attachedFile) == invoice.number)
        #expect(world.simulator.requestCount(.sendBillSync) == 1)
    }

    @Test func aCreditNoteWithItsCUDEReferencesTheValidatedInvoice() throws {
        let world = try World()
        defer { world.simulator.stop() }
        let invoice = try world.submit(try TestWorld.example("01-three-lines.json"))
        try world.service.runDueIssuance()
        let validated = try #require(try world.service.store.document(number: invoice.number))
        #expect(validated.status == "delivered")

        let note: [String: Any] = [
            "reference": "SAP-NC-0001", "company": "folio-demo", "type": "credit-note",
            "buyer": [
                "id_type": "NIT", "id_number": "860034313", "dv": "7", "name": "Distribuidora Andina S.A.S.",
                "tax_responsibilities": ["O-13"], "tax_scheme": "01",
                "address": [
                    "line": "Carrera 7 # 71-21", "city_code": "05001", "city": "Medellín", "department_code": "05",
                    "department": "Antioquia",
                ],
                "email": "compras@cliente.example",
            ],
            "payment": ["method": "cash", "means_code": "10"],
            "billing_reference": ["number": validated.number, "cufe": validated.uniqueCode, "issue_date": validated.issueDate],
            "concept": ["code": "1", "description": "Devolución de 2 resmas"],
            "lines": [
                [
                    "code": "P-1001", "description": "Resma papel bond carta 75 g", "quantity": "2", "unit": "94",
                    "unit_price": "18500.00", "taxes": [["tax": "IVA", "rate": "19"]],
                ]
            ],
        ]
        let creditNote = try world.submit([UInt8](try JSONSerialization.data(withJSONObject: note)))
        try world.service.runDueIssuance()
        let record = try #require(try world.service.store.issuanceRecord(number: creditNote.number))
        let events = try world.service.store.events(number: creditNote.number).map(\.detail)
        #expect(record.state == "delivered", "\(record.lastError ?? "") \(events)")
        let xml = try TestWorld.write(try #require(try world.service.xml(number: creditNote.number)), "note.xml", in: world.directory)
        #expect(try TestWorld.xpath("string(/*/*[local-name()='UUID']/@schemeName)", xml) == "CUDE-SHA384")
        #expect(
            try TestWorld.xpath("string(//*[local-name()='InvoiceDocumentReference']/*[local-name()='UUID'])", xml)
                == validated.uniqueCode)
        #expect(try world.xmlsecVerifies(try #require(try world.service.xml(number: creditNote.number)), "note-signed.xml"))
        let pdf = try TestWorld.write(try #require(try world.service.pdf(number: creditNote.number)), "note.pdf", in: world.directory)
        let text = try TestWorld.pdfText(pdf)
        #expect(text.contains(validated.number))
    }

    @Test func aCUFEDIANCannotReproduceIsRejectedAndTheNumberWaits() throws {
        // DIAN knows another technical key: the CUFE does not match (FAD06).
        let world = try World(simulatorKey: String(repeating: "0", count: 40))
        defer { world.simulator.stop() }
        let invoice = try world.submit(try TestWorld.example("01-three-lines.json"))
        try world.service.runDueIssuance()
        #expect(try world.service.store.issuanceRecord(number: invoice.number)?.state == "rejected")
        let rejection = try world.service.store.events(number: invoice.number).last { $0.kind == "rejected" }
        #expect(rejection?.detail.contains("FAD06") == true)
        #expect(try world.service.store.printJobs(number: invoice.number).isEmpty)
        #expect(try world.service.store.file(.applicationResponse, number: invoice.number) == nil)
    }

    @Test func aTimeoutIsResolvedByAskingDIANNotByResending() throws {
        let world = try World(timeout: 3)
        defer { world.simulator.stop() }
        // The simulator validates and stores the document, then holds the answer past the client's 3 s timeout.
        world.simulator.inject(SimulatorFault(operation: .sendBillSync, fault: .timeout, times: 1, delayMs: 6_000))
        let invoice = try world.submit(try TestWorld.example("01-three-lines.json"))
        try world.service.runDueIssuance()
        let waiting = try #require(try world.service.store.issuanceRecord(number: invoice.number))
        #expect(waiting.state == "transmitting")
        Thread.sleep(forTimeInterval: 2.5)
        try world.service.runDueIssuance()
        #expect(try world.service.store.issuanceRecord(number: invoice.number)?.state == "delivered")
        #expect(world.simulator.requestCount(.sendBillSync) == 1)
        #expect(world.simulator.requestCount(.getStatus) == 1)
    }

    @Test func httpFiveHundredsAreRetriedWithBackOffUntilDIANAnswers() throws {
        let clock = TestClock(Date())
        let world = try World(clock: clock)
        defer { world.simulator.stop() }
        world.simulator.inject(SimulatorFault(operation: .sendBillSync, fault: .http503, times: 2))
        let invoice = try world.submit(try TestWorld.example("01-three-lines.json"))
        for _ in 0..<4 {
            try world.service.runDueIssuance()
            clock.advance(10)
        }
        #expect(try world.service.store.issuanceRecord(number: invoice.number)?.state == "delivered")
        let retries = try world.service.store.events(number: invoice.number).filter { $0.kind == "retry" }
        #expect(retries.count == 2)
        #expect(retries.allSatisfy { $0.detail.contains("503") })
        #expect(world.simulator.requestCount(.sendBillSync) == 3)
        #expect(try world.service.store.printJobs(number: invoice.number).count == 1)
    }

    @Test func aContingencyInvoiceIsPrintedWhileDIANIsDownAndValidatedWhenItReturns() throws {
        let clock = TestClock(Date())
        let world = try World(clock: clock, contingencyMinutes: 1)
        defer { world.simulator.stop() }
        world.simulator.inject(SimulatorFault(operation: .sendBillSync, fault: .http503, times: 3))
        let invoice = try world.submit(try TestWorld.example("01-three-lines.json"))
        try world.service.runDueIssuance()
        #expect(try world.service.store.printJobs(number: invoice.number).isEmpty)
        clock.advance(61)
        try world.service.runDueIssuance()
        let record = try #require(try world.service.store.issuanceRecord(number: invoice.number))
        #expect(record.contingency)
        #expect(try world.service.store.printJobs(number: invoice.number).count == 1)
        let tipo04 = try TestWorld.write(try #require(try world.service.xml(number: invoice.number)), "tipo04.xml", in: world.directory)
        #expect(try TestWorld.xpath("string(/*/*[local-name()='InvoiceTypeCode'])", tipo04) == "04")
        #expect(try world.xmlsecVerifies(try #require(try world.service.xml(number: invoice.number)), "tipo04-signed.xml"))
        for _ in 0..<6 {
            clock.advance(30)
            try world.service.runDueIssuance()
        }
        #expect(try world.service.store.issuanceRecord(number: invoice.number)?.state == "delivered")
        #expect(try world.service.store.file(.applicationResponse, number: invoice.number) != nil)
        #expect(try world.service.store.printJobs(number: invoice.number).count == 1)
    }
}
