import Foundation

/// Runs the independent checkers (pdftotext, pdffonts, pdfinfo, qpdf, pdftoppm, zbarimg) with a timeout.
/// A tool that is not installed is an error, so the test fails instead of skipping.
enum ExternalTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tool` with `arguments`, waiting at most `timeout` seconds.
    static func run(_ tool: String, _ arguments: [String], timeout: Double = 60) throws -> Output {
        guard let path = locate(tool) else {
            throw Failure(description: "`\(tool)` is not installed; install poppler-utils, qpdf and zbar-tools (scripts/setup-debian.sh)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure(description: "`\(tool) \(arguments.joined(separator: " "))` took more than \(timeout) s")
            }
            usleep(5_000)
        }
        try out.close()
        try err.close()
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Runs the tool and requires exit status 0.
    static func output(_ tool: String, _ arguments: [String], timeout: Double = 60) throws -> String {
        let result = try run(tool, arguments, timeout: timeout)
        guard result.status == 0 else {
            throw Failure(description: "`\(tool) \(arguments.joined(separator: " "))` exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    private static func locate(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A temporary directory for a test's files.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
