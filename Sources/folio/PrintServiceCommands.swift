import FolioApp
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `folio printers`, `folio jobs`, `folio jobs move` and `folio print NUMBER`: clients of a running
/// `folio serve` (its HTTP API), which owns the print queue — so a move or a reprint never races the worker.
/// The server is `--server URL`, else the address and port of `--config CONFIG`, else `FOLIO_SERVER`.
enum PrintServiceClient {
    static let serverOptions: Set<String> = ["server", "config"]

    static func base(_ args: CommandLineArguments) throws -> URL {
        if let server = args.options["server"] ?? (args.options["config"] == nil ? ProcessInfo.processInfo.environment["FOLIO_SERVER"] : nil) {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw CommandLineArguments.UsageError(description: "--server must be an http:// URL, not \"\(server)\"")
            }
            return url
        }
        guard let config = args.options["config"] else {
            throw CommandLineArguments.UsageError(description: "give --server URL or --config CONFIG (or set FOLIO_SERVER)")
        }
        let configuration = try FolioConfiguration.load(path: config)
        return URL(string: "http://\(configuration.server.address):\(configuration.server.port)")!
    }

    /// Sends a request and returns the decoded JSON object; an error answer becomes an error with its message.
    static func call(_ method: String, _ base: URL, _ path: String, query: [URLQueryItem] = [], body: [String: Any]? = nil)
        async throws -> [String: Any]
    {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(ProcessInfo.processInfo.environment["USER"] ?? "cli", forHTTPHeaderField: "X-Folio-User")
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw InputError(description: "cannot reach folio serve at \(base.absoluteString) (\(error.localizedDescription))")
        }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let message = (object["error"] as? [String: Any])?["message"] as? String ?? String(decoding: data, as: UTF8.self)
            throw InputError(description: "\(method) \(path): \(status): \(message)")
        }
        return object
    }

    /// Columns padded to their widest cell.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case let value as String: value
        case let value as Int: String(value)
        case let value as Bool: value ? "yes" : "no"
        default: "-"
        }
    }
}

enum PrintersCommand {
    static func run(_ rest: ArraySlice<String>) async throws {
        let args = try CommandLineArguments(rest, options: PrintServiceClient.serverOptions)
        guard args.positional.isEmpty else { throw CommandLineArguments.UsageError(description: "printers takes no arguments") }
        let answer = try await PrintServiceClient.call("GET", try PrintServiceClient.base(args), "v1/printers")
        let printers = answer["printers"] as? [[String: Any]] ?? []
        var rows = [["PRINTER", "CUPS", "ACCEPTING", "WAITING", "IN-CUPS", "ALERTS", "PRINTED", "MESSAGE / LAST ERROR"]]
        for printer in printers {
            let t = { PrintServiceClient.text(printer[$0]) }
            let message = [printer["cups_message"], printer["last_error"]].compactMap { $0 as? String }.joined(separator: " / ")
            rows.append([t("printer"), t("cups_state"), t("accepting_jobs"), t("waiting"), t("in_cups"), t("alerts"), t("completed"),
                         message.isEmpty ? "-" : message])
        }
        print(PrintServiceClient.table(rows))
    }
}

enum JobsCommand {
    static func run(_ rest: ArraySlice<String>) async throws {
        if rest.first == "move" { return try await move(rest.dropFirst()) }
        let args = try CommandLineArguments(rest, options: PrintServiceClient.serverOptions.union(["status", "limit"]))
        guard args.positional.isEmpty else { throw CommandLineArguments.UsageError(description: "jobs takes no arguments (or: jobs move ID --printer P)") }
        var query: [URLQueryItem] = []
        if let status = args.options["status"] { query.append(URLQueryItem(name: "status", value: status)) }
        if let limit = args.options["limit"] { query.append(URLQueryItem(name: "limit", value: limit)) }
        let answer = try await PrintServiceClient.call("GET", try PrintServiceClient.base(args), "v1/print-jobs", query: query)
        var rows = [["ID", "NUMBER", "PRINTER", "STATUS", "CUPS-JOB", "CUPS-STATE", "COPIES", "REASON", "BY", "ALERT / ERROR"]]
        for job in answer["print_jobs"] as? [[String: Any]] ?? [] {
            let t = { PrintServiceClient.text(job[$0]) }
            let problem = (job["alert"] as? String) ?? (job["error"] as? String) ?? "-"
            rows.append([t("id"), t("number"), t("printer"), t("status"), t("cups_job_id"), t("cups_state"), t("copies"), t("reason"),
                         t("requested_by"), problem])
        }
        print(PrintServiceClient.table(rows))
    }

    static func move(_ rest: ArraySlice<String>) async throws {
        let args = try CommandLineArguments(rest, options: PrintServiceClient.serverOptions.union(["printer"]))
        guard args.positional.count == 1, let id = Int(args.positional[0]), let printer = args.options["printer"] else {
            throw CommandLineArguments.UsageError(description: "jobs move needs a job ID and --printer QUEUE")
        }
        let moved = try await PrintServiceClient.call(
            "POST", try PrintServiceClient.base(args), "v1/print-jobs/\(id)/move", body: ["printer": printer])
        print("job \(id) moved to \(printer) as job \(PrintServiceClient.text(moved["id"]))")
    }
}

enum ReprintCommand {
    /// `folio print NUMBER --printer P [--copies N] [--reason TEXT]`: a reprint ("COPIA") through the server.
    static func run(_ rest: ArraySlice<String>) async throws {
        let args = try CommandLineArguments(rest, options: PrintServiceClient.serverOptions.union(["printer", "copies", "reason"]))
        guard args.positional.count == 1 else {
            throw CommandLineArguments.UsageError(description: "print needs a document NUMBER (or FILE.pdf)")
        }
        var body: [String: Any] = [:]
        if let printer = args.options["printer"] { body["printer"] = printer }
        if let copies = args.options["copies"] {
            guard let value = Int(copies) else { throw CommandLineArguments.UsageError(description: "--copies must be a number from 1 to 99") }
            body["copies"] = value
        }
        if let reason = args.options["reason"] { body["reason"] = reason }
        let number = args.positional[0]
        let job = try await PrintServiceClient.call(
            "POST", try PrintServiceClient.base(args), "v1/documents/\(number)/reprint", body: body)
        let copies = job["copies"] as? Int ?? 1
        print("\(number): reprint queued as job \(PrintServiceClient.text(job["id"])) on \(PrintServiceClient.text(job["printer"])), \(copies) cop\(copies == 1 ? "y" : "ies")")
    }
}

enum BatchCommand {
    /// `folio batch --date today --warehouse 3 …` creates a batch; `folio batch ID` shows its progress.
    static func run(_ rest: ArraySlice<String>) async throws {
        let args = try CommandLineArguments(
            rest, options: PrintServiceClient.serverOptions.union(["date", "company", "warehouse", "branch", "type", "printer", "copies"]))
        let base = try PrintServiceClient.base(args)
        let batch: [String: Any]
        if let id = args.positional.first {
            guard args.positional.count == 1, Int(id) != nil else { throw CommandLineArguments.UsageError(description: "batch ID must be a number") }
            batch = try await PrintServiceClient.call("GET", base, "v1/print-batches/\(id)")
        } else {
            guard let date = args.options["date"] else {
                throw CommandLineArguments.UsageError(description: "batch needs --date YYYY-MM-DD|today (to create one) or a batch ID")
            }
            var body: [String: Any] = ["date": date]
            for key in ["company", "warehouse", "branch", "type", "printer"] { body[key] = args.options[key] }
            if let copies = args.options["copies"] {
                guard let value = Int(copies) else { throw CommandLineArguments.UsageError(description: "--copies must be a number from 1 to 99") }
                body["copies"] = value
            }
            batch = try await PrintServiceClient.call("POST", base, "v1/print-batches", body: body)
        }
        let t = { PrintServiceClient.text(batch[$0]) }
        print("batch \(t("id")): \(t("description")), by \(t("requested_by"))")
        print("  \(t("documents")) documents, \(t("jobs")) jobs, in this order: \((batch["numbers"] as? [String] ?? []).joined(separator: " "))")
        for (label, key) in [("printers", "printers"), ("status", "statuses")] {
            let counts = (batch[key] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \(PrintServiceClient.text($0.value))" }
            print("  \(label): \(counts.isEmpty ? "-" : counts.joined(separator: ", "))")
        }
        if let unrouted = batch["unrouted"] as? [String], !unrouted.isEmpty {
            print("  no printer for: \(unrouted.joined(separator: " "))")
        }
    }
}
