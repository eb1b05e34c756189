public import DocumentModel
public import Foundation

/// What the store keeps about one issued document (the XML and PDF are kept beside it as files).
public struct StoredDocument: Sendable, Hashable, Codable {
    public var company: String
    public var erpReference: String
    public var number: String
    public var kind: DocumentKind
    public var uniqueCode: String
    public var status: String
    public var issueDate: String
    public var buyerName: String
    public var buyerID: String
    public var payable: String
    public var createdAt: String
}

/// One entry of a document's timeline.
public struct DocumentEvent: Sendable, Hashable, Codable {
    public var at: String
    public var kind: String
    public var detail: String
}

/// What an issue request turned into.
public enum IssueOutcome: Sendable {
    /// A new number was taken and the document stored.
    case created(StoredDocument)
    /// The same ERP reference was issued before: its first result, untouched.
    case existing(StoredDocument)
}

/// The content the store saves for a newly numbered document, all in the transaction that takes the number.
public struct IssuedContent: Sendable {
    public var document: ElectronicDocument
    public var xml: [UInt8]
    /// The graphic representation, when it was rendered before the number was committed.
    public var pdf: [UInt8]?
    /// What to say of the rendering on the timeline (`PDF 3 pages, 81234 bytes`).
    public var renderNote: String?
    /// The ERP request the document was built from.
    public var source: [UInt8]?
    /// The issuance state the document starts in.
    public var state: String
    /// The printer the request asked for, instead of the company's default.
    public var printTarget: String?
    /// Who asked for the document (`erp`, `cli`, a user), recorded on its first print job.
    public var requestedBy: String?

    public init(
        document: ElectronicDocument, xml: [UInt8], pdf: [UInt8]? = nil, renderNote: String? = nil,
        source: [UInt8]? = nil, state: String = "numbered", printTarget: String? = nil, requestedBy: String? = nil
    ) {
        self.requestedBy = requestedBy
        self.printTarget = printTarget
        self.document = document
        self.xml = xml
        self.pdf = pdf
        self.renderNote = renderNote
        self.source = source
        self.state = state
    }
}

/// The files kept per document.
public enum DocumentFile: String, Sendable, CaseIterable {
    /// The document's XML as it stands: unsigned until the `sign` step, then the exact signed bytes.
    case xml
    /// The graphic representation.
    case pdf
    /// The ERP's request as received, so a re-dated or contingency document is rebuilt from the same data.
    case source
    /// DIAN's ApplicationResponse (the verdict), exactly as returned.
    case applicationResponse = "application-response"
    /// The signed AttachedDocument (signed invoice + DIAN's verdict) sent to the buyer.
    case attachedDocument = "attached-document"
}

/// Folio's embedded store: SQLite (WAL) under a data directory. Documents, their XML and PDF, the event
/// timeline, numbering counters and the print queue.
///
/// Every call is serialised behind one lock around one connection; numbering and idempotency are decided
/// inside a single `BEGIN IMMEDIATE` transaction, so two requests with the same ERP reference never take two
/// numbers, and a document whose build fails leaves its number unused.
public final class DocumentStore: @unchecked Sendable {
    // @unchecked: the connection is only ever touched while `lock` is held (see withConnection).
    private let connection: SQLiteConnection
    private let lock = NSLock()
    public let directory: String

    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try SQLiteConnection(path: directory + "/folio.sqlite")
        try StoreSchema.migrate(database)
        connection = database
        self.directory = directory
    }

    func withConnection<R>(_ body: (SQLiteConnection) throws -> R) throws -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }

    /// Issues a document for `(company, erpReference)` exactly once.
    ///
    /// - Parameters:
    ///   - resolution: the numbering resolution; its `from` seeds the counter the first time.
    ///   - build: makes the document for a sequence number; if it throws, nothing is stored and the number stays free.
    /// - Throws: `NumberingResolution.Refusal.exhausted` when the range is used up, or what `build` throws.
    public func issue(
        company: String, erpReference: String, resolution: NumberingResolution, at instant: Date,
        build: (Int) throws -> IssuedContent
    ) throws -> IssueOutcome {
        try withConnection { db in
            try db.execute("BEGIN IMMEDIATE")
            do {
                if let existing = try Self.document(db, where: "company = ? AND erp_reference = ?", [.text(company), .text(erpReference)]) {
                    try db.execute("ROLLBACK")
                    return .existing(existing)
                }
                let rows = try db.query(
                    "SELECT next FROM numbering WHERE company = ? AND prefix = ?", [.text(company), .text(resolution.prefix)])
                let sequence = rows.first?[0].int ?? resolution.from
                if sequence > resolution.to { throw NumberingResolution.Refusal.exhausted(last: resolution.to) }
                let content = try build(sequence)
                let document = content.document
                let stored = StoredDocument(
                    company: company, erpReference: erpReference, number: document.number, kind: document.kind,
                    uniqueCode: document.uniqueCode ?? "", status: content.state, issueDate: document.issueDate.iso,
                    buyerName: document.customer.name, buyerID: document.customer.identification.number,
                    payable: document.totals.payableAmount.fixed2, createdAt: Timestamp.iso(instant))
                try db.query(
                    "INSERT INTO numbering(company, prefix, next) VALUES(?, ?, ?) ON CONFLICT(company, prefix) DO UPDATE SET next = excluded.next",
                    [.text(company), .text(resolution.prefix), .integer(Int64(sequence + 1))])
                try db.query(
                    """
                    INSERT INTO documents(company, erp_reference, number, kind, unique_code, status, issue_date, buyer_name, buyer_id, payable, created_at, sequence, print_target, requested_by)
                    VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(company), .text(erpReference), .text(stored.number), .text(stored.kind.rawValue),
                        .text(stored.uniqueCode), .text(stored.status), .text(stored.issueDate), .text(stored.buyerName),
                        .text(stored.buyerID), .text(stored.payable), .text(stored.createdAt), .integer(Int64(sequence)),
                        content.printTarget.map(SQLValue.text) ?? .null, content.requestedBy.map(SQLValue.text) ?? .null,
                    ])
                if let source = content.source {
                    try db.query(
                        "INSERT INTO files(number, kind, bytes) VALUES(?, 'source', ?)", [.text(stored.number), .blob(source)])
                }
                try db.query(
                    "INSERT INTO files(number, kind, bytes) VALUES(?, 'xml', ?)", [.text(stored.number), .blob(content.xml)])
                try Self.insertEvent(db, number: stored.number, kind: "received", detail: "ERP reference \(erpReference)", at: instant)
                try Self.insertEvent(
                    db, number: stored.number, kind: "issued",
                    detail: "\(document.kind.uniqueCodeName) \(stored.uniqueCode), payable \(stored.payable)", at: instant)
                if let pdf = content.pdf {
                    try db.query("INSERT INTO files(number, kind, bytes) VALUES(?, 'pdf', ?)", [.text(stored.number), .blob(pdf)])
                    try Self.insertEvent(db, number: stored.number, kind: "rendered", detail: content.renderNote ?? "PDF", at: instant)
                }
                try db.execute("COMMIT")
                return .created(stored)
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    public func document(number: String) throws -> StoredDocument? {
        try withConnection { try Self.document($0, where: "number = ?", [.text(number)]) }
    }

    public func document(company: String, erpReference: String) throws -> StoredDocument? {
        try withConnection {
            try Self.document($0, where: "company = ? AND erp_reference = ?", [.text(company), .text(erpReference)])
        }
    }

    /// The most recent documents, newest first.
    public func recentDocuments(limit: Int) throws -> [StoredDocument] {
        try withConnection { db in
            try db.query("SELECT \(Self.columns) FROM documents ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))])
                .compactMap(Self.decode)
        }
    }

    public func save(_ file: DocumentFile, _ bytes: [UInt8], number: String) throws {
        _ = try withConnection { db in
            try db.query(
                "INSERT INTO files(number, kind, bytes) VALUES(?, ?, ?) ON CONFLICT(number, kind) DO UPDATE SET bytes = excluded.bytes",
                [.text(number), .text(file.rawValue), .blob(bytes)])
        }
    }

    public func file(_ file: DocumentFile, number: String) throws -> [UInt8]? {
        try withConnection { db in
            try db.query("SELECT bytes FROM files WHERE number = ? AND kind = ?", [.text(number), .text(file.rawValue)])
                .first?[0].bytes
        }
    }

    public func addEvent(number: String, kind: String, detail: String, at instant: Date) throws {
        _ = try withConnection { try Self.insertEvent($0, number: number, kind: kind, detail: detail, at: instant) }
    }

    public func events(number: String) throws -> [DocumentEvent] {
        try withConnection { db in
            try db.query("SELECT at, kind, detail FROM events WHERE number = ? ORDER BY id", [.text(number)]).map {
                DocumentEvent(at: $0[0].string ?? "", kind: $0[1].string ?? "", detail: $0[2].string ?? "")
            }
        }
    }

    // MARK: rows

    static let columns =
        "company, erp_reference, number, kind, unique_code, status, issue_date, buyer_name, buyer_id, payable, created_at"

    static func document(_ db: SQLiteConnection, where condition: String, _ values: [SQLValue]) throws -> StoredDocument? {
        try db.query("SELECT \(columns) FROM documents WHERE \(condition)", values).first.flatMap(decode)
    }

    static func decode(_ row: [SQLValue]) -> StoredDocument? {
        guard row.count == 11, let kind = row[3].string.flatMap(DocumentKind.init(rawValue:)) else { return nil }
        return StoredDocument(
            company: row[0].string ?? "", erpReference: row[1].string ?? "", number: row[2].string ?? "", kind: kind,
            uniqueCode: row[4].string ?? "", status: row[5].string ?? "", issueDate: row[6].string ?? "",
            buyerName: row[7].string ?? "", buyerID: row[8].string ?? "", payable: row[9].string ?? "",
            createdAt: row[10].string ?? "")
    }

    static func insertEvent(_ db: SQLiteConnection, number: String, kind: String, detail: String, at instant: Date) throws {
        try db.query(
            "INSERT INTO events(number, at, kind, detail) VALUES(?, ?, ?, ?)",
            [.text(number), .text(Timestamp.iso(instant)), .text(kind), .text(detail)])
    }
}

/// UTC timestamps as ISO 8601 text, from an injected instant (never `Date()` here).
public enum Timestamp {
    public static func iso(_ instant: Date) -> String { CivilTime.iso8601UTC(instant) }
}
