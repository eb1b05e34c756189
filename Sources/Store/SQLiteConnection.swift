import CSQLite
import Foundation

/// A failed SQLite call, with SQLite's own message and the statement involved.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case open, statement, constraint, busy, notFound, corrupt
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "store \(code.rawValue): \(message)" }
}

/// A value bound to or read from a SQLite statement.
enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null
}

/// One SQLite connection (`sqlite3*`), owned and closed in `deinit`. Not thread-safe by itself: the store
/// serialises every use behind its lock.
final class SQLiteConnection {
    private let handle: OpaquePointer

    init(path: String) throws(StoreError) {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(pointer)
            throw StoreError(code: .open, message: "cannot open \(path): \(message)")
        }
        handle = pointer
        sqlite3_busy_timeout(handle, 5_000)
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(StoreError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if status != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw error(status, message, sql)
        }
    }

    /// Runs one statement with bound values and returns every row.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws(StoreError) -> [[SQLValue]] {
        var statement: OpaquePointer?
        var status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, String(cString: sqlite3_errmsg(handle)), sql) }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .text(let text):
                // An explicit byte length: with -1 SQLite would stop at an embedded NUL ("A\0B" would match "A").
                let bytes = Array(text.utf8)
                if bytes.isEmpty {
                    status = sqlite3_bind_text(statement, index, "", 0, transient)
                } else {
                    status = bytes.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), transient) }
                    }
                }
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
                if bytes.isEmpty { status = sqlite3_bind_zeroblob(statement, index, 0) }
            case .null: status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw error(status, String(cString: sqlite3_errmsg(handle)), sql) }
        }
        var rows: [[SQLValue]] = []
        while true {
            status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw error(status, String(cString: sqlite3_errmsg(handle)), sql) }
            let count = sqlite3_column_count(statement)
            var row: [SQLValue] = []
            row.reserveCapacity(Int(count))
            for column in 0..<count {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_NULL: row.append(.null)
                case SQLITE_BLOB:
                    let length = Int(sqlite3_column_bytes(statement, column))
                    if length == 0 {
                        row.append(.blob([]))
                    } else {
                        let base = sqlite3_column_blob(statement, column)!.assumingMemoryBound(to: UInt8.self)
                        row.append(.blob(Array(UnsafeBufferPointer(start: base, count: length))))
                    }
                default: row.append(.text(String(cString: sqlite3_column_text(statement, column))))
                }
            }
            rows.append(row)
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func error(_ status: Int32, _ message: String, _ sql: String) -> StoreError {
        let code: StoreError.Code =
            switch status & 0xff {
            case SQLITE_CONSTRAINT: .constraint
            case SQLITE_BUSY, SQLITE_LOCKED: .busy
            case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt
            default: .statement
            }
        let head = sql.split(separator: "\n").first.map(String.init) ?? sql
        return StoreError(code: code, message: "\(message) [\(head.prefix(80))]")
    }
}

extension SQLValue {
    var int: Int? { if case .integer(let value) = self { Int(value) } else { nil } }
    var string: String? { if case .text(let value) = self { value } else { nil } }
    var bytes: [UInt8]? {
        switch self {
        case .blob(let value): value
        case .text(let value): Array(value.utf8)
        default: nil
        }
    }
}
