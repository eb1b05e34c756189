import FolioApp
import FolioTesting
import Foundation
import Store
import DocumentModel
import DIANSimulator
import Testing

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    // @unchecked: `instant` is only touched while `lock` is held.
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        instant += seconds
    }
}

/// A DIAN whose answers the test scripts, recording every call. It drives the runner's branches (lost
/// answers, crashes, midnight); the real SOAP path is covered against Folio's DIAN simulator.
final class ScriptedDIAN: DIANGateway, @unchecked Sendable {
    // @unchecked: all state is only touched while `lock` is held.
    enum Answer {
        case accept
        case reject(String)
        case inProcess
        case fail(retryable: Bool)
        /// DIAN received and validated the document, but the answer was lost (a timeout on our side).
        case acceptButLoseAnswer
    }

    private let lock = NSLock()
    /// DIAN's signature on its answers (the TEST-ONLY example certificate).
    private let security = try! XAdESSimulatorSecurity(
        signing: .pkcs12(
            path: TestWorld.root.appendingPathComponent("Examples/certificates/folio-demo-TEST-ONLY.p12").path,
            password: "folio-demo-solo-pruebas"))
    private var sendAnswers: [Answer] = []
    private var held: [String: DIANVerdict] = [:]
    private(set) var calls: [String] = []
    var unreachable = false

    func script(_ answers: Answer...) {
        lock.lock()
        defer { lock.unlock() }
        sendAnswers += answers
    }

    var callLog: [String] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }

    func send(signedXML: [UInt8], document: ElectronicDocument) throws -> DIANVerdict {
        lock.lock()
        defer { lock.unlock() }
        calls.append("send \(document.number) \(document.uniqueCode ?? "")")
        if unreachable { throw DIANGatewayError(retryable: true, message: "connection refused") }
        let answer = sendAnswers.isEmpty ? .accept : sendAnswers.removeFirst()
        let response = try security.signApplicationResponse(
            DIANApplicationResponse.build(
                for: document, documentKey: document.uniqueCode ?? "", code: "02", description: "Documento validado por la DIAN",
                notifications: [], number: calls.count, at: Date(timeIntervalSince1970: 1_796_313_600)),
            at: Date(timeIntervalSince1970: 1_796_313_600))
        let accepted = DIANVerdict.accepted(applicationResponse: response, notifications: [])
        switch answer {
        case .accept:
            held[document.uniqueCode ?? ""] = accepted
            return accepted
        case .reject(let message):
            return .rejected(messages: [message])
        case .inProcess:
            held[document.uniqueCode ?? ""] = .inProcess
            return .inProcess
        case .fail(let retryable):
            throw DIANGatewayError(retryable: retryable, message: retryable ? "timed out" : "InvalidSecurity")
        case .acceptButLoseAnswer:
            held[document.uniqueCode ?? ""] = accepted
            throw DIANGatewayError(retryable: true, message: "timed out after 30 s")
        }
    }

    func status(of document: ElectronicDocument) throws -> DIANVerdict? {
        lock.lock()
        defer { lock.unlock() }
        calls.append("status \(document.number)")
        if unreachable { throw DIANGatewayError(retryable: true, message: "connection refused") }
        return held[document.uniqueCode ?? ""]
    }
}

/// The issuance pipeline end to end inside one process: store, runner and state machine, with DIAN scripted.
@Suite(.serialized) struct IssuancePipelineTests {
    struct Harness {
        let directory: URL
        let clock: TestClock
        let dian = ScriptedDIAN()
        let prints = RecordingPrintQueue()
        let configuration: FolioConfiguration

        init(at instant: Date = Date(timeIntervalSince1970: 1_796_313_600)) throws {
            directory = try makeTemporaryDirectory(prefix: "pipeline")
            clock = TestClock(instant)
            let config = try TestWorld.writeConfiguration(in: directory, defaultPrinter: "bodega-1")
            configuration = try FolioConfiguration.load(path: config.path)
        }

        /// A service over the same data directory, as after a restart.
        func service() throws -> FolioService {
            let world = FolioWorld(now: { [clock] in clock.now })
            var wiring = try IssuanceWiring(configuration: configuration, world: world)
            wiring.gateways = ["folio-demo": dian]
            wiring.contingencyAfter = 3600
            return try FolioService(
                configuration: configuration, resources: TestWorld.resources, printQueue: prints, issuance: wiring, world: world)
        }

        func submit(_ service: FolioService, _ example: String = "01-three-lines.json") throws -> StoredDocument {
            switch try service.submit(try TestWorld.example(example), source: example) {
            case .created(let document), .existing(let document): return document
            }
        }
    }

    static func state(_ service: FolioService, _ number: String) throws -> String {
        try service.store.issuanceRecord(number: number)?.state ?? "?"
    }

    static func kinds(_ service: FolioService, _ number: String) throws -> [String] {
        try service.store.events(number: number).map(\.kind)
    }

    @Test func anAcceptedDocumentIsArchivedAndDeliveredOnce() throws {
        let harness = try Harness()
        let service = try harness.service()
        let document = try harness.submit(service)
        // The ERP's answer does not wait for DIAN: signed, not yet printed.
        #expect(document.status == "signed")
        #expect(try service.store.printJobs(number: document.number).isEmpty)

        #expect(try service.runDueIssuance() > 0)
        #expect(try Self.state(service, document.number) == "delivered")
        #expect(harness.dian.callLog == ["send \(document.number) \(document.uniqueCode)"])
        #expect(try service.store.file(.applicationResponse, number: document.number) != nil)
        #expect(try service.store.file(.attachedDocument, number: document.number) != nil)
        #expect(try service.store.printJobs(number: document.number).count == 1)
        let kinds = try Self.kinds(service, document.number)
        #expect(Array(kinds.suffix(5)) == ["transmitting", "accepted", "archived", "print-queued", "delivered"])
        // Settled: running again sends nothing more.
        #expect(try service.runDueIssuance() == 0)
        #expect(harness.dian.callLog.count == 1)
    }

    @Test func aLostAnswerIsAskedAboutBeforeAnythingIsResent() throws {
        let harness = try Harness()
        let service = try harness.service()
        harness.dian.script(.acceptButLoseAnswer)
        let document = try harness.submit(service)
        try service.runDueIssuance()
        let waiting = try #require(try service.store.issuanceRecord(number: document.number))
        #expect(waiting.state == "transmitting")
        #expect(waiting.attempts == 1)
        #expect(waiting.lastError?.contains("timed out") == true)
        // Not before its back-off …
        #expect(try service.runDueIssuance() == 0)
        harness.clock.advance(2)
        try service.runDueIssuance()
        #expect(try Self.state(service, document.number) == "delivered")
        #expect(harness.dian.callLog == ["send \(document.number) \(document.uniqueCode)", "status \(document.number)"])
    }

    @Test func aRestartAfterAnUnansweredSendAsksDIANAndResendsOnlyWhatItLacks() throws {
        let harness = try Harness()
        let document: StoredDocument
        do {
            let first = try harness.service()
            harness.dian.script(.fail(retryable: true))
            document = try harness.submit(first)
            try first.runDueIssuance()
            #expect(try Self.state(first, document.number) == "transmitting")
        }
        harness.clock.advance(60)
        let restarted = try harness.service()
        try restarted.runDueIssuance()
        #expect(try Self.state(restarted, document.number) == "delivered")
        #expect(
            harness.dian.callLog == [
                "send \(document.number) \(document.uniqueCode)", "status \(document.number)",
                "send \(document.number) \(document.uniqueCode)",
            ])
        #expect(try restarted.store.printJobs(number: document.number).count == 1)
    }

    @Test func aRejectedDocumentKeepsItsNumberForTheCorrectedResend() throws {
        let harness = try Harness()
        let service = try harness.service()
        harness.dian.script(.reject("Regla: FAD06, Rechazo: El CUFE no está calculado correctamente"))
        let document = try harness.submit(service)
        try service.runDueIssuance()
        #expect(try Self.state(service, document.number) == "rejected")
        #expect(try service.store.printJobs(number: document.number).isEmpty)
        let rejection = try service.store.events(number: document.number).last
        #expect(rejection?.detail.contains("FAD06") == true)

        // The ERP sends the corrected document under the same reference: same number, issued again.
        let corrected = try harness.submit(service)
        #expect(corrected.number == document.number)
        #expect(corrected.status == "signed")
        try service.runDueIssuance()
        #expect(try Self.state(service, document.number) == "delivered")
        // The rejected attempt consumed nothing: the next document takes the next number.
        let next = try harness.submit(service, "02-mixed-iva.json")
        #expect(next.number != document.number)
        #expect(try service.store.events(number: document.number).contains { $0.kind == "corrected" })
    }

    @Test func aDocumentThatWaitsPastMidnightIsRedatedAndResignedUnderTheSameNumber() throws {
        // 23:50 in Bogotá on 2026-12-03.
        let harness = try Harness(at: Date(timeIntervalSince1970: 1_796_359_800))
        let service = try harness.service()
        harness.dian.unreachable = true
        let document = try harness.submit(service)
        #expect(document.issueDate == "2026-12-03")
        try service.runDueIssuance()
        harness.clock.advance(20 * 60)  // 00:10 on the 4th; DIAN is back
        harness.dian.unreachable = false
        try service.runDueIssuance()
        let record = try #require(try service.store.issuanceRecord(number: document.number))
        #expect(record.state == "delivered")
        #expect(record.issueDate == "2026-12-04")
        #expect(record.uniqueCode != document.uniqueCode)
        let xml = try TestWorld.write(try #require(try service.xml(number: document.number)), "redated.xml", in: harness.directory)
        #expect(try TestWorld.xpath("string(/*/*[local-name()='IssueDate'])", xml) == "2026-12-04")
        #expect(try TestWorld.xpath("string(/*/*[local-name()='UUID'])", xml) == record.uniqueCode)
        // Sent once, with the new code; never with the old one.
        let sends = harness.dian.callLog.filter { $0.hasPrefix("send") && !$0.contains("refused") }
        #expect(sends.last == "send \(document.number) \(record.uniqueCode)")
    }

    @Test func anInvoiceGoesOutAsTipo04WhenDIANStaysDownAndIsTransmittedWhenItReturns() throws {
        let harness = try Harness()
        let service = try harness.service()
        harness.dian.unreachable = true
        let document = try harness.submit(service)
        try service.runDueIssuance()
        #expect(try service.store.printJobs(number: document.number).isEmpty)
        harness.clock.advance(61 * 60)
        try service.runDueIssuance()
        let record = try #require(try service.store.issuanceRecord(number: document.number))
        #expect(record.contingency)
        #expect(record.delivered)
        #expect(try service.store.printJobs(number: document.number).count == 1)
        let xml = try TestWorld.write(try #require(try service.xml(number: document.number)), "tipo04.xml", in: harness.directory)
        #expect(try TestWorld.xpath("string(/*/*[local-name()='InvoiceTypeCode'])", xml) == "04")

        harness.dian.unreachable = false
        harness.clock.advance(600)
        try service.runDueIssuance()
        #expect(try Self.state(service, document.number) == "delivered")
        #expect(try service.store.file(.applicationResponse, number: document.number) != nil)
        // Handed over once: DIAN's later verdict prints nothing again.
        #expect(try service.store.printJobs(number: document.number).count == 1)
    }

    @Test func aContingencyInvoiceStillUnvalidatedAfter40HoursRaisesOneAlert() throws {
        let harness = try Harness()
        let service = try harness.service()
        harness.dian.unreachable = true
        let document = try harness.submit(service)
        try service.runDueIssuance()
        harness.clock.advance(61 * 60)
        try service.runDueIssuance()
        #expect(try service.store.issuanceRecord(number: document.number)?.contingency == true)
        for _ in 0..<3 {
            harness.clock.advance(20 * 3600)
            try service.runDueIssuance()
        }
        let alerts = try service.store.events(number: document.number).filter { $0.kind == "alert" }
        #expect(alerts.count == 1)
        #expect(alerts.first?.detail.contains("48 h") == true)
    }

    /// A crash after each step: a new process over the same store finishes the document with one number, one
    /// signature, one transmission, one AttachedDocument and one print job.
    @Test(arguments: 0...5) func aCrashAfterAnyStepResumesWithoutDoingAnythingTwice(stepsBeforeCrash: Int) throws {
        let harness = try Harness()
        let document: StoredDocument
        do {
            let first = try harness.service()
            document = try harness.submit(first)  // numbered and signed before the answer
            try first.settleIssuance(number: document.number, maxSteps: stepsBeforeCrash)
        }
        let restarted = try harness.service()
        try restarted.runDueIssuance()
        #expect(try Self.state(restarted, document.number) == "delivered")
        let kinds = try Self.kinds(restarted, document.number)
        for once in ["issued", "signed", "transmitting", "accepted", "archived", "print-queued", "delivered"] {
            #expect(kinds.filter { $0 == once }.count == 1, "\(once) in \(kinds)")
        }
        #expect(harness.dian.callLog.filter { $0.hasPrefix("send") }.count == 1)
        #expect(try restarted.store.printJobs(number: document.number).count == 1)
        // The same ERP request after the crash is the same document.
        #expect(try harness.submit(restarted).number == document.number)
        #expect(try restarted.store.recentDocuments(limit: 10).count == 1)
    }
}
