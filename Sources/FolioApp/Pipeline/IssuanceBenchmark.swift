import DIANClient
import DIANSimulator
import DocumentModel
public import Foundation
import Intake
import Issuance
import Store
import UBL
import XMLTree

/// `folio bench issue`: documents per second through Folio's issuance, measured in one process.
///
/// 1. One core: read the ERP JSON → DIAN rules → build (CUFE, QR) → UBL XML → XSD → XAdES signature, per
///    stage, the same document with a new reference each time.
/// 2. Two cores, end to end: documents submitted by two clients to a service whose two issuance workers sign,
///    transmit to Folio's DIAN simulator (SOAP on loopback, XSD + XAdES + CUFE checked there), archive and
///    render — from the request to `delivered`.
public enum IssuanceBenchmark {
    public struct Report: Sendable {
        public var stageSeconds: [(stage: String, seconds: Double)]
        public var documentsOneCore: Int
        public var oneCoreSeconds: Double
        public var documentsEndToEnd: Int
        public var endToEndSeconds: Double
        /// Seconds from DIAN's validation to CUPS accepting the print job, per document (when a printer was given).
        public var validationToCUPS: [Double]
        /// Seconds from DIAN's validation to CUPS reporting the job completed at the printer.
        public var validationToPrinted: [Double]
    }

    public static func run(
        configuration: FolioConfiguration, resources: FolioResources, sample: [UInt8], oneCore: Int, endToEnd: Int,
        printer: (cupsServer: String, queue: String)? = nil, pace: TimeInterval = 0
    ) throws -> Report {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // 1. Stages on one core.
        var local = configuration
        local.dian = nil
        let service = try FolioService(
            configuration: local, resources: resources, dataDirectory: directory + "/local",
            world: .live)
        guard let company = local.companies.first, let signer = service.issuance.signers[company.profile.companyID] else {
            throw IssuanceStepError(message: "the benchmark needs a company with a signing certificate")
        }
        var clock: [String: Duration] = [:]
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let start = ContinuousClock.now
            defer { clock[stage, default: .zero] += ContinuousClock.now - start }
            return try body()
        }
        let started = ContinuousClock.now
        for index in 0..<oneCore {
            let bytes = try reference(sample, "BENCH-1-\(index)")
            let draft = try timed("read ERP JSON") { try ERPDocumentReader.read(bytes, source: "bench") }
            let now = Date()
            let document = timed("build (totals, CUFE, QR)") {
                DocumentBuilder.build(draft, issuer: company.profile, sequence: company.profile.resolution.from + index, at: now)
            }
            _ = try timed("DIAN rules") {
                try service.checkRules(document, company: company, source: "bench", signingDate: BogotaTime.split(now).date)
            }
            let xml = try timed("UBL XML") { try UBLWriter.write(document) }
            let problems = timed("XSD validation") { service.validator.validate(xml, sourceName: "bench.xml") }
            guard problems.allSatisfy({ $0.severity < .error }) else {
                throw IssuanceStepError(message: "the benchmark document does not validate: \(problems)")
            }
            _ = try timed("XAdES-EPES signature") { try signer.sign(xml, signingTime: now) }
        }
        let oneCoreSeconds = seconds(ContinuousClock.now - started)

        // 2. End to end against the simulator, two clients and two issuance workers.
        let simulator = try DIANSimulator(
            configuration: SimulatorConfiguration(
                technicalKey: company.profile.resolution.technicalKey, softwarePIN: company.profile.softwarePIN,
                schemasDirectory: resources.schemas, now: { Date() }),
            security: try XAdESSimulatorSecurity(signing: company.signing!))
        try simulator.start()
        defer { simulator.stop() }
        var remote = configuration
        remote.dian = FolioConfiguration.DIANSettings(
            endpoint: simulator.endpoint.url, timeout: 60, contingencyAfter: nil, testSetID: nil)
        for index in remote.companies.indices { remote.companies[index].defaultPrinter = printer?.queue }
        remote.cupsServer = printer?.cupsServer
        let pipeline = try FolioService(
            configuration: remote, resources: resources, dataDirectory: directory + "/e2e",
            world: .live)
        let submitted = Clocked()
        let monitor = Milestones()
        let printing = printer.map { _ in Task { await pipeline.runPrintWorker(interval: .milliseconds(50)) } }
        let watching = printer.map { _ in
            Thread {
                while !monitor.isFinished {
                    for (number, _) in submitted.entries {
                        guard let record = try? pipeline.store.issuanceRecord(number: number) else { continue }
                        if ["accepted", "archived", "delivered"].contains(record.state) { monitor.mark(number, "validated") }
                        let status = (try? pipeline.store.printJobs(number: number))?.first?.status
                        if status == "submitted" || status == "completed" { monitor.mark(number, "cups") }
                        if status == "completed" { monitor.mark(number, "printed") }
                    }
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
        }
        watching?.start()
        let begin = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: 2) { client in
            for index in stride(from: client, to: endToEnd, by: 2) {
                guard let bytes = try? reference(sample, "BENCH-2-\(index)"),
                    case .created(let stored)? = try? pipeline.submit(bytes, source: "bench")
                else { continue }
                submitted.record(stored.number)
                _ = try? pipeline.runDueIssuance()
                if pace > 0 { Thread.sleep(forTimeInterval: pace) }
            }
        }
        // Workers finish what the clients' passes left.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while (try? pipeline.store.documentsDueForIssuance(at: Date()).isEmpty) == false {
                if ((try? pipeline.runDueIssuance()) ?? 0) == 0 { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
        let endToEndSeconds = seconds(ContinuousClock.now - begin)
        if printing != nil {
            let deadline = Date().addingTimeInterval(120)
            while monitor.count("printed") < submitted.entries.count && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        monitor.finish()
        printing?.cancel()
        let delivered = submitted.entries.filter { (number, _) in
            (try? pipeline.store.issuanceRecord(number: number))??.state == IssuanceState.delivered.rawValue
        }.count
        return Report(
            stageSeconds: clock.map { ($0.key, seconds($0.value)) }.sorted { $0.seconds > $1.seconds },
            documentsOneCore: oneCore, oneCoreSeconds: oneCoreSeconds, documentsEndToEnd: delivered,
            endToEndSeconds: endToEndSeconds, validationToCUPS: monitor.intervals(from: "validated", to: "cups"),
            validationToPrinted: monitor.intervals(from: "validated", to: "printed"))
    }

    /// The sample with another ERP reference (a new document each time).
    static func reference(_ sample: [UInt8], _ reference: String) throws -> [UInt8] {
        guard var json = try JSONSerialization.jsonObject(with: Data(sample)) as? [String: Any] else {
            throw IssuanceStepError(message: "the sample is not a JSON object")
        }
        json["reference"] = reference
        return [UInt8](try JSONSerialization.data(withJSONObject: json))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// When each document first reached a milestone, seen by a watcher polling every 5 ms.
    final class Milestones: @unchecked Sendable {
        // @unchecked: all state is only touched while `lock` is held.
        private let lock = NSLock()
        private var seen: [String: [String: Date]] = [:]
        private var finished = false

        var isFinished: Bool { lock.withLock { finished } }
        func finish() { lock.withLock { finished = true } }
        func mark(_ number: String, _ milestone: String) {
            lock.withLock { if seen[number, default: [:]][milestone] == nil { seen[number, default: [:]][milestone] = Date() } }
        }
        func count(_ milestone: String) -> Int { lock.withLock { seen.values.filter { $0[milestone] != nil }.count } }
        func intervals(from start: String, to end: String) -> [Double] {
            lock.withLock {
                seen.values.compactMap { marks in
                    guard let first = marks[start], let last = marks[end] else { return nil }
                    return last.timeIntervalSince(first)
                }.sorted()
            }
        }
    }

    /// Submission instants per document, from two client threads.
    final class Clocked: @unchecked Sendable {
        // @unchecked: `entries` is only touched while `lock` is held.
        private let lock = NSLock()
        private var recorded: [(String, Double)] = []
        var entries: [(String, Double)] { lock.withLock { recorded } }
        func record(_ number: String) {
            lock.lock()
            defer { lock.unlock() }
            recorded.append((number, Date().timeIntervalSince1970))
        }
    }
}
