import FolioApp
import FolioTesting
import Foundation
import Printing
import Store
import Synchronization
import Testing

/// The print worker against a scripted print queue and a clock the test moves: retries with back-off, each
/// printer's order kept, CUPS states followed to the end.
struct PrintServiceTests {
    final class Clock: Sendable {
        private let instant = Mutex(Date(timeIntervalSince1970: 1_796_313_600))
        var now: Date { instant.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static func service(_ queue: RecordingPrintQueue, clock: Clock) throws -> FolioService {
        let directory = try makeTemporaryDirectory(prefix: "folio-print")
        let config = try TestWorld.writeConfiguration(in: directory, defaultPrinter: "bodega-1")
        return try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources,
            printQueue: queue, world: FolioWorld(now: { clock.now }))
    }

    static func unreachable(_ printer: String) -> PrintError {
        PrintError(code: .serverUnreachable, message: "cannot reach 127.0.0.1:1", printer: printer, server: "127.0.0.1:1")
    }

    @Test func anUnreachableServerKeepsJobsQueuedInOrderAndTheyLeaveWhenItIsBack() async throws {
        let queue = RecordingPrintQueue()
        let clock = Clock()
        let service = try Self.service(queue, clock: clock)
        queue.failNextSubmission(with: Self.unreachable("bodega-1"))
        guard case .created(let first) = try service.submit(try TestWorld.example("01-three-lines.json"), source: "01"),
            case .created(let second) = try service.submit(try TestWorld.example("02-mixed-iva.json"), source: "02")
        else { Issue.record("not issued"); return }
        let other = try service.enqueuePrint(number: first.number, printer: "bodega-2", copies: 1, reason: "extra", requestedBy: "ana")

        await service.drainPrintQueue()
        // The first job failed and waits; the second (same printer) must not overtake it; bodega-2 is not held up.
        // It stays `submitting`: the failure might have come after CUPS took it, so it is looked for first.
        #expect(queue.requests.map(\.printer) == ["bodega-1", "bodega-2"])
        var jobs = try service.store.printJobs(number: first.number)
        #expect(jobs.map(\.status) == ["submitting", "submitted"])
        #expect(jobs[0].attempts == 1)
        #expect(jobs[0].error == "cannot reach 127.0.0.1:1")
        #expect(try service.store.printJobs(number: second.number).map(\.status) == ["queued"])
        #expect(try service.store.events(number: first.number).map(\.kind).contains("print-retry"))
        #expect(other.printer == "bodega-2")

        // Before the back-off (1 s) nothing moves; after it, both leave, in order.
        clock.advance(0.5)
        await service.drainPrintQueue()
        #expect(queue.requests.count == 2)
        clock.advance(1)
        await service.drainPrintQueue()
        #expect(queue.requests.map(\.title) == ["\(first.number) (issue)", "\(first.number) (extra)", "\(first.number) (issue)", "\(second.number) (issue)"])
        jobs = try service.store.printJobs(number: first.number)
        #expect(jobs.map(\.status) == ["submitted", "submitted"])
    }

    @Test func aPrinterThatDoesNotExistFailsForGood() async throws {
        let queue = RecordingPrintQueue()
        let service = try Self.service(queue, clock: Clock())
        queue.failNextSubmission(with: PrintError(code: .printerNotFound, message: "no queue bodega-1", printer: "bodega-1", server: "x"))
        guard case .created(let document) = try service.submit(try TestWorld.example("06-consumidor-final.json"), source: "06")
        else { Issue.record("not issued"); return }
        await service.drainPrintQueue()
        await service.drainPrintQueue()
        #expect(try service.store.printJobs(number: document.number).map(\.status) == ["failed"])
        #expect(queue.requests.count == 1)
    }

    @Test func submittedJobsAreFollowedToTheirEnd() async throws {
        let queue = RecordingPrintQueue(defaultState: .processing)
        let service = try Self.service(queue, clock: Clock())
        guard case .created(let document) = try service.submit(try TestWorld.example("06-consumidor-final.json"), source: "06")
        else { Issue.record("not issued"); return }
        await service.drainPrintQueue()
        await service.followPrintJobs()
        var job = try #require(try service.store.printJobs(number: document.number).first)
        #expect(job.status == "submitted")
        #expect(job.cupsState == "processing")
        queue.setState(.completed, ofJob: try #require(job.cupsJobID))
        await service.followPrintJobs()
        job = try #require(try service.store.printJobs(number: document.number).first)
        #expect(job.status == "completed")
        let events = try service.store.events(number: document.number)
        #expect(events.last?.kind == "printed")
        // The clock is 2026-12-03 16:00:00 UTC: 11:00:00 in Bogotá.
        #expect(events.last?.detail == "printed on bodega-1, CUPS job \(job.cupsJobID!), completed 11:00:00")
        // Nothing left to follow, and following again records nothing new.
        #expect(try service.store.printJobsToFollow().isEmpty)
        await service.followPrintJobs()
        #expect(try service.store.events(number: document.number).count == events.count)
    }
}
