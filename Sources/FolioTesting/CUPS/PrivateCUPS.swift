public import Foundation
import Glibc
import Synchronization

/// A private CUPS set-up for tests, in its own directory under /tmp: a `cupsd` on a free loopback port with
/// one IPP Everywhere queue per printer, each queue sending to its own `ippeveprinter`, which keeps every
/// document it receives. A private D-Bus bus serves the printers; no system daemon is touched.
///
/// ```swift
/// let cups = try PrivateCUPS.start(printers: ["bodega1"])
/// defer { cups.stop() }
/// // print to cups.server, then:
/// let documents = try cups.waitForFiles(printer: "bodega1", count: 1)
/// ```
/// The set-up itself (configuration, command lines) lives in `scripts/private-cups.sh`, which the demo uses
/// too; this class spawns the script's `run-*` commands (which `exec` the daemons) so that it owns and reaps
/// every daemon; should the test process die first, the script's `watch` command stops them. Requires root,
/// like cupsd. Set `FOLIO_KEEP_TEST_DIRS=1` to keep the directory after `stop()`.
public final class PrivateCUPS: Sendable {
    /// The directory holding configuration, spool, logs and received documents.
    public let directory: URL
    /// The cupsd port on 127.0.0.1.
    public let port: UInt16
    /// The printer (queue) names.
    public let printers: [String]
    let script: String
    let daemons: Mutex<Daemons>

    struct Printer {
        var port: UInt16
        var generation: Int
        var process: TestProcess?
    }

    struct Daemons {
        var watchdog: TestProcess?
        var dbus: TestProcess?
        var cupsd: TestProcess?
        var printers: [String: Printer] = [:]
    }

    /// The server for libcups and `lp -h`: `127.0.0.1:PORT`.
    public var server: String { "127.0.0.1:\(port)" }
    /// cupsd's error log; every thrown error names it.
    public var errorLog: URL { directory.appending(path: "log/error_log") }

    private init(directory: URL, port: UInt16, printers: [String], script: String) {
        self.directory = directory
        self.port = port
        self.printers = printers
        self.script = script
        self.daemons = Mutex(Daemons())
    }

    /// Starts the private D-Bus bus, one `ippeveprinter` per printer, cupsd, and adds the queues.
    /// - Parameter printers: Queue names made of letters, digits, `_`, `.` and `-`.
    /// - Throws: ``TestSupportError`` naming the log to read when a tool is missing or a daemon fails.
    public static func start(printers: [String]) throws -> PrivateCUPS {
        guard getuid() == 0 else {
            throw TestSupportError(.notReady, "PrivateCUPS must run as root (cupsd switches to user lp).")
        }
        for tool in ["cupsd", "lpadmin", "ippeveprinter", "dbus-daemon"] { _ = try requireTool(tool) }
        let invalid = printers.filter { $0.isEmpty || !$0.allSatisfy { $0.isLetter || $0.isNumber || "_.-".contains($0) } }
        guard invalid.isEmpty, Set(printers).count == printers.count else {
            throw TestSupportError(.commandFailed, "Printer names must be unique and use [A-Za-z0-9_.-]: \(printers)")
        }
        let script = try scriptPath()
        for attempt in 1...3 {
            let directory = try makeTemporaryDirectory(prefix: "folio-cups", in: URL(fileURLWithPath: "/tmp"))
            let cups = PrivateCUPS(directory: directory, port: try freePort(), printers: printers, script: script)
            do {
                try cups.launch()
                return cups
            } catch let failure as DaemonExited where attempt < 3 {
                _ = failure  // most likely another process took a port first: try again with new ports
                cups.stop(keepingDirectory: false)
            } catch let failure as DaemonExited {
                cups.stop(keepingDirectory: true)
                throw failure.error
            } catch {
                cups.stop(keepingDirectory: true)
                throw error
            }
        }
        preconditionFailure("unreachable: the last attempt returns or throws")
    }

    /// The URI cupsd sends a printer's jobs to, e.g. `ipp://127.0.0.1:PORT/ipp/print`.
    public func printerURI(_ printer: String) -> String? {
        daemons.withLock { $0.printers[printer] }.map { "ipp://127.0.0.1:\($0.port)/ipp/print" }
    }

    /// Stops all daemons (cupsd first) and deletes the directory. Safe to call twice.
    public func stop() {
        stop(keepingDirectory: ProcessInfo.processInfo.environment["FOLIO_KEEP_TEST_DIRS"] == "1")
    }

    deinit { stop() }

    private func stop(keepingDirectory: Bool) {
        let all = daemons.withLock { daemons in
            // The watchdog first (it would stop the rest itself), then cupsd, the printers and the bus.
            let all = [daemons.watchdog, daemons.cupsd] + daemons.printers.values.map(\.process) + [daemons.dbus]
            daemons.watchdog = nil
            daemons.cupsd = nil
            daemons.dbus = nil
            for name in daemons.printers.keys { daemons.printers[name]?.process = nil }
            return all
        }
        for process in all.compactMap({ $0 }) { process.terminate() }
        if !keepingDirectory, FileManager.default.fileExists(atPath: directory.path) {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
