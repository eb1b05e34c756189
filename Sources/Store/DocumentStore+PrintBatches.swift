public import Foundation

/// Which documents a print batch takes: one issue date, optionally narrowed.
public struct PrintBatchFilter: Sendable, Hashable {
    /// `YYYY-MM-DD` (the documents' issue date, Bogotá).
    public var date: String
    public var company: String?
    public var warehouse: String?
    public var branch: String?
    /// `invoice`, `credit-note`, `debit-note`.
    public var type: String?

    public init(date: String, company: String? = nil, warehouse: String? = nil, branch: String? = nil, type: String? = nil) {
        self.date = date
        self.company = company
        self.warehouse = warehouse
        self.branch = branch
        self.type = type
    }

    /// `2026-12-03, warehouse 3, invoice`.
    public var description: String {
        var parts = [date]
        if let company { parts.append("company \(company)") }
        if let warehouse { parts.append("warehouse \(warehouse)") }
        if let branch { parts.append("branch \(branch)") }
        if let type { parts.append(type) }
        return parts.joined(separator: ", ")
    }
}

/// A document a batch takes, with what routing needs.
public struct PrintBatchDocument: Sendable, Hashable {
    public var number: String
    public var company: String
    public var type: String
    public var warehouse: String?
    public var branch: String?
}

/// One job a batch queues.
public struct PrintBatchJob: Sendable, Hashable {
    public var printer: String
    public var copies: Int
    public var settings: PrintSettings

    public init(printer: String, copies: Int, settings: PrintSettings = PrintSettings()) {
        self.printer = printer
        self.copies = copies
        self.settings = settings
    }
}

/// A batch and where its jobs are.
public struct PrintBatchSummary: Sendable, Hashable {
    public var id: Int
    public var description: String
    public var requestedBy: String
    public var createdAt: String
    /// The documents, in print order.
    public var numbers: [String]
    /// Job count per status (`queued`, `submitted`, `completed`, …).
    public var statuses: [String: Int]
    /// Job count per printer.
    public var printers: [String: Int]
    /// Documents the filter took that no printer was found for.
    public var unrouted: [String]
    public var jobCount: Int { statuses.values.reduce(0, +) }
}

extension DocumentStore {
    /// Remembers, for batches, the company, type, issue date, warehouse and branch of an issued document.
    public func recordPrintContext(
        number: String, company: String, type: String, issueDate: String, warehouse: String?, branch: String?
    ) throws {
        _ = try withConnection { db in
            try db.query(
                "INSERT OR IGNORE INTO print_context(number, company, kind, issue_date, warehouse, branch) VALUES(?, ?, ?, ?, ?, ?)",
                [.text(number), .text(company), .text(type), .text(issueDate), .optional(warehouse), .optional(branch)])
        }
    }

    /// Creates a batch in one transaction: every document the filter takes, in number order (the order
    /// they were issued), gets the jobs `route` gives it, all queued in that order.
    /// - Parameter route: The jobs for one document (none: it is listed as unrouted).
    public func createPrintBatch(
        _ filter: PrintBatchFilter, requestedBy: String, at instant: Date,
        route: (PrintBatchDocument) -> [PrintBatchJob]
    ) throws -> PrintBatchSummary {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                var conditions = ["c.issue_date = ?"]
                var values: [SQLValue] = [.text(filter.date)]
                for (column, value) in [("c.company", filter.company), ("c.warehouse", filter.warehouse), ("c.branch", filter.branch), ("c.kind", filter.type)] {
                    if let value {
                        conditions.append("\(column) = ?")
                        values.append(.text(value))
                    }
                }
                let documents = try db.query(
                    """
                    SELECT c.number, c.company, c.kind, c.warehouse, c.branch FROM print_context c
                    JOIN documents d ON d.number = c.number
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY d.id
                    """, values
                ).map { PrintBatchDocument(number: $0[0].string ?? "", company: $0[1].string ?? "", type: $0[2].string ?? "", warehouse: $0[3].string, branch: $0[4].string) }
                let now = Timestamp.iso(instant)
                let batchID = try db.query(
                    "INSERT INTO print_batches(description, requested_by, created_at) VALUES(?, ?, ?) RETURNING id",
                    [.text(filter.description), .text(requestedBy), .text(now)]
                ).first?[0].int ?? 0
                var unrouted: [String] = []
                for (position, document) in documents.enumerated() {
                    let jobs = route(document)
                    if jobs.isEmpty { unrouted.append(document.number) }
                    for (index, job) in jobs.enumerated() {
                        try db.query(
                            """
                            INSERT INTO print_jobs(
                                job_key, number, printer, copies, reason, requested_by, status, created_at, updated_at, state_since,
                                note, media, sides, layout, batch_id)
                            VALUES(?, ?, ?, ?, 'batch', ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                            [.text("\(document.number)/batch-\(batchID)/\(index + 1)"), .text(document.number), .text(job.printer),
                             .integer(Int64(job.copies)), .text(requestedBy), .text(now), .text(now), .text(now),
                             .text("batch \(batchID): \(filter.description)"), .optional(job.settings.media), .optional(job.settings.sides),
                             .optional(job.settings.layout), .integer(Int64(batchID))])
                        try Self.insertEvent(
                            db, number: document.number, kind: "print-queued",
                            detail: "\(job.copies) cop\(job.copies == 1 ? "y" : "ies") on \(job.printer) (batch \(batchID), "
                                + "\(position + 1) of \(documents.count), by \(requestedBy))",
                            at: instant)
                    }
                }
                try db.execute("COMMIT")
                var summary = try Self.printBatch(db, id: batchID)!
                summary.unrouted = unrouted
                return summary
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// A batch's documents and its jobs' progress.
    public func printBatch(id: Int) throws -> PrintBatchSummary? {
        try withConnection { try Self.printBatch($0, id: id) }
    }

    static func printBatch(_ db: SQLiteConnection, id: Int) throws -> PrintBatchSummary? {
        guard let row = try db.query(
            "SELECT id, description, requested_by, created_at FROM print_batches WHERE id = ?", [.integer(Int64(id))]
        ).first else { return nil }
        let jobs = try db.query("SELECT number, printer, status FROM print_jobs WHERE batch_id = ? ORDER BY id", [.integer(Int64(id))])
        var numbers: [String] = []
        var statuses: [String: Int] = [:]
        var printers: [String: Int] = [:]
        for job in jobs {
            let number = job[0].string ?? ""
            if numbers.last != number && !numbers.contains(number) { numbers.append(number) }
            printers[job[1].string ?? "", default: 0] += 1
            statuses[job[2].string ?? "", default: 0] += 1
        }
        return PrintBatchSummary(
            id: row[0].int ?? 0, description: row[1].string ?? "", requestedBy: row[2].string ?? "", createdAt: row[3].string ?? "",
            numbers: numbers, statuses: statuses, printers: printers, unrouted: [])
    }
}
