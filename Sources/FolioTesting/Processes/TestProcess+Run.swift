import Foundation
import Glibc

extension TestProcess {
    /// The outcome of a short command: the exit code (or 128 + signal), and everything written to
    /// stdout and stderr. A tuple, so `let (status, out, err) = try TestProcess.run(…)` works.
    public typealias Output = (status: Int32, stdout: String, stderr: String)

    /// Runs a short command (pdftotext, lpadmin, …) to completion, capturing its output through files.
    ///
    /// It cannot hang on a grandchild that keeps a pipe open; after `timeout` it is killed and this throws.
    /// Background processes it left in its process group are killed when it exits.
    /// - Parameters:
    ///   - tool: A path, or a program name looked up with ``requireTool(_:)``.
    ///   - environment: Variables added to this process's environment.
    /// - Throws: ``TestSupportError`` if the tool is missing, cannot start, or times out. A failing exit
    ///   status is not an error: check `status`.
    public static func run(
        _ tool: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(30)
    ) throws -> Output {
        let directory = try makeTemporaryDirectory(prefix: "folio-run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appending(path: "stdout")
        let err = directory.appending(path: "stderr")
        let process = try spawn(tool, arguments, environment: environment, standardOutput: out, standardError: err)
        let status = process.waitForExit(timeout: timeout)
        if status != nil { kill(-process.pid, SIGKILL) }  // leftovers in its group; daemons that setsid() are spared
        let output: Output = (
            status: status ?? process.terminate(timeout: .seconds(1)),
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        guard status != nil else {
            throw TestSupportError(
                .timedOut, "\(tool) \(arguments.joined(separator: " ")) did not finish in \(timeout); stderr: \(output.stderr)")
        }
        return output
    }
}
