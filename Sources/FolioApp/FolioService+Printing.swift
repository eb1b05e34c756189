public import Store
public import DocumentModel
import DisplayModel
import Issuance
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
    public func enqueuePrint(
        number: String, printer: String, copies: Int, reason: String, requestedBy: String, note: String? = nil,
        settings: PrintSettings = PrintSettings()
    ) throws -> PrintJobRecord {
        let count = try store.printJobCount(number: number)
        let job = try store.enqueuePrint(
            key: "\(number)/\(reason)/\(count + 1)", number: number, printer: printer, copies: copies, reason: reason,
            requestedBy: requestedBy, note: note, settings: settings, at: world.now())
        printSignal.notify()
        return job
    }

    /// Queues the print jobs of a newly issued document as the routing rules say (``PrintRouting``): the one
    /// call issuance makes.
    /// - Parameter printer: A printer the caller asked for (API, CLI), which beats the rules.
    func enqueueIssuePrints(
        for stored: StoredDocument, draft: DocumentDraft, company: FolioConfiguration.Company, printer: String?, requestedBy: String
    ) throws {
        let number = stored.number
        try store.recordPrintContext(
            number: number, company: company.profile.companyID, type: draft.kind.rawValue, issueDate: stored.issueDate,
            warehouse: draft.printHints.warehouse, branch: draft.printHints.branch)
        let plans = PrintRouting.plans(
            company: company.profile.companyID, type: draft.kind.rawValue, hints: draft.printHints, explicitPrinter: printer,
            rules: configuration.printService.rules, defaultPrinter: company.defaultPrinter, defaultCopies: company.copies)
        for plan in plans {
            _ = try enqueuePrint(
                number: number, printer: plan.printer, copies: plan.copies, reason: "issue", requestedBy: requestedBy,
                settings: PrintSettings(media: plan.media, sides: plan.sides, layout: plan.layout))
        }
    }

    /// A reprint: the same document marked "COPIA", queued like any job.
    /// - Parameter note: Why, in the asker's words; recorded on the job and the timeline.
    public func reprint(number: String, printer: String?, copies: Int, requestedBy: String, note: String? = nil) throws
        -> PrintJobRecord?
    {
        guard let stored = try store.document(number: number) else { return nil }
        let target = printer ?? configuration.company(stored.company)?.defaultPrinter
        guard let target else { throw ReprintError(message: "no printer given and company \(stored.company) has no default printer") }
        return try enqueuePrint(
            number: number, printer: target, copies: copies, reason: "reprint", requestedBy: requestedBy, note: note)
    }

    /// Submits every job that is due, each printer's jobs in the order they were queued, then returns.
    /// Jobs waiting for a retry stay queued. A job left `submitting` (by a crash, or a failure that may have
    /// reached CUPS) is first looked for on the print server and only sent again if CUPS does not have it.
    public func drainPrintQueue() async {
        var tried: Set<Int> = []
        while let job = try? await blocking.run({ try self.store.nextDuePrintJob(at: self.world.now()) }),
            tried.insert(job.id).inserted  // a job that could not even be re-queued is not retried in a tight loop
        {
            await printLock.withLock { await self.send(job) }
        }
    }

    /// Asks CUPS for the state of every submitted job and records what changed (completed, aborted, stopped …);
    /// then raises alerts for stuck jobs and moves them where `printing.move_stuck_jobs` says.
    public func followPrintJobs() async {
        if let jobs = try? await blocking.run({ try self.store.printJobsToFollow() }) {
            for job in jobs {
                guard let cupsJobID = job.cupsJobID else { continue }
                do {
                    let state = try await printQueue.state(ofJob: cupsJobID, printer: job.printer)
                    try await blocking.run {
                        try self.store.recordCUPSState(jobID: job.id, state: state.rawValue, final: state.isFinal, at: self.world.now())
                    }
                } catch let error as PrintError where error.code == .jobNotFound {
                    try? await blocking.run {
                        try self.store.raisePrintAlert(
                            jobID: job.id, message: "CUPS no longer knows job \(cupsJobID); not sent again (check the printer)",
                            at: self.world.now())
                    }
                } catch {
                    continue  // unreachable for now: asked again on the next round
                }
            }
        }
        await raiseStuckJobAlerts()
    }

    /// Raises an alert (once) for every stuck job and applies the configured moves.
    func raiseStuckJobAlerts() async {
        let now = world.now()
        let cutoff = now.addingTimeInterval(-TimeInterval(configuration.printService.stuckAfterSeconds))
        guard let stuck = try? await blocking.run({ try self.store.printJobsNeedingAlert(unchangedSince: cutoff) }) else { return }
        for job in stuck {
            let message: String
            switch (job.status, job.cupsState) {
            case ("submitted", "held"?): message = "held by CUPS (job \(job.cupsJobID ?? 0))"
            case ("submitted", "stopped"?): message = "stopped in CUPS (job \(job.cupsJobID ?? 0))"
            case ("submitted", let state):
                message = "no progress since \(job.stateSince) (CUPS job \(job.cupsJobID ?? 0), \(state ?? "pending"))"
            default: message = "not accepted by CUPS since \(job.createdAt): \(job.error ?? "unknown error")"
            }
            try? await blocking.run { try self.store.raisePrintAlert(jobID: job.id, message: message, at: now) }
            if let target = configuration.printService.moveStuckJobs[job.printer] {
                _ = try? await movePrintJob(id: job.id, to: target, requestedBy: "rule printing.move_stuck_jobs")
            }
        }
    }

    /// Moves a job that has not printed to another printer: cancels it in CUPS first (if it got there), so
    /// the first printer never prints it, then queues the same document, copies and reason on `printer`.
    /// - Returns: The new job.
    /// - Throws: ``PrintMoveError`` (unknown job, job already ended, CUPS unreachable or refusing the cancel).
    public func movePrintJob(id: Int, to printer: String, requestedBy: String) async throws -> PrintJobRecord {
        guard FolioConfiguration.PrintService.isQueueName(printer) else {
            throw PrintMoveError(code: .invalid, message: "\"\(printer)\" is not a CUPS queue name (letters, digits, '_', '.', '-')")
        }
        let moved = try await printLock.withLock { () async throws -> PrintJobRecord in
            guard let job = try await self.blocking.run({ try self.store.printJob(id: id) }) else {
                throw PrintMoveError(code: .notFound, message: "no print job \(id)")
            }
            guard ["queued", "submitting", "submitted"].contains(job.status) else {
                throw PrintMoveError(code: .conflict, message: "print job \(id) has already ended (\(job.status)); nothing to move")
            }
            guard job.printer != printer else {
                throw PrintMoveError(code: .invalid, message: "print job \(id) is already on \(printer)")
            }
            var cupsJobID = job.cupsJobID
            if job.status == "submitting" {
                cupsJobID = try await self.cupsCall { try await self.printQueue.findJob(key: job.key, printer: job.printer)?.jobID }
            }
            var note = "never reached CUPS"
            if let cupsJobID {
                do {
                    try await self.printQueue.cancel(jobID: cupsJobID, printer: job.printer)
                    note = "CUPS job \(cupsJobID) canceled"
                } catch let error as PrintError where error.code == .rejected || error.code == .jobNotFound {
                    throw PrintMoveError(
                        code: .conflict,
                        message: "CUPS job \(cupsJobID) of print job \(id) cannot be canceled on \(job.printer) (it may have printed): \(error.message)")
                } catch let error as PrintError {
                    throw PrintMoveError(code: .unavailable, message: error.message)
                }
            }
            let reason = note
            guard let moved = try await self.blocking.run({
                try self.store.movePrintJob(
                    jobID: id, expecting: job.status, to: printer, requestedBy: requestedBy, note: reason, at: self.world.now())
            }) else {
                throw PrintMoveError(code: .conflict, message: "print job \(id) ended while it was being moved")
            }
            return moved
        }
        printSignal.notify()
        return moved
    }

    /// Runs a CUPS call, turning its errors into move errors.
    private func cupsCall<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PrintError {
            throw PrintMoveError(code: .unavailable, message: error.message)
        }
    }

    /// Runs until cancelled: first reconciles jobs a crash left `submitting` with CUPS, then drains the queue
    /// whenever a job is queued and at least every `interval`, and follows submitted jobs to their end.
    ///
    /// While it runs, the store's WAL checkpoints (and their fsyncs) happen here, after each round, rather than
    /// in whichever request's commit would otherwise trigger one.
    public func runPrintWorker(interval: Duration = .seconds(1)) async {
        let checkpointer = try? store.backgroundCheckpointer()
        defer { checkpointer?.stop() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [printSignal] in
                // Turn the timer into signals too, so one loop handles both.
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    printSignal.notify()
                }
            }
            group.addTask {
                await self.drainPrintQueue()  // reconciles `submitting` jobs before anything else is sent
                var lastCheckpoint = ContinuousClock.now
                for await _ in self.printSignal.stream {
                    if Task.isCancelled { break }
                    await self.drainPrintQueue()
                    await self.followPrintJobs()
                    if let checkpointer, ContinuousClock.now - lastCheckpoint >= .seconds(1) {
                        try? await self.blocking.run { checkpointer.checkpoint() }
                        lastCheckpoint = ContinuousClock.now
                    }
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

    /// A `print-reconcile` event: what looking for a `submitting` job on the server found.
    private func note(_ job: PrintJobRecord, _ detail: String) async throws {
        try await blocking.run { try self.store.addEvent(number: job.number, kind: "print-reconcile", detail: detail, at: self.world.now()) }
    }

    /// Sends one due job. A `queued` job is marked `submitting` before CUPS is contacted; a job already
    /// `submitting` may have reached CUPS, so it is looked for there (by the key in its job name) first.
    func send(_ job: PrintJobRecord) async {
        do {
            if job.status == "submitting" {
                if let found = try await printQueue.findJob(key: job.key, printer: job.printer) {
                    // An ended job counts as found whatever its document count: cupsd forgets a completed job's
                    // files (PreserveJobFiles), so it reports no document for a job that printed.
                    if found.hasDocument || found.state.isFinal {
                        try await blocking.run {
                            try self.store.markSubmitted(
                                jobID: job.id, cupsJobID: found.jobID, state: found.state.rawValue, found: true, at: self.world.now())
                        }
                        return
                    }
                    // Created but its document never arrived: it would never print. Cancel it, send again.
                    try? await printQueue.cancel(jobID: found.jobID, printer: job.printer)
                    try await note(job, "CUPS job \(found.jobID) on \(job.printer) never received its document: canceled, sending again")
                } else {
                    try await note(job, "not found on \(job.printer) (its key is in no CUPS job name): sending it")
                }
            } else {
                let mayGo = try await blocking.run { try self.store.markSubmitting(jobID: job.id, at: self.world.now()) }
                guard mayGo else { return }  // moved or ended meanwhile
            }
            let pdf = try await blocking.run { try self.printablePDF(for: job) }
            let submission = try await printQueue.submit(
                PrintRequest(
                    printer: job.printer, document: pdf, title: "\(job.number) (\(job.reason))", copies: job.copies, key: job.key,
                    media: job.settings.media, sides: job.settings.sides))
            world.afterPrintAccepted()
            try await blocking.run { try self.store.markSubmitted(jobID: job.id, cupsJobID: submission.jobID, at: self.world.now()) }
        } catch let error as PrintError where error.isRetryable {
            // CUPS is unreachable or the printer is not accepting: the job waits, in order, and is tried again
            // (looked for on the server first: the failure may have come after CUPS took it).
            let now = world.now()
            let retryAt = now.addingTimeInterval(Self.backOff(afterAttempts: job.attempts))
            try? await blocking.run { try self.store.markRetry(jobID: job.id, error: error.message, retryAt: retryAt, at: now) }
        } catch {
            try? await blocking.run { try self.store.markFailed(jobID: job.id, error: "\(error)", at: self.world.now()) }
        }
    }

    /// The stored PDF for the first print; a fresh rendering marked "COPIA" for reprints.
    func printablePDF(for job: PrintJobRecord) throws -> [UInt8] {
        let copy = job.reason == "reprint"
        if !copy && job.settings.layout == nil {
            guard let pdf = try pdf(number: job.number) else { throw ReprintError(message: "document \(job.number) not found") }
            return pdf
        }
        guard let stored = try store.document(number: job.number), let xml = try store.file(.xml, number: job.number) else {
            throw ReprintError(message: "document \(job.number) not found")
        }
        let document = try UBLReader.read(xml, sourceName: "\(job.number).xml")
        return try renderPDF(
            document, company: configuration.company(stored.company), copy: copy,
            layout: job.settings.layout ?? DocumentDisplay.layoutName
        ).bytes
    }
}

/// A print job that cannot be moved.
public struct PrintMoveError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No such job.
        case notFound = "not_found"
        /// The job has ended (printed, failed, moved) or CUPS will not cancel it.
        case conflict = "conflict"
        /// The printer name is not a queue name, or is the job's own printer.
        case invalid = "validation_failed"
        /// CUPS could not be reached to cancel the job; nothing changed.
        case unavailable = "print_server_unavailable"
    }
    public var code: Code
    public var message: String
    public var description: String { message }
}

/// A reprint that cannot be queued.
public struct ReprintError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
