/// The store's tables, created or upgraded in order; `PRAGMA user_version` records the last step applied.
enum StoreSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            erp_reference TEXT NOT NULL,
            number TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            unique_code TEXT NOT NULL,
            status TEXT NOT NULL,
            issue_date TEXT NOT NULL,
            buyer_name TEXT NOT NULL,
            buyer_id TEXT NOT NULL,
            payable TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE(company, erp_reference)
        );
        CREATE TABLE files(
            number TEXT NOT NULL REFERENCES documents(number),
            kind TEXT NOT NULL,
            bytes BLOB NOT NULL,
            PRIMARY KEY(number, kind)
        );
        CREATE TABLE events(
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX events_by_number ON events(number, id);
        CREATE TABLE numbering(
            company TEXT NOT NULL,
            prefix TEXT NOT NULL,
            next INTEGER NOT NULL,
            PRIMARY KEY(company, prefix)
        );
        CREATE TABLE print_jobs(
            id INTEGER PRIMARY KEY,
            job_key TEXT NOT NULL UNIQUE,
            number TEXT NOT NULL,
            printer TEXT NOT NULL,
            copies INTEGER NOT NULL,
            reason TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            status TEXT NOT NULL,
            cups_job_id INTEGER,
            error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX print_jobs_queued ON print_jobs(status, id);
        """,
        // Retries with back-off, and the state CUPS reports for a submitted job.
        """
        ALTER TABLE print_jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE print_jobs ADD COLUMN next_attempt_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE print_jobs ADD COLUMN cups_state TEXT;
        CREATE INDEX print_jobs_by_printer ON print_jobs(printer, status, id);
        """,
        // Issuance as resumable stages: the state lives in documents.status; retries are per document.
        """
        ALTER TABLE documents ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN next_attempt_epoch INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN failing_since_epoch INTEGER;
        ALTER TABLE documents ADD COLUMN last_error TEXT;
        ALTER TABLE documents ADD COLUMN contingency INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN contingency_since_epoch INTEGER;
        ALTER TABLE documents ADD COLUMN contingency_alerted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN delivered INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN print_target TEXT;
        ALTER TABLE documents ADD COLUMN requested_by TEXT;
        UPDATE documents SET status = 'delivered', delivered = 1 WHERE status = 'issued';
        CREATE INDEX documents_in_issuance ON documents(status, next_attempt_epoch);
        """,
        // Print service: since when a job's state has not changed, its alert (stuck), the job it moved to, and
        // why it was asked for (a reprint's reason); media, sides and layout variant chosen by the routing rules;
        // each document's warehouse and branch (from the ERP) and print batches.
        // Touches only print_jobs (independent of other migrations).
        """
        ALTER TABLE print_jobs ADD COLUMN state_since TEXT NOT NULL DEFAULT '';
        ALTER TABLE print_jobs ADD COLUMN alert TEXT;
        ALTER TABLE print_jobs ADD COLUMN moved_to INTEGER;
        ALTER TABLE print_jobs ADD COLUMN note TEXT;
        ALTER TABLE print_jobs ADD COLUMN media TEXT;
        ALTER TABLE print_jobs ADD COLUMN sides TEXT;
        ALTER TABLE print_jobs ADD COLUMN layout TEXT;
        ALTER TABLE print_jobs ADD COLUMN batch_id INTEGER;
        CREATE TABLE print_context(
            number TEXT PRIMARY KEY,
            company TEXT NOT NULL,
            kind TEXT NOT NULL,
            issue_date TEXT NOT NULL,
            warehouse TEXT,
            branch TEXT
        );
        CREATE INDEX print_context_by_day ON print_context(issue_date, company, warehouse);
        CREATE TABLE print_batches(
            id INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX print_jobs_by_batch ON print_jobs(batch_id, id);
        CREATE INDEX print_jobs_by_number ON print_jobs(number, id);
        CREATE INDEX print_jobs_waiting ON print_jobs(printer, id) WHERE status IN ('queued', 'submitting');
        CREATE INDEX print_jobs_retrying ON print_jobs(id) WHERE attempts > 0 AND status IN ('queued', 'submitting');
        UPDATE print_jobs SET state_since = updated_at;
        """,
    ]

    static func migrate(_ db: SQLiteConnection) throws(StoreError) {
        let version = try db.query("PRAGMA user_version").first?[0].int ?? 0
        guard version < migrations.count else { return }
        for (index, step) in migrations.enumerated().dropFirst(version) {
            try db.execute("BEGIN IMMEDIATE")
            do {
                try db.execute(step)
                try db.execute("PRAGMA user_version = \(index + 1)")
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }
}
