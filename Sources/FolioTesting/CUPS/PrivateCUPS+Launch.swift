import Foundation
import Glibc
import Synchronization

extension PrivateCUPS {
    /// The set-up script: `FOLIO_PRIVATE_CUPS_SCRIPT`, else `scripts/private-cups.sh` in this package.
    static func scriptPath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["FOLIO_PRIVATE_CUPS_SCRIPT"] { return try requireTool(path) }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }  // CUPS/, FolioTesting/, Sources/
        return try requireTool(root.appending(path: "scripts/private-cups.sh").path)
    }

    /// Writes the configuration, starts every daemon, waits until each listens, and adds the queues.
    func launch() throws {
        let config = try TestProcess.run(script, ["config", directory.path, String(port)])
        guard config.status == 0 else {
            throw TestSupportError(.commandFailed, "private-cups.sh config failed: \(config.stderr)")
        }
        let dbus = try spawnDaemon(["run-dbus", directory.path], log: "dbus.log")
        daemons.withLock { $0.dbus = dbus }
        let socket = directory.appending(path: "dbus.sock").path
        try waitUntil("the private D-Bus bus", process: dbus, log: log("dbus.log")) {
            FileManager.default.fileExists(atPath: socket)
        }
        for name in printers {
            let printerPort = try freePort()
            daemons.withLock { $0.printers[name] = Printer(port: printerPort, generation: 0) }
            try spawnPrinter(name)
        }
        let cupsd = try spawnDaemon(["run-cupsd", directory.path], log: "cupsd.log")
        daemons.withLock { $0.cupsd = cupsd }
        try writePID(cupsd, name: "cupsd")
        try writePID(dbus, name: "dbus")
        let watchdog = try spawnDaemon(["watch", directory.path, String(getpid())], log: "watch.log")
        daemons.withLock { $0.watchdog = watchdog }
        for name in printers { try waitForPrinter(name) }
        try waitUntil("cupsd on port \(port)", process: cupsd, log: errorLog) { cupsd.isListening(onPort: port) }
        for name in printers {
            let printerPort = daemons.withLock { $0.printers[name]!.port }
            let added = try TestProcess.run(script, ["add-queue", directory.path, name, String(printerPort)])
            guard added.status == 0 else {
                throw TestSupportError(
                    .commandFailed, "lpadmin could not add queue \(name): \(added.stderr) — see \(errorLog.path)")
            }
        }
    }

    /// Stops cupsd (SIGTERM: it keeps its queued jobs in its spool) and, after `downFor`, starts it again on the
    /// same port and configuration: "CUPS itself restarted mid-job".
    /// - Throws: ``TestSupportError`` if cupsd does not come back.
    public func restartCUPS(downFor pause: Duration = .zero, whileDown: () async throws -> Void = {}) async throws {
        let old = daemons.withLock { daemons in
            defer { daemons.cupsd = nil }
            return daemons.cupsd
        }
        _ = old?.terminate(timeout: .seconds(10))
        try await whileDown()
        try await Task.sleep(for: pause)
        let cupsd = try spawnDaemon(["run-cupsd", directory.path], log: "cupsd-restarted.log")
        daemons.withLock { $0.cupsd = cupsd }
        try writePID(cupsd, name: "cupsd")
        do {
            try waitUntil("cupsd on port \(port) after a restart", process: cupsd, log: errorLog) { cupsd.isListening(onPort: port) }
        } catch let failure as DaemonExited {
            throw failure.error
        }
    }

    /// Spawns the printer's next generation: a new spool directory `printers/NAME/GEN`, same port.
    func spawnPrinter(_ name: String) throws {
        let (printerPort, generation) = daemons.withLock { daemons in
            daemons.printers[name]!.generation += 1
            return (daemons.printers[name]!.port, daemons.printers[name]!.generation)
        }
        let spool = directory.appending(path: "printers/\(name)/\(generation)")
        let process = try spawnDaemon(
            ["run-printer", directory.path, name, String(printerPort), spool.path], log: "printer-\(name)-\(generation).log")
        daemons.withLock { $0.printers[name]!.process = process }
        try writePID(process, name: "printer-\(name)")
    }

    /// Waits until the printer's current process listens on its port.
    func waitForPrinter(_ name: String) throws {
        let printer = daemons.withLock { $0.printers[name]! }
        guard let process = printer.process else { return }
        let log = log("printer-\(name)-\(printer.generation).log")
        try waitUntil("ippeveprinter \(name) on port \(printer.port)", process: process, log: log) {
            process.isListening(onPort: printer.port)
        }
    }

    func log(_ name: String) -> URL { directory.appending(path: "log/\(name)") }

    private func spawnDaemon(_ arguments: [String], log name: String) throws -> TestProcess {
        try TestProcess.spawn(script, arguments, standardOutput: log(name), standardError: log(name))
    }

    /// Records a pid where `scripts/private-cups.sh stop DIR` finds it, for clean-up after a crashed test run.
    private func writePID(_ process: TestProcess, name: String) throws {
        let pids = directory.appending(path: "pids")
        try FileManager.default.createDirectory(at: pids, withIntermediateDirectories: true)
        try "\(process.pid)\n".write(to: pids.appending(path: "\(name).pid"), atomically: true, encoding: .utf8)
    }

    /// Polls `ready` every 10 ms; fails at once if `process` exits (``DaemonExited``), or after `timeout`.
    private func waitUntil(
        _ what: String, process: TestProcess, log: URL, timeout: Duration = .seconds(15), _ ready: () -> Bool
    ) throws {
        let deadline = ContinuousClock.now + timeout
        while !ready() {
            if let status = process.exitStatus {
                throw DaemonExited(
                    error: TestSupportError(
                        .notReady, "\(what) exited with status \(TestProcess.exitCode(status)) — see \(log.path)"))
            }
            guard ContinuousClock.now < deadline else {
                throw TestSupportError(.notReady, "\(what) was not ready after \(timeout) — see \(log.path)")
            }
            usleep(10_000)
        }
    }
}

/// A daemon exited before it was ready — usually because another process took its port first.
struct DaemonExited: Error {
    var error: TestSupportError
}
