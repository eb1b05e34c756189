public import Foundation
import Glibc
import Synchronization

/// A child process for tests — typically a daemon — spawned with `posix_spawn`.
///
/// Unlike Foundation's `Process`, the child gets an **empty signal mask and default signal dispositions**
/// (threads of the test runner block SIGTERM, and children would inherit that and ignore `kill`), no
/// inherited descriptors beyond stdin (`/dev/null`), stdout and stderr (files), and its **own process group**,
/// so ``terminate(timeout:)`` also reaches the processes it starts. Nothing waits on pipes, so a daemon
/// that forks cannot hang the test.
public final class TestProcess: Sendable {
    /// The process ID, which is also its process-group ID.
    public let pid: pid_t
    /// The program's path.
    public let executable: String
    /// The arguments after the program name.
    public let arguments: [String]
    /// Where the child's stdout goes.
    public let standardOutput: URL
    /// Where the child's stderr goes.
    public let standardError: URL
    private let waitStatus = Mutex<Int32?>(nil)

    private init(pid: pid_t, executable: String, arguments: [String], standardOutput: URL, standardError: URL) {
        self.pid = pid
        self.executable = executable
        self.arguments = arguments
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Starts `executable` (a path, or a name looked up with ``requireTool(_:)``).
    /// - Parameters:
    ///   - environment: Variables added to (or replacing those of) this process's environment.
    ///   - standardOutput: A file that receives stdout (created or truncated); stderr may be the same file.
    ///   - standardError: A file that receives stderr.
    /// - Throws: ``TestSupportError`` if the program is missing or cannot be spawned.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        standardOutput: URL, standardError: URL
    ) throws -> TestProcess {
        let path = try requireTool(executable)
        for file in Set([standardOutput.path, standardError.path]) {
            guard FileManager.default.createFile(atPath: file, contents: nil) else {
                throw TestSupportError(.spawnFailed, "cannot create \(file) for the output of \(path)")
            }
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        let pid = try withCStrings([path] + arguments) { argv in
            try withCStrings(env.map { "\($0.key)=\($0.value)" }) { envp in
                try posixSpawn(path, argv: argv, envp: envp, stdout: standardOutput.path, stderr: standardError.path)
            }
        }
        return TestProcess(
            pid: pid, executable: path, arguments: arguments, standardOutput: standardOutput, standardError: standardError)
    }

    /// The raw `waitpid` status once the process has exited, else `nil`. Reaps it if it just exited.
    public var exitStatus: Int32? {
        waitStatus.withLock { status in
            if status == nil {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
            }
            return status
        }
    }

    /// Whether the process is still running.
    public var isRunning: Bool { exitStatus == nil }

    /// Sends SIGTERM to the process group, waits up to `timeout`, then sends SIGKILL, and reaps the process.
    /// Safe to call more than once.
    /// - Returns: The exit code, or 128 + the signal number if a signal ended it.
    @discardableResult
    public func terminate(timeout: Duration = .seconds(5)) -> Int32 {
        if let status = exitStatus { return Self.exitCode(status) }
        kill(-pid, SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus {
                kill(-pid, SIGKILL)  // stragglers in its group
                return Self.exitCode(status)
            }
            usleep(5_000)
        }
        kill(-pid, SIGKILL)
        return waitStatus.withLock { status in
            if status == nil {
                var raw: Int32 = 0
                while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
                status = raw
            }
            return Self.exitCode(status!)
        }
    }

    /// Waits up to `timeout` for the process to exit by itself.
    /// - Returns: The exit code (as ``terminate(timeout:)``), or `nil` if it still runs.
    public func waitForExit(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        var pause: UInt32 = 1_000
        while true {
            if let status = exitStatus { return Self.exitCode(status) }
            if ContinuousClock.now >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    deinit { terminate(timeout: .seconds(2)) }

    /// The exit code from a raw wait status: the code, or 128 + signal.
    static func exitCode(_ status: Int32) -> Int32 {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// `posix_spawn` with an empty signal mask, default dispositions, a new process group and only fds 0–2.
private func posixSpawn(
    _ path: String, argv: UnsafePointer<UnsafeMutablePointer<CChar>?>, envp: UnsafePointer<UnsafeMutablePointer<CChar>?>,
    stdout: String, stderr: String
) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_APPEND, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_APPEND, 0)
    if let closeFrom = addCloseFrom { _ = closeFrom(&actions, 3) }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, UnsafeMutablePointer(mutating: argv),
                             UnsafeMutablePointer(mutating: envp))
    guard result == 0 else {
        throw TestSupportError(.spawnFailed, "posix_spawn \(path) failed: \(String(cString: strerror(result)))")
    }
    return pid
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), found at run time because the Glibc module
/// does not export it. It keeps descriptors that other threads opened without O_CLOEXEC (sockets of a test
/// server, say) out of long-lived daemons.
private let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(
        symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
}()

/// Calls `body` with a NULL-terminated C array of copies of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) throws -> R) rethrows -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeBufferPointer { try body($0.baseAddress!) }
}
