public import DocumentModel
public import Foundation

/// Where a document stands in issuance, as persisted (the state machine itself lives in Issuance).
public struct IssuanceRecord: Sendable, Hashable {
    public var number: String
    public var company: String
    public var kind: DocumentKind
    /// The issuance state's raw value (`numbered`, `signed`, `transmitting` …).
    public var state: String
    /// The sequence number inside the resolution (the number without its prefix).
    public var sequence: Int
    public var issueDate: String
    public var uniqueCode: String
    /// Retryable failures since the last step that succeeded.
    public var attempts: Int
    /// Not before this instant (a back-off after a retryable failure).
    public var nextAttempt: Date
    /// When the current run of retryable failures began; nil when the last attempt did not fail.
    public var failingSince: Date?
    public var lastError: String?
    /// Issued as tipo 04 while DIAN was unreachable.
    public var contingency: Bool
    /// When it went out as tipo 04.
    public var contingencySince: Date?
    /// The "close to the 48 h limit" alert was raised.
    public var contingencyAlerted: Bool
    /// The graphic representation has been delivered (print jobs queued).
    public var delivered: Bool
}

/// One step's result, written atomically with the state it leads to.
public struct IssuanceUpdate: Sendable {
    public var state: String
    /// Files written (replacing any earlier version) with the state.
    public var files: [DocumentFile: [UInt8]]
    /// Files that no longer describe the document (a re-dated document's PDF).
    public var removing: [DocumentFile]
    /// The document as rewritten (re-dated, contingency), so the row's date and CUFE follow it.
    public var document: ElectronicDocument?
    public var contingency: Bool?
    public var delivered: Bool?
    /// The timeline entry for this transition.
    public var event: (kind: String, detail: String)

    public init(
        state: String, files: [DocumentFile: [UInt8]] = [:], removing: [DocumentFile] = [],
        document: ElectronicDocument? = nil, contingency: Bool? = nil, delivered: Bool? = nil,
        event: (kind: String, detail: String)
    ) {
        self.state = state
        self.files = files
        self.removing = removing
        self.document = document
        self.contingency = contingency
        self.delivered = delivered
        self.event = event
    }
}

extension DocumentStore {
    static let settledStates = "('delivered', 'rejected')"

    public func issuanceRecord(number: String) throws -> IssuanceRecord? {
        try withConnection { db in
            try db.query(
                """
                SELECT number, company, kind, status, sequence, issue_date, unique_code, attempts, next_attempt_epoch,
                       failing_since_epoch, last_error, contingency, delivered, contingency_since_epoch, contingency_alerted
                FROM documents WHERE number = ?
                """, [.text(number)]
            ).first.flatMap(Self.decodeIssuance)
        }
    }

    /// The printer the issuing request asked for, if it named one, and who made the request.
    public func printRequest(number: String) throws -> (printer: String?, requestedBy: String?) {
        try withConnection { db in
            let row = try db.query("SELECT print_target, requested_by FROM documents WHERE number = ?", [.text(number)]).first
            return (row?[0].string, row?[1].string)
        }
    }

    /// Documents still in issuance whose next attempt is due at `instant`, oldest first.
    public func documentsDueForIssuance(at instant: Date, limit: Int = 32) throws -> [String] {
        try withConnection { db in
            try db.query(
                """
                SELECT number FROM documents
                WHERE status NOT IN \(Self.settledStates) AND next_attempt_epoch <= ?
                ORDER BY id LIMIT ?
                """, [.integer(Int64(instant.timeIntervalSince1970.rounded(.down))), .integer(Int64(limit))]
            ).compactMap { $0[0].string }
        }
    }

    /// When the earliest waiting document becomes due; nil when none is in issuance.
    public func nextIssuanceAttempt() throws -> Date? {
        try withConnection { db in
            try db.query("SELECT MIN(next_attempt_epoch) FROM documents WHERE status NOT IN \(Self.settledStates)")
                .first?[0].int.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
    }

    /// Records a step's result and the state it leads to, in one transaction; clears the retry counters.
    public func advanceIssuance(number: String, _ update: IssuanceUpdate, at instant: Date) throws {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                for (file, bytes) in update.files {
                    try db.query(
                        "INSERT INTO files(number, kind, bytes) VALUES(?, ?, ?) ON CONFLICT(number, kind) DO UPDATE SET bytes = excluded.bytes",
                        [.text(number), .text(file.rawValue), .blob(bytes)])
                }
                for file in update.removing {
                    try db.query("DELETE FROM files WHERE number = ? AND kind = ?", [.text(number), .text(file.rawValue)])
                }
                try db.query(
                    """
                    UPDATE documents SET status = ?, attempts = 0, next_attempt_epoch = 0, failing_since_epoch = NULL,
                        last_error = NULL WHERE number = ?
                    """, [.text(update.state), .text(number)])
                if let document = update.document {
                    try db.query(
                        "UPDATE documents SET unique_code = ?, issue_date = ? WHERE number = ?",
                        [.text(document.uniqueCode ?? ""), .text(document.issueDate.iso), .text(number)])
                }
                if let contingency = update.contingency {
                    try db.query(
                        "UPDATE documents SET contingency = ?, contingency_since_epoch = ? WHERE number = ?",
                        [
                            .integer(contingency ? 1 : 0),
                            contingency ? .integer(Int64(instant.timeIntervalSince1970.rounded(.down))) : .null, .text(number),
                        ])
                }
                if let delivered = update.delivered {
                    try db.query("UPDATE documents SET delivered = ? WHERE number = ?", [.integer(delivered ? 1 : 0), .text(number)])
                }
                try Self.insertEvent(db, number: number, kind: update.event.kind, detail: update.event.detail, at: instant)
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Records a retryable failure: the document keeps its state and waits until `retryAt`.
    public func recordIssuanceFailure(number: String, step: String, error: String, retryAt: Date, at instant: Date) throws {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                try db.query(
                    """
                    UPDATE documents SET attempts = attempts + 1, next_attempt_epoch = ?,
                        failing_since_epoch = COALESCE(failing_since_epoch, ?), last_error = ? WHERE number = ?
                    """,
                    [
                        .integer(Int64(retryAt.timeIntervalSince1970.rounded(.up))),
                        .integer(Int64(instant.timeIntervalSince1970.rounded(.down))), .text(error), .text(number),
                    ])
                let retry = Timestamp.iso(retryAt)
                try Self.insertEvent(db, number: number, kind: "retry", detail: "\(step): \(error); next attempt at \(retry)", at: instant)
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Raises the alert that a contingency document is close to DIAN's 48-hour limit, once.
    public func raiseContingencyAlert(number: String, detail: String, at instant: Date) throws {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                let rows = try db.query(
                    "UPDATE documents SET contingency_alerted = 1 WHERE number = ? AND contingency_alerted = 0 RETURNING number",
                    [.text(number)])
                if !rows.isEmpty { try Self.insertEvent(db, number: number, kind: "alert", detail: detail, at: instant) }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Replaces a rejected document with its corrected version under the same number and ERP reference.
    ///
    /// - Returns: false when the document is not rejected (nothing is changed then).
    public func replaceRejected(number: String, with content: IssuedContent, at instant: Date) throws -> Bool {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                let rows = try db.query("SELECT status FROM documents WHERE number = ?", [.text(number)])
                guard rows.first?[0].string == "rejected" else {
                    try db.execute("ROLLBACK")
                    return false
                }
                let document = content.document
                try db.query(
                    """
                    UPDATE documents SET status = ?, unique_code = ?, issue_date = ?, buyer_name = ?, buyer_id = ?, payable = ?,
                        attempts = 0, next_attempt_epoch = 0, failing_since_epoch = NULL, last_error = NULL,
                        contingency = 0, delivered = 0, print_target = ?, requested_by = ?
                    WHERE number = ?
                    """,
                    [
                        .text(content.state), .text(document.uniqueCode ?? ""), .text(document.issueDate.iso),
                        .text(document.customer.name), .text(document.customer.identification.number),
                        .text(document.totals.payableAmount.fixed2), content.printTarget.map(SQLValue.text) ?? .null,
                        content.requestedBy.map(SQLValue.text) ?? .null, .text(number),
                    ])
                try db.query("DELETE FROM files WHERE number = ?", [.text(number)])
                var files: [(DocumentFile, [UInt8])] = [(.xml, content.xml)]
                if let source = content.source { files.append((.source, source)) }
                if let pdf = content.pdf { files.append((.pdf, pdf)) }
                for (file, bytes) in files {
                    try db.query("INSERT INTO files(number, kind, bytes) VALUES(?, ?, ?)", [.text(number), .text(file.rawValue), .blob(bytes)])
                }
                try Self.insertEvent(
                    db, number: number, kind: "corrected",
                    detail: "corrected resend under the same number; \(document.kind.uniqueCodeName) \(document.uniqueCode ?? "")",
                    at: instant)
                try db.execute("COMMIT")
                return true
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    static func decodeIssuance(_ row: [SQLValue]) -> IssuanceRecord? {
        guard row.count == 15, let kind = row[2].string.flatMap(DocumentKind.init(rawValue:)) else { return nil }
        return IssuanceRecord(
            number: row[0].string ?? "", company: row[1].string ?? "", kind: kind, state: row[3].string ?? "",
            sequence: row[4].int ?? 0, issueDate: row[5].string ?? "", uniqueCode: row[6].string ?? "",
            attempts: row[7].int ?? 0, nextAttempt: Date(timeIntervalSince1970: TimeInterval(row[8].int ?? 0)),
            failingSince: row[9].int.map { Date(timeIntervalSince1970: TimeInterval($0)) }, lastError: row[10].string,
            contingency: (row[11].int ?? 0) != 0,
            contingencySince: row[13].int.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            contingencyAlerted: (row[14].int ?? 0) != 0, delivered: (row[12].int ?? 0) != 0)
    }
}
