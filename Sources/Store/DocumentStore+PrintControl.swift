public import Foundation

extension DocumentStore {
    /// Jobs that look stuck at `instant` and carry no alert yet: submitted jobs that CUPS reports `held` or
    /// `stopped`, or whose state has not changed since `cutoff`; and jobs still waiting to be submitted
    /// (retrying) since before `cutoff`.
    public func printJobsNeedingAlert(unchangedSince cutoff: Date) throws -> [PrintJobRecord] {
        try withConnection { db in
            try db.query(
                """
                SELECT \(Self.printColumns) FROM print_jobs INDEXED BY print_jobs_queued
                WHERE alert IS NULL AND status = 'submitted' AND (cups_state IN ('held', 'stopped') OR state_since <= ?)
                UNION
                SELECT \(Self.printColumns) FROM print_jobs INDEXED BY print_jobs_retrying
                WHERE alert IS NULL AND attempts > 0 AND status IN ('queued', 'submitting') AND created_at <= ?
                ORDER BY id
                """,
                [.text(Timestamp.iso(cutoff)), .text(Timestamp.iso(cutoff))]
            ).map(Self.decodePrintJob)
        }
    }

    /// Raises an alert on a job (once) and puts it on the document's timeline as a `print-alert` event.
    public func raisePrintAlert(jobID: Int, message: String, at instant: Date) throws {
        _ = try withConnection { db in
            guard let job = try Self.printJob(db, where: "id = ? AND alert IS NULL", [.integer(Int64(jobID))]) else { return }
            try db.query(
                "UPDATE print_jobs SET alert = ?, updated_at = ? WHERE id = ?",
                [.text(message), .text(Timestamp.iso(instant)), .integer(Int64(jobID))])
            try Self.insertEvent(db, number: job.number, kind: "print-alert", detail: "job \(job.id) on \(job.printer): \(message)", at: instant)
        }
    }

    /// Ends a job as `moved` and queues its replacement on `printer` (same document, copies and reason), in
    /// one transaction. The caller has made sure the first printer will not print it (canceled it in CUPS, or
    /// it never reached CUPS).
    /// - Parameter status: The status the caller saw; if it changed meanwhile (the worker sent it), nothing moves.
    /// - Returns: The new job, or `nil` if the job does not exist, is no longer in `status`, or has ended or moved.
    public func movePrintJob(
        jobID: Int, expecting status: String, to printer: String, requestedBy: String, note: String, at instant: Date
    ) throws -> PrintJobRecord? {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                guard let job = try Self.printJob(
                    db, where: "id = ? AND status = ? AND status IN ('queued', 'submitting', 'submitted')",
                    [.integer(Int64(jobID)), .text(status)])
                else {
                    try db.execute("COMMIT")
                    return nil
                }
                let now = Timestamp.iso(instant)
                try db.query(
                    """
                    INSERT INTO print_jobs(
                        job_key, number, printer, copies, reason, requested_by, status, created_at, updated_at, state_since, note,
                        media, sides, layout)
                    VALUES(?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text("\(job.key)/moved-\(job.id)"), .text(job.number), .text(printer), .integer(Int64(job.copies)),
                     .text(job.reason), .text(requestedBy), .text(now), .text(now), .text(now), .optional(job.note),
                     .optional(job.settings.media), .optional(job.settings.sides), .optional(job.settings.layout)])
                let moved = try Self.printJob(db, where: "job_key = ?", [.text("\(job.key)/moved-\(job.id)")])!
                try db.query(
                    "UPDATE print_jobs SET status = 'moved', moved_to = ?, alert = NULL, updated_at = ?, state_since = ? WHERE id = ?",
                    [.integer(Int64(moved.id)), .text(now), .text(now), .integer(Int64(job.id))])
                try Self.insertEvent(
                    db, number: job.number, kind: "print-moved",
                    detail: "job \(job.id) moved from \(job.printer) (\(note)) to \(printer) as job \(moved.id), by \(requestedBy)",
                    at: instant)
                try db.execute("COMMIT")
                return moved
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// One job by Folio's ID.
    public func printJob(id: Int) throws -> PrintJobRecord? {
        try withConnection { try Self.printJob($0, where: "id = ?", [.integer(Int64(id))]) }
    }

    /// Jobs, newest first, optionally only those with `status` (or, for `alert`, those with an alert).
    public func printJobs(status: String?, limit: Int) throws -> [PrintJobRecord] {
        try withConnection { db in
            let condition: String
            var values: [SQLValue] = []
            switch status {
            case nil: condition = "1"
            case "alert": condition = "alert IS NOT NULL"
            case let status?:
                condition = "status = ?"
                values.append(.text(status))
            }
            values.append(.integer(Int64(limit)))
            return try db.query("SELECT \(Self.printColumns) FROM print_jobs WHERE \(condition) ORDER BY id DESC LIMIT ?", values)
                .map(Self.decodePrintJob)
        }
    }

    /// Per printer that has had jobs: how many wait (queued or submitting), how many CUPS holds unfinished,
    /// how many carry an alert, and the last error recorded.
    public func printerQueues() throws -> [PrinterQueueSummary] {
        try withConnection { db in
            try db.query(
                """
                SELECT printer,
                    SUM(status IN ('queued', 'submitting')), SUM(status = 'submitted'), SUM(alert IS NOT NULL),
                    (SELECT error FROM print_jobs e WHERE e.printer = p.printer AND e.error IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT 1),
                    SUM(status = 'completed')
                FROM print_jobs p GROUP BY printer ORDER BY printer
                """
            ).map { row in
                PrinterQueueSummary(
                    printer: row[0].string ?? "", waiting: row[1].int ?? 0, inCUPS: row[2].int ?? 0, alerts: row[3].int ?? 0,
                    lastError: row[4].string, completed: row[5].int ?? 0)
            }
        }
    }
}

/// A printer's queue as Folio sees it.
public struct PrinterQueueSummary: Sendable, Hashable, Codable {
    public var printer: String
    /// Jobs not yet accepted by CUPS (`queued`, `submitting`).
    public var waiting: Int
    /// Jobs CUPS holds that have not ended (`submitted`).
    public var inCUPS: Int
    /// Jobs with an alert.
    public var alerts: Int
    /// The last error recorded for one of its jobs.
    public var lastError: String?
    /// Jobs printed.
    public var completed: Int

    /// Creates a summary.
    public init(printer: String, waiting: Int, inCUPS: Int, alerts: Int, lastError: String?, completed: Int) {
        self.printer = printer
        self.waiting = waiting
        self.inCUPS = inCUPS
        self.alerts = alerts
        self.lastError = lastError
        self.completed = completed
    }
}
