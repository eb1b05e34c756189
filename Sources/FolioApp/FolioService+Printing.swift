public import Store
import DocumentModel
import Foundation
import Printing
import Render
import UBL

/// Wakes the print worker when a job is queued (it also polls, so a lost signal only delays).
final class PrintSignal: Sendable {
    let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func notify() { continuation.yield() }
}

extension FolioService {
    /// Queues a print job durably and returns at once; the print worker submits it to CUPS.
    ///
    /// The key `number/reason/n` makes a retried request with the same counter idempotent.
    public func enqueuePrint(number: String, printer: String, copies: Int, reason: String, requestedBy: String) throws
        -> PrintJobRecord
    {
        let count = try store.printJobCount(number: number)
        let job = try store.enqueuePrint(
            key: "\(number)/\(reason)/\(count + 1)", number: number, printer: printer, copies: copies, reason: reason,
            requestedBy: requestedBy, at: world.now())
        printSignal.notify()
        return job
    }

    /// A reprint: the same document marked "COPIA", queued like any job.
    public func reprint(number: String, printer: String?, copies: Int, requestedBy: String) throws -> PrintJobRecord? {
        guard let stored = try store.document(number: number) else { return nil }
        let target = printer ?? configuration.company(stored.company)?.defaultPrinter
        guard let target else { throw ReprintError(message: "no printer given and company \(stored.company) has no default printer") }
        return try enqueuePrint(number: number, printer: target, copies: copies, reason: "reprint", requestedBy: requestedBy)
    }

    /// Submits every job that is due, each printer's jobs in the order they were queued, then returns.
    /// Jobs waiting for a retry stay queued.
    public func drainPrintQueue() async {
        var tried: Set<Int> = []
        while let job = try? await blocking.run({ try self.store.nextDuePrintJob(at: self.world.now()) }),
            tried.insert(job.id).inserted  // a job that could not even be re-queued is not retried in a tight loop
        {
            await submit(job)
        }
    }

    /// Asks CUPS for the state of every submitted job and records what changed (completed, aborted, stopped …).
    public func followPrintJobs() async {
        guard let jobs = try? await blocking.run({ try self.store.printJobsToFollow() }) else { return }
        for job in jobs {
            guard let cupsJobID = job.cupsJobID,
                let state = try? await printQueue.state(ofJob: cupsJobID, printer: job.printer)
            else { continue }
            try? await blocking.run {
                try self.store.recordCUPSState(jobID: job.id, state: state.rawValue, final: state.isFinal, at: self.world.now())
            }
        }
    }

    /// Runs until cancelled: drains the queue whenever a job is queued and at least every `interval`, and
    /// follows submitted jobs to their end.
    public func runPrintWorker(interval: Duration = .seconds(1)) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [printSignal] in
                // Turn the timer into signals too, so one loop handles both.
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    printSignal.notify()
                }
            }
            group.addTask {
                for await _ in self.printSignal.stream {
                    if Task.isCancelled { break }
                    await self.drainPrintQueue()
                    await self.followPrintJobs()
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// How long a job waits before its next attempt: 1 s, 2 s, 4 s … up to a minute.
    static func backOff(afterAttempts attempts: Int) -> TimeInterval {
        min(60, pow(2, Double(min(attempts, 6))))
    }

    func submit(_ job: PrintJobRecord) async {
        do {
            let pdf = try await blocking.run { try self.printablePDF(for: job) }
            let submission = try await printQueue.submit(
                PrintRequest(printer: job.printer, document: pdf, title: "\(job.number) (\(job.reason))", copies: job.copies))
            try await blocking.run { try self.store.markSubmitted(jobID: job.id, cupsJobID: submission.jobID, at: self.world.now()) }
        } catch let error as PrintError where error.isRetryable {
            // CUPS is unreachable or the printer is not accepting: the job waits, in order, and is tried again.
            let now = world.now()
            let retryAt = now.addingTimeInterval(Self.backOff(afterAttempts: job.attempts))
            try? await blocking.run { try self.store.markRetry(jobID: job.id, error: error.message, retryAt: retryAt, at: now) }
        } catch {
            try? await blocking.run { try self.store.markFailed(jobID: job.id, error: "\(error)", at: self.world.now()) }
        }
    }

    /// The stored PDF for the first print; a fresh rendering marked "COPIA" for reprints.
    func printablePDF(for job: PrintJobRecord) throws -> [UInt8] {
        guard job.reason == "reprint" else {
            guard let pdf = try pdf(number: job.number) else { throw ReprintError(message: "document \(job.number) not found") }
            return pdf
        }
        guard let stored = try store.document(number: job.number), let xml = try store.file(.xml, number: job.number) else {
            throw ReprintError(message: "document \(job.number) not found")
        }
        let document = try UBLReader.read(xml, sourceName: "\(job.number).xml")
        return try renderPDF(document, company: configuration.company(stored.company), copy: true).bytes
    }
}

/// A reprint that cannot be queued.
public struct ReprintError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
