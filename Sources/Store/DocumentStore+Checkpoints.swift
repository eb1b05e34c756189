import Foundation

/// Runs the store's WAL checkpoints on a connection of its own, so that their `fsync`s are paid by a
/// background task instead of by whichever request's commit crosses SQLite's auto-checkpoint threshold (which
/// put 20 ms on the p99 of enqueueing a print job).
public final class StoreCheckpointer: @unchecked Sendable {
    // @unchecked: the connection is only touched while `lock` is held.
    private let connection: SQLiteConnection
    private let lock = NSLock()
    private let store: DocumentStore

    init(store: DocumentStore) throws {
        self.store = store
        connection = try SQLiteConnection(path: store.directory + "/folio.sqlite")
        try store.withConnection { try $0.execute("PRAGMA wal_autocheckpoint=0") }
    }

    /// Copies committed pages from the WAL into the database. PASSIVE: it neither waits for nor blocks the
    /// store's readers and writers. Blocks for the `fsync`: call it off the cooperative pool.
    public func checkpoint() {
        lock.lock()
        defer { lock.unlock() }
        try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Gives checkpointing back to the store's own commits (SQLite's default threshold).
    public func stop() {
        checkpoint()
        try? store.withConnection { try $0.execute("PRAGMA wal_autocheckpoint=1000") }
    }
}

extension DocumentStore {
    /// Turns off checkpointing on commit and returns the checkpointer that must then run periodically
    /// (the print worker does, every second) and be stopped at the end.
    public func backgroundCheckpointer() throws -> StoreCheckpointer {
        try StoreCheckpointer(store: self)
    }
}
