public import DisplayModel
public import Foundation
import Glibc
public import Render

/// Renders PDFs in worker processes (`folio-render`): at most ``Settings/workers`` at once, each one started
/// on first need and kept for the next document.
///
/// A worker that crashes, or does not answer within ``Settings/timeoutSeconds``, fails only the document it
/// was drawing (``RenderError/Code/workerFailed``) and is replaced by a fresh one for the next document; the
/// caller's process never runs cairo or Pango for these documents, so it neither crashes with them nor
/// grows by a large document's layout.
///
/// `renderPDF` blocks its thread (it waits for the worker), like ``DocumentRenderer``; run it on a blocking
/// pool.
public final class RenderWorkerPool: DocumentRendering, @unchecked Sendable {
    /// Where the worker program is and what it loads.
    public struct Settings: Sendable {
        /// The `folio-render` executable.
        public var executable: String
        public var layoutsDirectory: String
        public var fontsDirectory: String
        /// Workers that may draw at the same time (at least 1).
        public var workers: Int
        /// How long a worker may take to start or to draw one document before it is stopped.
        public var timeoutSeconds: Double

        public init(executable: String, layoutsDirectory: String, fontsDirectory: String, workers: Int, timeoutSeconds: Double) {
            self.executable = executable
            self.layoutsDirectory = layoutsDirectory
            self.fontsDirectory = fontsDirectory
            self.workers = max(1, workers)
            self.timeoutSeconds = timeoutSeconds
        }
    }

    /// A rendered PDF and what the worker reported alongside it.
    public struct Outcome: Sendable {
        public var pdf: RenderedPDF
        /// The worker's peak resident memory so far, in kB.
        public var workerPeakResidentKB: Int
    }

    public let settings: Settings
    private let condition = NSCondition()
    /// Started workers waiting for a document.
    private var idle: [RenderWorker] = []
    /// Workers started or starting, idle or drawing.
    private var alive = 0

    /// Checks that the worker program exists; workers start on first use.
    /// - Throws: ``RenderError`` `.workerFailed` when `settings.executable` is not an executable file.
    public init(settings: Settings) throws {
        guard access(settings.executable, X_OK) == 0 else {
            throw RenderError(
                code: .workerFailed,
                message: "the render worker \(settings.executable) is missing or not executable (it is built with folio: `swift build`)")
        }
        self.settings = settings
        // A worker that dies leaves a pipe that raises SIGPIPE on write; the write's EPIPE is handled instead.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for worker in idle { worker.stop() }
    }

    public func renderPDF(layout: String, data: DisplayValue, title: String, creationDate: Date) throws -> RenderedPDF {
        try render(layout: layout, data: data, title: title, creationDate: creationDate).pdf
    }

    /// Renders a PDF in a worker and returns it with the worker's peak memory.
    /// - Throws: ``RenderError``: the worker's own (`.layoutFailed`, `.unknownLayout`, …) or `.workerFailed`.
    public func render(layout: String, data: DisplayValue, title: String, creationDate: Date) throws -> Outcome {
        let job = try RenderWire.encode(RenderWire.Job(layout: layout, title: title, creationDate: creationDate.timeIntervalSince1970))
        let content = DisplayValueWire.encode(data)
        var worker = try checkOut()
        let reply: RenderWire.Reply
        let bytes: [UInt8]
        do {
            do {
                try worker.send(job, content)
            } catch {
                // The worker had died while idle (nothing of this document reached it): a fresh one draws it.
                worker.kill()
                retire()
                worker = try checkOut()
                try worker.send(job, content)
            }
            (reply, bytes) = try worker.receive(timeout: settings.timeoutSeconds)
        } catch let error as RenderError {
            throw error
        } catch {
            let fate = worker.kill()
            retire()
            let what: String
            switch error as? FrameChannel.Failure {
            case .timedOut(let seconds):
                what = "did not finish within \(Int(seconds)) s and was stopped"
            case .closed:
                what = "\(fate) while drawing it"
            default:
                what = "failed (\(error)) and was stopped"
            }
            throw RenderError(
                code: .workerFailed,
                message: "the render worker (pid \(worker.pid)) given layout `\(layout)` for \"\(title)\" \(what); the next document gets a new worker")
        }
        checkIn(worker)
        if let error = reply.error { throw error.renderError }
        return Outcome(
            pdf: RenderedPDF(bytes: bytes, pageCount: reply.pageCount, warnings: reply.warnings.map(\.diagnostic)),
            workerPeakResidentKB: reply.peakResidentKB)
    }

    /// The process IDs of the workers waiting for a document.
    var idleWorkerIDs: [pid_t] {
        condition.lock()
        defer { condition.unlock() }
        return idle.map(\.pid)
    }

    /// An idle worker, a new one when fewer than `workers` are alive, or waits for one to be free.
    private func checkOut() throws -> RenderWorker {
        condition.lock()
        while idle.isEmpty && alive >= settings.workers { condition.wait() }
        if let worker = idle.popLast() {
            condition.unlock()
            return worker
        }
        alive += 1
        condition.unlock()
        do {
            return try RenderWorker.start(settings)
        } catch {
            retire()
            throw error
        }
    }

    private func checkIn(_ worker: RenderWorker) {
        condition.lock()
        idle.append(worker)
        condition.signal()
        condition.unlock()
    }

    private func retire() {
        condition.lock()
        alive -= 1
        condition.signal()
        condition.unlock()
    }
}

/// One `folio-render` process and the pipes to it.
final class RenderWorker {
    let pid: pid_t
    private let channel: FrameChannel
    private var inputOpen = true
    private var outputOpen = true

    private init(pid: pid_t, channel: FrameChannel) {
        self.pid = pid
        self.channel = channel
    }

    /// Starts a worker and waits for its hello.
    static func start(_ settings: RenderWorkerPool.Settings) throws -> RenderWorker {
        var toWorker: [Int32] = [-1, -1]
        var fromWorker: [Int32] = [-1, -1]
        guard GlibcExtras.pipe(&toWorker, flags: O_CLOEXEC) == 0 else { throw failure("pipe2", errno) }
        guard GlibcExtras.pipe(&fromWorker, flags: O_CLOEXEC) == 0 else {
            let code = errno
            close(toWorker[0])
            close(toWorker[1])
            throw failure("pipe2", code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments = [
            settings.executable, "--layouts", settings.layoutsDirectory, "--fonts", settings.fontsDirectory,
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, settings.executable, &actions, &attributes, argv, environ)
        close(toWorker[0])
        close(fromWorker[1])
        guard result == 0 else {
            close(toWorker[1])
            close(fromWorker[0])
            throw RenderError(
                code: .workerFailed, message: "could not start the render worker \(settings.executable): \(String(cString: strerror(result)))")
        }
        let worker = RenderWorker(pid: pid, channel: FrameChannel(readFD: fromWorker[0], writeFD: toWorker[1]))
        let hello: RenderWire.Hello
        do {
            hello = try RenderWire.decode(RenderWire.Hello.self, from: try worker.channel.receive(timeout: settings.timeoutSeconds))
        } catch {
            let fate = worker.kill()
            throw RenderError(code: .workerFailed, message: "the render worker \(settings.executable) did not start (\(fate)): \(error)")
        }
        if let problem = hello.error {
            _ = worker.kill()
            throw RenderError(code: .workerFailed, message: "the render worker could not load its layouts or fonts: \(problem)")
        }
        return worker
    }

    /// Sends a job: its header and its display data.
    func send(_ job: [UInt8], _ content: [UInt8]) throws(FrameChannel.Failure) {
        try channel.send(job)
        try channel.send(content)
    }

    /// Reads the reply to the job sent and the PDF.
    func receive(timeout: Double) throws(FrameChannel.Failure) -> (RenderWire.Reply, [UInt8]) {
        let header = try channel.receive(timeout: timeout)
        let reply: RenderWire.Reply
        do { reply = try RenderWire.decode(RenderWire.Reply.self, from: header) } catch {
            throw .system(call: "decoding the worker's reply", errno: EPROTO)
        }
        return (reply, try channel.receive(timeout: timeout))
    }

    /// Lets the worker finish: closes its standard input, waits up to a second, then kills it.
    func stop() {
        closeInput()
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                closeOutput()
                return
            }
            usleep(10_000)
        }
        _ = kill()
    }

    /// Kills the worker (if it still runs), reaps it and closes the pipes; returns how it ended.
    @discardableResult
    func kill() -> String {
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        var reaped = waitpid(pid, &status, 0)
        while reaped < 0 && errno == EINTR { reaped = waitpid(pid, &status, 0) }
        closeInput()
        closeOutput()
        guard reaped == pid else { return "it could not be waited for" }
        let signal = status & 0x7F
        if signal == 0 { return "it exited with status \((status >> 8) & 0xFF)" }
        if signal == SIGKILL { return "it was stopped" }
        return "it was killed by signal \(signal) (\(String(cString: strsignal(signal))))"
    }

    private func closeInput() {
        if inputOpen { close(channel.writeFD) }
        inputOpen = false
    }

    private func closeOutput() {
        if outputOpen { close(channel.readFD) }
        outputOpen = false
    }

    private static func failure(_ call: String, _ code: Int32) -> RenderError {
        RenderError(code: .workerFailed, message: "could not start the render worker: \(call): \(String(cString: strerror(code)))")
    }
}
