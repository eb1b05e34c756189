public import Foundation
import Synchronization

extension PrivateCUPS {
    /// The documents a printer has received and finished "printing", oldest first (across restarts).
    ///
    /// ippeveprinter names them `JOBID-TITLE.pdf`. A document counts once its job attributes were recorded
    /// next to it (`DOCUMENT.env`, see ``jobAttributes(of:)``), so its bytes are complete.
    public func receivedFiles(printer: String) -> [URL] {
        let fileManager = FileManager.default
        let root = directory.appending(path: "printers/\(printer)")
        let generations = ((try? fileManager.contentsOfDirectory(atPath: root.path)) ?? [])
            .compactMap(Int.init).sorted()
        return generations.flatMap { generation -> [URL] in
            let spool = root.appending(path: String(generation))
            let names = (try? fileManager.contentsOfDirectory(atPath: spool.path)) ?? []
            return names
                .filter { !$0.hasSuffix(".env") && !$0.hasSuffix(".env.part") && !$0.hasSuffix(".prn") && names.contains($0 + ".env") }
                .sorted { (jobNumber($0), $0) < (jobNumber($1), $1) }
                .map { spool.appending(path: $0) }
        }
    }

    /// Polls until the printer has at least `count` documents (see ``receivedFiles(printer:)``).
    /// - Throws: ``TestSupportError`` `timedOut`, listing what arrived and naming the logs.
    public func waitForFiles(printer: String, count: Int, timeout: Duration = .seconds(30)) throws -> [URL] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let files = receivedFiles(printer: printer)
            if files.count >= count { return files }
            guard ContinuousClock.now < deadline else {
                throw TestSupportError(
                    .timedOut,
                    "printer \(printer) received \(files.count) of \(count) documents in \(timeout) "
                        + "(\(files.map(\.lastPathComponent)))\n\(logTail())")
            }
            usleep(20_000)
        }
    }

    /// The IPP job attributes the printer saw for a received document, as ippeveprinter exports them to its
    /// print command: `IPP_COPIES`, `IPP_JOB_NAME`, `IPP_DOCUMENT_FORMAT_SUPPLIED`, …
    public func jobAttributes(of document: URL, timeout: TimeInterval = 15) -> [String: String] {
        // The printer's command writes the attributes beside the document once it has the whole file: under
        // load that can come a moment after the document itself appears.
        let sidecar = URL(fileURLWithPath: document.path + ".env")
        var text = ""
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            text = (try? String(contentsOf: sidecar, encoding: .utf8)) ?? ""
            if text.contains("IPP_") { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        var attributes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            attributes[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return attributes
    }

    /// Stops a printer's ippeveprinter (the printer is "off"); cupsd keeps its jobs and retries them.
    public func stopPrinter(_ printer: String) {
        let process = daemons.withLock { daemons in
            defer { daemons.printers[printer]?.process = nil }
            return daemons.printers[printer]?.process
        }
        process?.terminate()
    }

    /// Starts a stopped printer again on the same port, with a fresh spool directory (ippeveprinter numbers
    /// jobs from 1 again); ``receivedFiles(printer:)`` still lists the earlier documents first.
    /// - Throws: ``TestSupportError`` if the printer is unknown, running, or does not come up.
    public func startPrinter(_ printer: String) throws {
        let state = daemons.withLock { $0.printers[printer].map { $0.process != nil } }
        guard let isRunning = state else { throw TestSupportError(.notReady, "no printer \(printer) in \(directory.path)") }
        guard !isRunning else { throw TestSupportError(.notReady, "printer \(printer) is already running") }
        try spawnPrinter(printer)
        do {
            try waitForPrinter(printer)
        } catch let failure as DaemonExited {
            throw failure.error
        }
    }

    /// For failure messages (``stop()`` deletes the directory): cupsd's job, warning and error lines and
    /// the end of each printer's current log.
    public func logTail(lines: Int = 40) -> String {
        let errorLines = ((try? String(contentsOf: errorLog, encoding: .utf8)) ?? "").split(separator: "\n")
            .filter { $0.contains("[Job ") || $0.hasPrefix("E ") || $0.hasPrefix("W ") }
        let printerLogs = daemons.withLock { daemons in
            daemons.printers.sorted { $0.key < $1.key }.map { log("printer-\($0.key)-\($0.value.generation).log") }
        }
        var out: [String] = ["--- \(errorLog.path) (jobs, warnings, errors)"]
        out += errorLines.suffix(lines).map(String.init)
        for file in printerLogs {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? "(unreadable)"
            out.append("--- \(file.path)")
            out += text.split(separator: "\n").suffix(lines / 4).map(String.init)
        }
        return out.joined(separator: "\n")
    }

    private func jobNumber(_ name: String) -> Int {
        Int(name.prefix { $0.isNumber }) ?? Int.max
    }
}
