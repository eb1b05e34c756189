import Dispatch
import Foundation
import HTTPServer
import Store

/// `folio serve`: the HTTP API, the issuance worker (sign → DIAN → archive → deliver) and the print worker in one process, until SIGINT or SIGTERM.
public struct FolioServer: Sendable {
    let service: FolioService

    public init(service: FolioService) { self.service = service }

    public func run() async throws {
        let configuration = service.configuration
        let server = HTTPServer(
            host: configuration.server.address, port: configuration.server.port, router: service.router(),
            threads: max(4, ProcessInfo.processInfo.activeProcessorCount * 2))
        try server.start()
        // One line a script can wait for and parse.
        print("folio: listening on http://\(configuration.server.address):\(server.boundPort) data=\(service.store.directory)")
        fflush(nil)

        let worker = Task { await service.runPrintWorker() }
        let issuance = Task { await service.runIssuanceWorker() }
        await Self.waitForTermination()
        worker.cancel()
        issuance.cancel()
        server.stop()
        print("folio: stopped")
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func waitForTermination() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.yield(signalNumber) }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        sources.forEach { $0.cancel() }
    }
}
