import Foundation

/// Runs an external command-line tool (here: `xmllint`) as an independent oracle.
/// A missing tool is an error, so a test that needs it fails instead of skipping.
struct ExternalTool {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let executable: URL

    /// Finds `name` on `PATH` (plus the usual system directories).
    init(_ name: String) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin"]
        guard let found = directories.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw Failure(description: "\(name) is not installed (apt-get install libxml2-utils)") }
        executable = URL(fileURLWithPath: found)
    }

    /// Runs the tool and waits at most `timeout` seconds.
    func run(_ arguments: [String], stdin: [UInt8]? = nil, timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        let group = DispatchGroup()
        let box = Box()
        DispatchQueue.global().async(group: group) { box.out = outPipe.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { box.err = errPipe.fileHandleForReading.readDataToEndOfFile() }
        if let stdin {
            inPipe.fileHandleForWriting.write(Data(stdin))
            try inPipe.fileHandleForWriting.close()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Failure(description: "\(executable.lastPathComponent) \(arguments) timed out after \(timeout) s")
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: [UInt8](box.out),
            stderr: String(decoding: box.err, as: UTF8.self))
    }

    private final class Box: @unchecked Sendable {  // written by one reader thread each, read after the group wait
        var out = Data()
        var err = Data()
    }
}

/// A fresh temporary directory for one test.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("xmltree-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
