public import Foundation

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
    /// `queued`, `submitted` or `failed`.
    public var status: String
    public var cupsJobID: Int?
    public var error: String?
}

extension DocumentStore {
    /// Queues a print job unless one with the same key exists; returns the job either way.
    public func enqueuePrint(
        key: String, number: String, printer: String, copies: Int, reason: String, requestedBy: String, at instant: Date
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
                    INSERT INTO print_jobs(job_key, number, printer, copies, reason, requested_by, status, created_at, updated_at)
                    VALUES(?, ?, ?, ?, ?, ?, 'queued', ?, ?)
                    """,
                    [.text(key), .text(number), .text(printer), .integer(Int64(copies)), .text(reason), .text(requestedBy), .text(now), .text(now)])
                try Self.insertEvent(
                    db, number: number, kind: "print-queued",
                    detail: "\(copies) cop\(copies == 1 ? "y" : "ies") on \(printer) (\(reason), by \(requestedBy))", at: instant)
                let job = try Self.printJob(db, where: "job_key = ?", [.text(key)])!
                try db.execute("COMMIT")
                return job
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// The oldest queued job, if any.
    public func nextQueuedPrintJob() throws -> PrintJobRecord? {
        try withConnection { try Self.printJob($0, where: "status = 'queued' ORDER BY id LIMIT 1", []) }
    }

    /// Records that CUPS accepted the job under `cupsJobID`.
    public func markSubmitted(jobID: Int, cupsJobID: Int, at instant: Date) throws {
        _ = try withConnection { db in
            guard let job = try Self.printJob(db, where: "id = ?", [.integer(Int64(jobID))]) else { return }
            try db.query(
                "UPDATE print_jobs SET status = 'submitted', cups_job_id = ?, updated_at = ? WHERE id = ?",
                [.integer(Int64(cupsJobID)), .text(Timestamp.iso(instant)), .integer(Int64(jobID))])
            try Self.insertEvent(
                db, number: job.number, kind: "print-submitted",
                detail: "sent to \(job.printer), CUPS job \(cupsJobID), \(job.copies) cop\(job.copies == 1 ? "y" : "ies")", at: instant)
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

    static let printColumns = "id, job_key, number, printer, copies, reason, requested_by, status, cups_job_id, error"

    static func printJob(_ db: SQLiteConnection, where condition: String, _ values: [SQLValue]) throws -> PrintJobRecord? {
        try db.query("SELECT \(printColumns) FROM print_jobs WHERE \(condition)", values).first.map(decodePrintJob)
    }

    static func decodePrintJob(_ row: [SQLValue]) -> PrintJobRecord {
        PrintJobRecord(
            id: row[0].int ?? 0, key: row[1].string ?? "", number: row[2].string ?? "", printer: row[3].string ?? "",
            copies: row[4].int ?? 1, reason: row[5].string ?? "", requestedBy: row[6].string ?? "",
            status: row[7].string ?? "", cupsJobID: row[8].int, error: row[9].string)
    }
}
