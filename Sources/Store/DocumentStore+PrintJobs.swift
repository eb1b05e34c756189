public import Foundation
import DocumentModel

/// A print job as Folio tracks it: queued durably first, then submitted to CUPS once.
public struct PrintJobRecord: Sendable, Hashable, Codable {
    public var id: Int
    /// Idempotency key: the same key never queues a second job.
    public var key: String
    public var number: String
    public var printer: String
    public var copies: Int
    public var reason: String
    public var requestedBy: String
    /// `queued` → `submitting` (written before CUPS is contacted) → `submitted` → `completed` (or `aborted`,
    /// `canceled`); `failed` when CUPS refused it for good; `moved` when it went to another printer (``movedTo``).
    public var status: String
    public var cupsJobID: Int?
    public var error: String?
    /// Submissions tried so far that failed in a way worth retrying (CUPS unreachable, printer not accepting).
    public var attempts: Int
    /// The state CUPS last reported for the submitted job (`pending`, `processing`, `stopped`, `completed` …).
    public var cupsState: String?
    /// When the job was queued (ISO 8601 UTC).
    public var createdAt: String
    /// Since when the job's CUPS state (or status) has not changed (ISO 8601 UTC).
    public var stateSince: String
    /// Why the job is considered stuck (held, stopped, no progress), until it ends or moves.
    public var alert: String?
    /// The job that replaced this one on another printer.
    public var movedTo: Int?
    /// Why it was asked for, in the asker's words (a reprint's reason).
    public var note: String?
    /// Print settings chosen by the routing rules: IPP `media` and `sides` keywords, and a layout variant
    /// (`nil`: the printer's defaults and the stored PDF).
    public var settings = PrintSettings()
}

/// How a job is printed, as the routing rules chose.
public struct PrintSettings: Sendable, Hashable, Codable {
    /// IPP `media` keyword, e.g. `iso_a4_210x297mm`.
    public var media: String?
    /// IPP `sides` keyword, e.g. `two-sided-long-edge`.
    public var sides: String?
    /// Layout variant to render for this job (a file of Layouts/ without `.xml`).
    public var layout: String?

    public init(media: String? = nil, sides: String? = nil, layout: String? = nil) {
        self.media = media
        self.sides = sides
        self.layout = layout
    }
}

extension DocumentStore {
    /// Queues a print job unless one with the same key exists; returns the job either way.
    public func enqueuePrint(
        key: String, number: String, printer: String, copies: Int, reason: String, requestedBy: String, note: String? = nil,
        settings: PrintSettings = PrintSettings(), at instant: Date
    ) throws -> PrintJobRecord {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                if let existing = try Self.printJob(db, where: "job_key = ?", [.text(key)]) {
                    try db.execute("COMMIT")
                    return existing
                }
                let now = Timestamp.iso(instant)
                try db.query(
                    """
                    INSERT INTO print_jobs(
                        job_key, number, printer, copies, reason, requested_by, status, created_at, updated_at, state_since, note,
                        media, sides, layout)
                    VALUES(?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text(key), .text(number), .text(printer), .integer(Int64(copies)), .text(reason), .text(requestedBy), .text(now), .text(now),
                     .text(now), .optional(note), .optional(settings.media), .optional(settings.sides), .optional(settings.layout)])
                let why = note.map { ": \($0)" } ?? ""
                try Self.insertEvent(
                    db, number: number, kind: "print-queued",
                    detail: "\(copies) cop\(copies == 1 ? "y" : "ies") on \(printer) (\(reason), by \(requestedBy)\(why))", at: instant)
                let job = try Self.printJob(db, where: "job_key = ?", [.text(key)])!
                try db.execute("COMMIT")
                return job
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// The oldest queued job, if any (whether or not it is due).
    public func nextQueuedPrintJob() throws -> PrintJobRecord? {
        try withConnection { try Self.printJob($0, where: "status = 'queued' ORDER BY id LIMIT 1", []) }
    }

    /// The next job to submit at `instant`: the oldest queued (or `submitting`, to be reconciled) job of some
    /// printer, if its back-off has passed.
    /// A printer's jobs leave in the order they were queued — a newer job never overtakes one that is
    /// waiting to be retried on the same printer — while other printers are not held up.
    public func nextDuePrintJob(at instant: Date) throws -> PrintJobRecord? {
        try withConnection { db in
            try Self.printJob(
                db,
                // Each printer's oldest waiting job, found by skipping from printer to printer in the partial index
                // of waiting jobs (a few index seeks, not a pass over every waiting job: 10,000 queued jobs must not
                // slow the enqueueing that shares the store), then the oldest of them that is due.
                where: """
                    id IN (
                        WITH RECURSIVE head(printer) AS (
                            SELECT (SELECT printer FROM print_jobs INDEXED BY print_jobs_waiting
                                    WHERE status IN ('queued', 'submitting') ORDER BY printer LIMIT 1)
                            UNION ALL
                            SELECT (SELECT printer FROM print_jobs INDEXED BY print_jobs_waiting
                                    WHERE status IN ('queued', 'submitting') AND printer > head.printer ORDER BY printer LIMIT 1)
                            FROM head WHERE head.printer IS NOT NULL)
                        SELECT (SELECT MIN(id) FROM print_jobs INDEXED BY print_jobs_waiting
                                WHERE status IN ('queued', 'submitting') AND printer = head.printer)
                        FROM head WHERE head.printer IS NOT NULL)
                    AND next_attempt_at <= ?
                    ORDER BY id LIMIT 1
                    """,
                [.text(Timestamp.iso(instant))])
        }
    }

    /// Records a failed submission worth retrying: the job stays queued until `retryAt`.
    public func markRetry(jobID: Int, error message: String, retryAt: Date, at instant: Date) throws {
        _ = try withConnection { db in
            guard let job = try Self.printJob(db, where: "id = ?", [.integer(Int64(jobID))]) else { return }
            try db.query(
                "UPDATE print_jobs SET attempts = attempts + 1, next_attempt_at = ?, error = ?, updated_at = ? WHERE id = ?",
                [.text(Timestamp.iso(retryAt)), .text(message), .text(Timestamp.iso(instant)), .integer(Int64(jobID))])
            try Self.insertEvent(
                db, number: job.number, kind: "print-retry",
                detail: "\(job.printer): \(message); attempt \(job.attempts + 1), next at \(Timestamp.iso(retryAt))", at: instant)
        }
    }

    /// Submitted jobs whose CUPS state is not final yet, oldest first.
    public func printJobsToFollow() throws -> [PrintJobRecord] {
        try withConnection { db in
            try db.query("SELECT \(Self.printColumns) FROM print_jobs WHERE status = 'submitted' ORDER BY id").map(Self.decodePrintJob)
        }
    }

    /// Records the state CUPS reports for a submitted job; a final state ends the job and goes on the timeline.
    ///
    /// - Parameter final: `completed`, `aborted` or `canceled` end the job; anything else only updates `cupsState`.
    public func recordCUPSState(jobID: Int, state: String, final: Bool, at instant: Date) throws {
        _ = try withConnection { db in
            guard let job = try Self.printJob(db, where: "id = ?", [.integer(Int64(jobID))]), job.cupsState != state || final
            else { return }
            let status = final ? state : job.status
            let now = Timestamp.iso(instant)
            try db.query(
                """
                UPDATE print_jobs SET cups_state = ?, status = ?, updated_at = ?,
                    state_since = CASE WHEN cups_state IS ? THEN state_since ELSE ? END,
                    alert = CASE WHEN ? THEN NULL ELSE alert END
                WHERE id = ?
                """,
                [.text(state), .text(status), .text(now), .text(state), .text(now), .integer(final ? 1 : 0), .integer(Int64(jobID))])
            let cups = job.cupsJobID.map { "CUPS job \($0)" } ?? "CUPS job"
            let time = BogotaTime.split(instant).time
            let clock = [time.hour, time.minute, time.second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
            switch state {
            case "completed":
                try Self.insertEvent(
                    db, number: job.number, kind: "printed", detail: "printed on \(job.printer), \(cups), completed \(clock)", at: instant)
            case "aborted", "canceled", "stopped", "held":
                try Self.insertEvent(
                    db, number: job.number, kind: "print-\(state)", detail: "\(job.printer), \(cups), \(state) \(clock)", at: instant)
            default:
                break
            }
        }
    }

    /// Records, before CUPS is contacted, that the job is being submitted: after a crash, a `submitting` job
    /// is looked for on the print server (by its key) before it is sent again.
    /// - Returns: Whether the job may be sent: `false` when it has meanwhile moved or ended (another process,
    ///   e.g. an operator's move, got there first).
    @discardableResult
    public func markSubmitting(jobID: Int, at instant: Date) throws -> Bool {
        try withConnection { db in
            !(try db.query(
                "UPDATE print_jobs SET status = 'submitting', updated_at = ? WHERE id = ? AND status IN ('queued', 'submitting') RETURNING id",
                [.text(Timestamp.iso(instant)), .integer(Int64(jobID))])).isEmpty
        }
    }

    /// Records that CUPS accepted the job under `cupsJobID`.
    /// - Parameter found: The job was found on the server by its key (reconciliation) rather than just sent.
    public func markSubmitted(jobID: Int, cupsJobID: Int, state: String = "pending", found: Bool = false, at instant: Date) throws {
        _ = try withConnection { db in
            // Only a job being submitted: one moved or ended meanwhile keeps its status.
            guard let job = try Self.printJob(db, where: "id = ? AND status IN ('queued', 'submitting')", [.integer(Int64(jobID))])
            else { return }
            let now = Timestamp.iso(instant)
            try db.query(
                """
                UPDATE print_jobs SET status = 'submitted', cups_job_id = ?, cups_state = ?, error = NULL, updated_at = ?,
                    state_since = ?
                WHERE id = ?
                """,
                [.integer(Int64(cupsJobID)), .text(state), .text(now), .text(now), .integer(Int64(jobID))])
            let copies = "\(job.copies) cop\(job.copies == 1 ? "y" : "ies")"
            if found {
                try Self.insertEvent(
                    db, number: job.number, kind: "print-reconciled",
                    detail: "found on \(job.printer) as CUPS job \(cupsJobID) (\(state)) after a restart, not sent again, \(copies)",
                    at: instant)
            } else {
                try Self.insertEvent(
                    db, number: job.number, kind: "print-submitted", detail: "sent to \(job.printer), CUPS job \(cupsJobID), \(copies)",
                    at: instant)
            }
        }
    }

    /// Records that the job could not be submitted.
    public func markFailed(jobID: Int, error message: String, at instant: Date) throws {
        _ = try withConnection { db in
            guard let job = try Self.printJob(db, where: "id = ?", [.integer(Int64(jobID))]) else { return }
            try db.query(
                "UPDATE print_jobs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?",
                [.text(message), .text(Timestamp.iso(instant)), .integer(Int64(jobID))])
            try Self.insertEvent(db, number: job.number, kind: "print-failed", detail: "\(job.printer): \(message)", at: instant)
        }
    }

    public func printJobs(number: String) throws -> [PrintJobRecord] {
        try withConnection { db in
            try db.query("SELECT \(Self.printColumns) FROM print_jobs WHERE number = ? ORDER BY id", [.text(number)])
                .map(Self.decodePrintJob)
        }
    }

    /// How many jobs a document has had for `reason` (used to key reprints).
    public func printJobCount(number: String) throws -> Int {
        try withConnection { db in
            try db.query("SELECT COUNT(*) FROM print_jobs WHERE number = ?", [.text(number)]).first?[0].int ?? 0
        }
    }

    static let printColumns = """
        id, job_key, number, printer, copies, reason, requested_by, status, cups_job_id, error, attempts, cups_state,
        created_at, state_since, alert, moved_to, note, media, sides, layout
        """

    static func printJob(_ db: SQLiteConnection, where condition: String, _ values: [SQLValue]) throws -> PrintJobRecord? {
        try db.query("SELECT \(printColumns) FROM print_jobs WHERE \(condition)", values).first.map(decodePrintJob)
    }

    static func decodePrintJob(_ row: [SQLValue]) -> PrintJobRecord {
        PrintJobRecord(
            id: row[0].int ?? 0, key: row[1].string ?? "", number: row[2].string ?? "", printer: row[3].string ?? "",
            copies: row[4].int ?? 1, reason: row[5].string ?? "", requestedBy: row[6].string ?? "",
            status: row[7].string ?? "", cupsJobID: row[8].int, error: row[9].string, attempts: row[10].int ?? 0,
            cupsState: row[11].string, createdAt: row[12].string ?? "", stateSince: row[13].string ?? "",
            alert: row[14].string, movedTo: row[15].int, note: row[16].string,
            settings: PrintSettings(media: row[17].string, sides: row[18].string, layout: row[19].string))
    }
}

extension SQLValue {
    static func optional(_ text: String?) -> SQLValue { text.map { .text($0) } ?? .null }
}
