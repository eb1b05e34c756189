import CMicroHTTPD
import Glibc
import Synchronization

/// Turns libmicrohttpd's callbacks into ``HTTPRequest``s and runs the router.
///
/// MHD threads never wait for a handler: once a request is complete its connection is **suspended**, the
/// router runs in a `Task`, and the task **resumes** the connection, after which MHD calls back once more
/// and the response is queued. So a slow handler holds no MHD thread, and other connections on the same
/// thread keep being served. One instance serves every MHD thread; its mutable state is behind a `Mutex`.
final class RequestDispatcher: Sendable {
    let router: Router
    let maxBodyBytes: Int
    /// Requests handed to the router whose responses are not sent yet, and whether the server is stopping
    /// (then no new handler starts).
    private let lifecycle = Mutex<(active: [ObjectIdentifier: PendingResponse], stopping: Bool)>(([:], false))

    init(router: Router, maxBodyBytes: Int) {
        self.router = router
        self.maxBodyBytes = maxBodyBytes
    }

    /// MHD's access handler, called (1) when the headers are in, (2) once per body chunk, (3) at the end,
    /// and (4) again after the connection was resumed with the router's response.
    func access(
        connection: OpaquePointer, url: String, method: String, uploadData: UnsafePointer<CChar>?,
        uploadDataSize: UnsafeMutablePointer<Int>, contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let slot = contextSlot.pointee else {
            let context = RequestContext(
                method: method, path: url,
                headers: Self.values(of: connection, kind: .HEADER_KIND, lowercasingNames: true),
                query: Self.values(of: connection, kind: .GET_ARGUMENT_KIND, lowercasingNames: false))
            contextSlot.pointee = Unmanaged.passRetained(context).toOpaque()  // released in `completed`
            // Refuse an announced oversized body before it is sent — but only to a client that waits for
            // "100 Continue": any other client is already sending, and would get a reset instead of the 413.
            if let length = context.headers["content-length"].flatMap(Int.init), length > maxBodyBytes,
                context.headers["expect"]?.lowercased() == "100-continue"
            {
                return answer(tooLarge(), context: context, on: connection)
            }
            return .YES
        }
        let context = Unmanaged<RequestContext>.fromOpaque(slot).takeUnretainedValue()
        if uploadDataSize.pointee > 0 {
            receive(uploadData, count: uploadDataSize.pointee, into: context)
            uploadDataSize.pointee = 0
            return .YES
        }
        if context.isAnswered { return .YES }
        if let pending = context.pending {
            guard let response = pending.take() else { return .YES }  // not done yet (spurious call)
            return answer(response, context: context, on: connection)
        }
        if context.isTooLarge { return answer(tooLarge(), context: context, on: connection) }
        let pending = PendingResponse(connection: connection)
        guard begin(pending) else {
            return answer(
                .error(status: 503, code: "shutting_down", message: "The server is stopping."), context: context,
                on: connection)
        }
        context.pending = pending
        MHD_suspend_connection(connection)
        let request = context.request
        Task { pending.finish(with: await router.handle(request)) }
        return .YES
    }

    /// MHD's completion callback for a request: its response is sent (or the connection failed).
    func completed(_ context: RequestContext) {
        guard let pending = context.pending else { return }
        _ = lifecycle.withLock { $0.active.removeValue(forKey: ObjectIdentifier(pending)) }
    }

    /// Stops new handlers from starting (they get 503) and waits up to `gracePeriod` until every request
    /// given to the router has had its response sent. Connections whose handlers are still running then get
    /// 503 (their handlers' answers are dropped), with one more second to send it; MHD must not be stopped
    /// with suspended connections. Blocks the calling thread, polling every 2 ms.
    func drain(gracePeriod: Duration) {
        lifecycle.withLock { $0.stopping = true }
        waitUntilIdle(for: gracePeriod)
        let late = lifecycle.withLock { Array($0.active.values) }
        guard !late.isEmpty else { return }
        for pending in late {
            pending.abandon(
                with: .error(status: 503, code: "shutting_down", message: "The server stopped before the handler answered."))
        }
        waitUntilIdle(for: .seconds(1))
        lifecycle.withLock { $0.active = [:] }
    }

    private func waitUntilIdle(for duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !lifecycle.withLock({ $0.active.isEmpty }) && ContinuousClock.now < deadline {
            usleep(2_000)
        }
    }

    /// Allows handlers again (after a restart).
    func reopen() {
        lifecycle.withLock { $0.stopping = false }
    }

    private func begin(_ pending: PendingResponse) -> Bool {
        lifecycle.withLock { state in
            guard !state.stopping else { return false }
            state.active[ObjectIdentifier(pending)] = pending
            return true
        }
    }

    /// Appends a body chunk, or counts and drops it once the body is over the limit.
    private func receive(_ data: UnsafePointer<CChar>?, count: Int, into context: RequestContext) {
        guard !context.isAnswered else { return }
        context.receivedBytes += count
        if context.receivedBytes > maxBodyBytes {
            context.isTooLarge = true
            context.body = []
        } else if let data {
            data.withMemoryRebound(to: UInt8.self, capacity: count) {
                context.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        }
    }

    private func tooLarge() -> HTTPResponse {
        .error(
            status: 413, code: "payload_too_large",
            message: "The request body is larger than the limit of \(maxBodyBytes) bytes.")
    }

    private func answer(_ response: HTTPResponse, context: RequestContext, on connection: OpaquePointer) -> MHD_Result {
        context.isAnswered = true
        let mhdResponse = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers where MHD_add_response_header(mhdResponse, name, value) != .YES {
            return .NO  // a name or value with CR/LF: refuse to send a broken response
        }
        return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
    }

    /// Collects MHD's key/value pairs of one kind; repeated names are joined with ", ".
    private static func values(of connection: OpaquePointer, kind: MHD_ValueKind, lowercasingNames: Bool) -> [String: String] {
        let pairs = PairCollector()
        _ = MHD_get_connection_values(connection, kind, collectPair, Unmanaged.passUnretained(pairs).toOpaque())
        var result: [String: String] = [:]
        for (name, value) in pairs.pairs {
            let key = lowercasingNames ? name.lowercased() : name
            result[key] = result[key].map { "\($0), \(value)" } ?? value
        }
        return result
    }
}

/// The answer for one suspended connection: set once, by the handler or by a stopping server, and whoever
/// sets it resumes the connection — exactly once, and never after the server gave up on it.
final class PendingResponse: Sendable {
    private enum State {
        case running
        case answered(HTTPResponse)
        case taken
    }
    private let state = Mutex<State>(.running)
    private let connection: SuspendedConnection

    init(connection: OpaquePointer) {
        self.connection = SuspendedConnection(pointer: connection)
    }

    /// The handler's answer; resumes the connection unless the server answered already.
    func finish(with response: HTTPResponse) { settle(response) }

    /// The stopping server's answer; resumes the connection unless the handler answered already.
    func abandon(with response: HTTPResponse) { settle(response) }

    /// The answer, once, for the MHD thread that queues it; `nil` while the handler runs.
    func take() -> HTTPResponse? {
        state.withLock { state in
            guard case .answered(let response) = state else { return nil }
            state = .taken
            return response
        }
    }

    private func settle(_ response: HTTPResponse) {
        let first = state.withLock { state in
            guard case .running = state else { return false }
            state = .answered(response)
            return true
        }
        if first { MHD_resume_connection(connection.pointer) }
    }
}

/// A suspended MHD connection. `@unchecked Sendable`: it is only passed to `MHD_resume_connection`, which
/// libmicrohttpd allows from any thread, once, while MHD keeps the suspended connection alive.
private struct SuspendedConnection: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Collects pairs during one synchronous `MHD_get_connection_values` call.
private final class PairCollector {
    var pairs: [(String, String)] = []
}

private func collectPair(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<PairCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
    return .YES
}

/// MHD's access handler: `cls` is the server's unretained ``RequestDispatcher``.
func mhdAccessHandler(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let url, let method, let uploadDataSize, let contextSlot else { return .NO }
    return Unmanaged<RequestDispatcher>.fromOpaque(cls).takeUnretainedValue().access(
        connection: connection, url: String(cString: url), method: String(cString: method), uploadData: uploadData,
        uploadDataSize: uploadDataSize, contextSlot: contextSlot)
}

/// MHD's completion callback (`cls` is the unretained ``RequestDispatcher``): releases the request's
/// ``RequestContext``.
func mhdRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_RequestTerminationCode
) {
    guard let contextSlot, let slot = contextSlot.pointee else { return }
    let context = Unmanaged<RequestContext>.fromOpaque(slot)
    if let cls { Unmanaged<RequestDispatcher>.fromOpaque(cls).takeUnretainedValue().completed(context.takeUnretainedValue()) }
    context.release()
    contextSlot.pointee = nil
}
