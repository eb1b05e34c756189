import Foundation
import FoundationNetworking
import Glibc
import HTTPServer
import Synchronization
import Testing

/// Black-box tests: a real server on 127.0.0.1 (any free port) spoken to with URLSession.
@Suite struct HTTPServerTests {
    private func router() -> Router {
        var router = Router()
        router.add("GET", "/hello/{name}") { request, parameters in
            .json([
                "name": parameters["name"] ?? "", "lang": request.query["lang"] ?? "",
                "header": request.headers["x-folio-test"] ?? "",
            ])
        }
        router.add("POST", "/echo") { request, _ in
            HTTPResponse(
                status: 200,
                headers: [
                    ("Content-Type", "application/octet-stream"), ("X-Body-Bytes", "\(request.body.count)"),
                    ("X-Transfer-Encoding", request.headers["transfer-encoding"] ?? "none"),
                ],
                body: request.body)
        }
        router.add("GET", "/slow/{id}") { _, parameters in
            inFlight.enter()
            try? await Task.sleep(for: .milliseconds(50))
            inFlight.leave()
            return .text(parameters["id"] ?? "")
        }
        return router
    }

    /// Counts `/slow` handlers running at once, to show that requests overlap.
    private let inFlight = Gauge()

    /// Starts a server, runs `body` with its base URL, and stops it.
    private func withServer<R>(
        maxBodyBytes: Int = 20 << 20, _ body: (URL) async throws -> R
    ) async throws -> R {
        let server = HTTPServer(host: "127.0.0.1", port: 0, router: router(), maxBodyBytes: maxBodyBytes)
        try server.start()
        defer { server.stop() }
        #expect(server.boundPort != 0)
        return try await body(URL(string: "http://127.0.0.1:\(server.boundPort)")!)
    }

    private let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        configuration.timeoutIntervalForRequest = 10
        return URLSession(configuration: configuration)
    }()

    private func send(
        _ method: String, _ url: URL, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: [AnyHashable: Any], body: Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.allHeaderFields, data)
    }

    @Test func getWithParametersQueryAndHeaders() async throws {
        try await withServer { base in
            let url = base.appending(path: "/hello/José Ñ").appending(queryItems: [URLQueryItem(name: "lang", value: "es CO")])
            #expect(url.absoluteString.hasSuffix("/hello/Jos%C3%A9%20%C3%91?lang=es%20CO"))
            let reply = try await send("GET", url, headers: ["X-Folio-Test": "yes"])
            #expect(reply.status == 200)
            let json = try JSONDecoder().decode([String: String].self, from: reply.body)
            #expect(json == ["name": "José Ñ", "lang": "es CO", "header": "yes"])
        }
    }

    @Test func postsA300KBBody() async throws {
        let payload = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try await withServer { base in
            let reply = try await send("POST", base.appending(path: "/echo"), body: payload)
            #expect(reply.status == 200)
            #expect(reply.body == payload)
            #expect(reply.headers["X-Body-Bytes"] as? String == "300000")
        }
    }

    @Test func unknownPathAndWrongMethodOverTheWire() async throws {
        try await withServer { base in
            let missing = try await send("GET", base.appending(path: "/nope"))
            #expect(missing.status == 404)
            #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: missing.body).error.code == "not_found")

            let wrong = try await send("DELETE", base.appending(path: "/echo"))
            #expect(wrong.status == 405)
            #expect(wrong.headers["Allow"] as? String == "POST")
            #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: wrong.body).error.code == "method_not_allowed")
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        let payload = Data(repeating: 0x41, count: 300_000)
        try await withServer(maxBodyBytes: 100_000) { base in
            let reply = try await send("POST", base.appending(path: "/echo"), body: payload)
            #expect(reply.status == 413)
            #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: reply.body).error.code == "payload_too_large")

            let small = try await send("POST", base.appending(path: "/echo"), body: Data(count: 100_000))
            #expect(small.status == 200)
            #expect(small.body.count == 100_000)
        }
    }

    @Test func announcedOversizedBodyIsRefusedBeforeItIsSent() async throws {
        try await withServer(maxBodyBytes: 100_000) { base in
            // A client that asks "100-continue" gets the 413 instead, and never sends the body.
            let reply = try exchange(
                port: UInt16(base.port!),
                "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000\r\nExpect: 100-continue\r\n\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 413"), "\(reply)")
            #expect(!reply.contains("100 Continue"))
            #expect(reply.contains("payload_too_large"))
        }
    }

    @Test func chunkedBodyOverTheLimitIs413() async throws {
        try await withServer(maxBodyBytes: 100_000) { base in
            var request = URLRequest(url: base.appending(path: "/echo"))
            request.httpMethod = "POST"
            request.httpBodyStream = InputStream(data: Data(repeating: 0x42, count: 300_000))  // no Content-Length
            let (data, response) = try await session.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 413)
            #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: data).error.code == "payload_too_large")
        }
    }

    @Test func chunkedBodyIsCollected() async throws {
        let payload = Data((0..<250_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        try await withServer { base in
            var request = URLRequest(url: base.appending(path: "/echo"))
            request.httpMethod = "POST"
            request.httpBodyStream = InputStream(data: payload)
            let (data, response) = try await session.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "X-Transfer-Encoding") == "chunked")
            #expect(data == payload)
        }
    }

    @Test func concurrentRequests() async throws {
        try await withServer { base in
            let answers = try await withThrowingTaskGroup(of: (Int, Int, String).self) { group in
                for id in 0..<24 {
                    group.addTask {
                        let reply = try await send("GET", base.appending(path: "/slow/\(id)"))
                        return (id, reply.status, String(decoding: reply.body, as: UTF8.self))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.count == 24)
            for (id, status, body) in answers {
                #expect(status == 200)
                #expect(body == "\(id)")
            }
            #expect(inFlight.peak > 1, "requests were handled one at a time")
        }
    }

    @Test func aWaitingHandlerDoesNotHoldUpOtherRequests() async throws {
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let (entered, enter) = AsyncStream<Void>.makeStream()
        var router = Router()
        router.add("GET", "/wait") { _, _ in
            enter.yield()
            for await _ in gate { break }
            return .text("waited")
        }
        router.add("GET", "/now") { _, _ in .text("now") }
        let server = HTTPServer(host: "127.0.0.1", port: 0, router: router, threads: 1)
        try server.start()
        defer { server.stop() }
        defer { opener.finish() }  // first: lets the /wait handler end even if this test fails
        let base = URL(string: "http://127.0.0.1:\(server.boundPort)")!

        async let waiting = send("GET", base.appending(path: "/wait"))
        for await _ in entered { break }
        // One MHD thread, and /wait is still in its handler: /now must be answered anyway.
        let now = try await send("GET", base.appending(path: "/now"))
        #expect(String(decoding: now.body, as: UTF8.self) == "now")
        opener.yield()
        #expect(String(decoding: try await waiting.body, as: UTF8.self) == "waited")
    }

    @Test func stopWaitsForRunningHandlers() async throws {
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let (entered, enter) = AsyncStream<Void>.makeStream()
        var router = Router()
        router.add("GET", "/wait") { _, _ in
            enter.yield()
            for await _ in gate { break }
            return .text("finished")
        }
        let server = HTTPServer(host: "127.0.0.1", port: 0, router: router)
        try server.start()
        defer {
            opener.finish()
            server.stop()
        }
        let url = URL(string: "http://127.0.0.1:\(server.boundPort)/wait")!

        async let waiting = send("GET", url)
        for await _ in entered { break }
        let stopping = Task.detached { server.stop() }
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.boundPort != 0, "stop() returned while a handler was running")
        opener.yield()
        let reply = try await waiting
        #expect(reply.status == 200)
        #expect(String(decoding: reply.body, as: UTF8.self) == "finished")
        await stopping.value
        #expect(server.boundPort == 0)
    }

    @Test func stopAnswers503WhenAHandlerOverstaysTheGracePeriod() async throws {
        let (entered, enter) = AsyncStream<Void>.makeStream()
        var router = Router()
        router.add("GET", "/forever") { _, _ in
            enter.yield()
            try? await Task.sleep(for: .seconds(30))
            return .text("too late")
        }
        let server = HTTPServer(host: "127.0.0.1", port: 0, router: router)
        try server.start()
        let url = URL(string: "http://127.0.0.1:\(server.boundPort)/forever")!

        async let stuck = send("GET", url)
        for await _ in entered { break }
        let clock = ContinuousClock()
        let start = clock.now
        await Task.detached { server.stop(gracePeriod: .milliseconds(300)) }.value
        #expect(clock.now - start < .seconds(3))
        let reply = try await stuck
        #expect(reply.status == 503)
        #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: reply.body).error.code == "shutting_down")
    }

    @Test func startErrors() throws {
        let server = HTTPServer(host: "127.0.0.1", port: 0, router: Router())
        try server.start()
        defer { server.stop() }
        #expect { try server.start() } throws: { ($0 as? HTTPServerError)?.code == .alreadyRunning }

        let clash = HTTPServer(host: "127.0.0.1", port: server.boundPort, router: Router())
        #expect { try clash.start() } throws: { ($0 as? HTTPServerError)?.code == .listenFailed }

        let badHost = HTTPServer(host: "printer.example", port: 0, router: Router())
        #expect { try badHost.start() } throws: { ($0 as? HTTPServerError)?.code == .invalidHost }
    }

    @Test func stopClosesThePort() async throws {
        let server = HTTPServer(host: "127.0.0.1", port: 0, router: router())
        try server.start()
        let url = URL(string: "http://127.0.0.1:\(server.boundPort)/slow/1")!
        #expect(try await send("GET", url).status == 200)
        server.stop()
        #expect(server.boundPort == 0)
        await #expect(throws: (any Error).self) { _ = try await send("GET", url) }
    }
}

/// Writes `request` on a new connection to 127.0.0.1:`port` and returns what arrives until the server
/// closes the connection or 2 s pass without data.
private func exchange(port: UInt16, _ request: String) throws -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(fd >= 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    try #require(connected == 0)
    var timeout = timeval(tv_sec: 2, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let bytes = Array(request.utf8)
    try #require(send(fd, bytes, bytes.count, 0) == bytes.count)
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { break }
        received += buffer[0..<count]
    }
    return String(decoding: received, as: UTF8.self)
}

/// A thread-safe counter of work in progress that remembers its maximum.
final class Gauge: Sendable {
    private let state = Mutex((current: 0, peak: 0))
    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}
