import FolioApp
import FolioTesting
import Foundation
import Printing
import Store
import Testing

/// Crash recovery, stuck jobs and moves, against the scripted print queue and a clock the test moves.
struct PrintRecoveryTests {
    typealias Clock = PrintServiceTests.Clock

    static func service(
        _ queue: RecordingPrintQueue, clock: Clock, directory: URL? = nil, printing: [String: Any]? = nil
    ) throws -> FolioService {
        let directory = try directory ?? makeTemporaryDirectory(prefix: "folio-print")
        let config = try TestWorld.writeConfiguration(in: directory, defaultPrinter: "bodega-1", printing: printing)
        return try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources,
            printQueue: queue, world: FolioWorld(now: { clock.now }))
    }

    static func issue(_ service: FolioService, _ example: String = "06-consumidor-final.json") throws -> String {
        guard case .created(let document) = try service.submit(try TestWorld.example(example), source: example) else {
            throw TestSupportError(.commandFailed, "\(example) was not issued")
        }
        return document.number
    }

    @Test func aJobCUPSTookBeforeTheCrashIsFoundAndNotSentAgain() async throws {
        let queue = RecordingPrintQueue(defaultState: .processing)
        let clock = Clock()
        let service = try Self.service(queue, clock: clock)
        let number = try Self.issue(service)
        let job = try #require(try service.store.printJobs(number: number).first)
        // What a crash between "CUPS accepted" and "recorded" leaves: the job `submitting`, CUPS holding it.
        try service.store.markSubmitting(jobID: job.id, at: clock.now)
        let accepted = try await queue.submit(
            PrintRequest(printer: "bodega-1", document: [1], title: "\(number) (issue)", copies: 1, key: job.key))

        await service.drainPrintQueue()
        #expect(queue.requests.count == 1)
        let after = try #require(try service.store.printJob(id: job.id))
        #expect(after.status == "submitted")
        #expect(after.cupsJobID == accepted.jobID)
        #expect(after.cupsState == "processing")
        let events = try service.store.events(number: number)
        #expect(events.last?.kind == "print-reconciled")
        #expect(events.last?.detail == "found on bodega-1 as CUPS job \(accepted.jobID) (processing) after a restart, not sent again, 1 copy")
        // And it is followed like any submitted job.
        queue.setState(.completed, ofJob: accepted.jobID)
        await service.followPrintJobs()
        #expect(try service.store.printJob(id: job.id)?.status == "completed")
    }

    @Test func aJobCUPSNeverGotIsSentOnceWithItsKeyInTheJobName() async throws {
        let queue = RecordingPrintQueue()
        let clock = Clock()
        let service = try Self.service(queue, clock: clock)
        let number = try Self.issue(service)
        let job = try #require(try service.store.printJobs(number: number).first)
        try service.store.markSubmitting(jobID: job.id, at: clock.now)
        // A job of another document with a similar key does not count.
        _ = try await queue.submit(PrintRequest(printer: "bodega-1", document: [1], title: "x", copies: 1, key: job.key + "0"))

        await service.drainPrintQueue()
        await service.drainPrintQueue()
        #expect(queue.requests.count == 2)
        #expect(queue.requests.last?.jobName == "\(number) (issue) [\(number)/issue/1]")
        #expect(try service.store.printJob(id: job.id)?.cupsJobID == 2)
        #expect(try service.store.events(number: number).map(\.kind).filter { $0 == "print-submitted" }.count == 1)
    }

    @Test func aJobCUPSCreatedButNeverGotTheDocumentOfIsCanceledAndSentAgain() async throws {
        let queue = RecordingPrintQueue()
        let clock = Clock()
        let service = try Self.service(queue, clock: clock)
        let number = try Self.issue(service)
        let job = try #require(try service.store.printJobs(number: number).first)
        try service.store.markSubmitting(jobID: job.id, at: clock.now)
        let incomplete = queue.addIncompleteJob(printer: "bodega-1", jobName: "\(number) (issue) [\(job.key)]")

        await service.drainPrintQueue()
        #expect(queue.canceled == [PrintSubmission(printer: "bodega-1", jobID: incomplete)])
        #expect(queue.requests.count == 1)
        let after = try #require(try service.store.printJob(id: job.id))
        #expect(after.status == "submitted")
        #expect(after.cupsJobID != incomplete)
        let note = try #require(try service.store.events(number: number).first { $0.kind == "print-reconcile" })
        #expect(note.detail == "CUPS job \(incomplete) on bodega-1 never received its document: canceled, sending again")
    }

    @Test func aHeldJobRaisesOneAlertAndAnOperatorMovesItWithoutADuplicate() async throws {
        let queue = RecordingPrintQueue(defaultState: .processing)
        let clock = Clock()
        let service = try Self.service(queue, clock: clock)
        let number = try Self.issue(service)
        await service.drainPrintQueue()
        let job = try #require(try service.store.printJobs(number: number).first)
        let cupsJobID = try #require(job.cupsJobID)
        queue.setState(.held, ofJob: cupsJobID)

        await service.followPrintJobs()
        await service.followPrintJobs()
        let alerted = try #require(try service.store.printJob(id: job.id))
        #expect(alerted.alert == "held by CUPS (job \(cupsJobID))")
        let alerts = try service.store.events(number: number).filter { $0.kind == "print-alert" }
        #expect(alerts.map(\.detail) == ["job \(job.id) on bodega-1: held by CUPS (job \(cupsJobID))"])
        #expect(try service.store.printJobs(status: "alert", limit: 10).map(\.id) == [job.id])

        let moved = try await service.movePrintJob(id: job.id, to: "bodega-2", requestedBy: "ana")
        #expect(queue.canceled == [PrintSubmission(printer: "bodega-1", jobID: cupsJobID)])
        #expect(moved.printer == "bodega-2")
        #expect(moved.status == "queued")
        let old = try #require(try service.store.printJob(id: job.id))
        #expect(old.status == "moved")
        #expect(old.movedTo == moved.id)
        #expect(old.alert == nil)
        await service.drainPrintQueue()
        #expect(queue.requests.map(\.printer) == ["bodega-1", "bodega-2"])
        #expect(try service.store.printJob(id: moved.id)?.status == "submitted")
        let movedEvent = try #require(try service.store.events(number: number).first { $0.kind == "print-moved" })
        #expect(movedEvent.detail == "job \(job.id) moved from bodega-1 (CUPS job \(cupsJobID) canceled) to bodega-2 as job \(moved.id), by ana")

        // The old job cannot move again, and a printed job cannot move at all.
        let again = await #expect(throws: PrintMoveError.self) {
            try await service.movePrintJob(id: job.id, to: "bodega-3", requestedBy: "ana")
        }
        #expect(again?.code == .conflict)
        queue.setState(.completed, ofJob: try #require(try service.store.printJob(id: moved.id)?.cupsJobID))
        await service.followPrintJobs()
        let printed = await #expect(throws: PrintMoveError.self) {
            try await service.movePrintJob(id: moved.id, to: "bodega-1", requestedBy: "ana")
        }
        #expect(printed?.code == .conflict)
        let unknown = await #expect(throws: PrintMoveError.self) {
            try await service.movePrintJob(id: 999, to: "bodega-1", requestedBy: "ana")
        }
        #expect(unknown?.code == .notFound)
        #expect(queue.requests.count == 2)
    }

    @Test func aJobWithoutProgressPastTheTimeoutMovesByRule() async throws {
        let queue = RecordingPrintQueue(defaultState: .processing)
        let clock = Clock()
        let service = try Self.service(
            queue, clock: clock, printing: ["stuck_after_seconds": 60, "move_stuck_jobs": ["bodega-1": "bodega-2"]])
        let number = try Self.issue(service)
        await service.drainPrintQueue()
        await service.followPrintJobs()
        clock.advance(59)
        await service.followPrintJobs()
        #expect(try service.store.printJobs(number: number).map(\.status) == ["submitted"])

        clock.advance(2)
        await service.followPrintJobs()
        let jobs = try service.store.printJobs(number: number)
        #expect(jobs.map(\.status) == ["moved", "queued"])
        #expect(jobs.map(\.printer) == ["bodega-1", "bodega-2"])
        #expect(jobs[1].requestedBy == "rule printing.move_stuck_jobs")
        let alert = try #require(try service.store.events(number: number).first { $0.kind == "print-alert" })
        #expect(alert.detail.contains("no progress since"))
        #expect(queue.canceled.map(\.printer) == ["bodega-1"])
    }

    @Test func printServiceSettingsAreCheckedAndNamed() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-print-config")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try TestWorld.writeConfiguration(
            in: directory, printing: ["stuck_after_seconds": 0, "move_stuck_jobs": ["bodega-1": "bodega 2"], "stuk": 1])
        #expect { try FolioConfiguration.load(path: config.path) } throws: { error in
            "\(error)".contains("printing.stuk: is not a configuration key")
        }
        let bad = try TestWorld.writeConfiguration(
            in: directory, printing: ["stuck_after_seconds": 0, "move_stuck_jobs": ["bodega-1": "bodega 2"]])
        #expect { try FolioConfiguration.load(path: bad.path) } throws: { error in
            let text = "\(error)"
            return text.contains("printing.stuck_after_seconds: 0 must be from 1 to 86400")
                && text.contains("printing.move_stuck_jobs.bodega-1: \"bodega 2\" is not a CUPS queue name")
        }
    }
}
