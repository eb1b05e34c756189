import Foundation

/// Runs the independent `xmllint` CLI. If it is missing, `init` throws and the test fails (never skips).
struct Xmllint {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The schema-validity errors xmllint reported (one per line).
        var validityErrors: [String] {
            stderr.split(separator: "\n").map(String.init).filter { $0.contains("Schemas validity error") }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let executable: URL

    init() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/xmllint" } + ["/usr/bin/xmllint"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "xmllint is not installed (Debian: apt-get install libxml2-utils)")
        }
        executable = URL(fileURLWithPath: found)
    }

    /// Runs `xmllint arguments…`, killing it after `timeout` seconds.
    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        let box = Box()
        DispatchQueue.global().async(group: group) { box.out = outPipe.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { box.err = errPipe.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Failure(description: "xmllint \(arguments) timed out after \(timeout) s")
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: box.out, as: UTF8.self),
            stderr: String(decoding: box.err, as: UTF8.self))
    }

    /// `xmllint --noout --schema XSD FILE`.
    func validate(_ path: String, schema: String) throws -> Output {
        try run(["--noout", "--schema", schema, path])
    }

    private final class Box: @unchecked Sendable {  // each field written by one reader, read after the group wait
        var out = Data()
        var err = Data()
    }
}
