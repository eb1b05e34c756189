import CMicroHTTPD
import Dispatch

/// Turns libmicrohttpd's callbacks into ``HTTPRequest``s and runs the router.
///
/// One instance serves every MHD thread; it is immutable, hence `Sendable`.
final class RequestDispatcher: Sendable {
    let router: Router
    let maxBodyBytes: Int

    init(router: Router, maxBodyBytes: Int) {
        self.router = router
        self.maxBodyBytes = maxBodyBytes
    }

    /// MHD's access handler, called (1) when the headers are in, (2) once per body chunk, (3) at the end.
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
            if let length = context.headers["content-length"].flatMap(Int.init), length > maxBodyBytes {
                context.isAnswered = true
                return queue(tooLarge(context), on: connection)
            }
            return .YES
        }
        let context = Unmanaged<RequestContext>.fromOpaque(slot).takeUnretainedValue()
        if uploadDataSize.pointee > 0 {
            let count = uploadDataSize.pointee
            uploadDataSize.pointee = 0
            guard !context.isAnswered else { return .YES }
            context.receivedBytes += count
            if context.receivedBytes > maxBodyBytes {
                context.isTooLarge = true
                context.body = []
            } else if let uploadData {
                uploadData.withMemoryRebound(to: UInt8.self, capacity: count) {
                    context.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
                }
            }
            return .YES
        }
        guard !context.isAnswered else { return .YES }
        context.isAnswered = true
        if context.isTooLarge { return queue(tooLarge(context), on: connection) }
        return queue(run(context.request), on: connection)
    }

    /// Runs the async router and blocks this MHD thread until it answers.
    ///
    /// Blocking is deliberate and safe: MHD's threads are its own (not Swift's cooperative pool), and the
    /// handler never needs them. The cost is that at most `threads` requests are handled at once.
    private func run(_ request: HTTPRequest) -> HTTPResponse {
        let result = ResponseSlot()
        let done = DispatchSemaphore(value: 0)
        let router = self.router
        Task {
            result.response = await router.handle(request)
            done.signal()
        }
        done.wait()
        return result.response ?? .error(status: 500, code: "internal_error", message: "The handler gave no response.")
    }

    private func tooLarge(_ context: RequestContext) -> HTTPResponse {
        .error(
            status: 413, code: "payload_too_large",
            message: "The request body is larger than the limit of \(maxBodyBytes) bytes.")
    }

    private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
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

/// Carries the router's answer from the task back to the blocked MHD thread.
/// `@unchecked Sendable`: written once by the task before `signal()`, read only after `wait()`.
private final class ResponseSlot: @unchecked Sendable {
    var response: HTTPResponse?
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

/// MHD's completion callback: releases the request's ``RequestContext``.
func mhdRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ contextSlot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_RequestTerminationCode
) {
    guard let contextSlot, let slot = contextSlot.pointee else { return }
    Unmanaged<RequestContext>.fromOpaque(slot).release()
    contextSlot.pointee = nil
}
