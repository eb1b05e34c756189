import FolioApp
import Foundation
import Printing
import Store

/// `folio bench print [--queued N] [--samples N] [--jobs N] [--cups-server HOST:PORT --printer QUEUE] [--config CONFIG]`
///
/// 1. **Enqueue latency with every printer down**: a fresh data directory, a CUPS server that is down
///    (127.0.0.1:1), `--queued` jobs (10,000) already waiting, and the print worker running (retrying); then
///    `--samples` reprint requests (what the ERP API and CLI do), each timed: p50, p99, max.
/// 2. **Sustained jobs/s from enqueue to CUPS** (only with `--cups-server` and `--printer`, e.g. a private
///    cupsd from `scripts/private-cups.sh start`): `--jobs` jobs queued, then the worker's drain loop until
///    CUPS has accepted them all.
/// `--no-worker` measures phase 1 without the print worker running (to see what its retries cost).
/// Run it from a release build: `swift build -c release && .build/release/folio bench print …`.
func runPrintBenchmark(_ arguments: [String]) async throws -> Int32 {
    let args = try CommandLineArguments(
        arguments, options: ["queued", "samples", "jobs", "cups-server", "printer", "config"], flags: ["no-worker"])
    func count(_ name: String, _ fallback: Int) throws -> Int {
        guard let text = args.options[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw CommandLineArguments.UsageError(description: "--\(name) must be a positive number") }
        return value
    }
    let (queued, samples, jobs) = (try count("queued", 10_000), try count("samples", 1_000), try count("jobs", 500))
    let resources = FolioResources.locate()
    let configuration = try FolioConfiguration.load(path: args.options["config"] ?? resources.root + "/Examples/config.json")
    let example = try readInput(resources.root + "/Examples/documents/06-consumidor-final.json")

    // 1. Printers down.
    let down = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: down) }
    let service = try FolioService(
        configuration: configuration, resources: resources, dataDirectory: down,
        printQueue: CUPSPrintQueue(server: "127.0.0.1:1", timeout: .seconds(2)), world: .live)
    // Two documents: one carries the queued jobs, the other takes the measured reprint requests.
    let filler = try issuedNumber(service.submit(example, source: "bench", printer: "bodega-down", requestedBy: "bench"))
    let number = try issuedNumber(service.submit(
        Array(String(decoding: example, as: UTF8.self).replacingOccurrences(of: "POS-CAJA3-000451", with: "POS-BENCH-2").utf8),
        source: "bench", printer: "bodega-down", requestedBy: "bench"))
    let fillStart = DispatchTime.now().uptimeNanoseconds
    for index in 0..<queued {
        _ = try service.store.enqueuePrint(
            key: "bench/\(index)", number: filler, printer: "bodega-down-\(index % 4)", copies: 1, reason: "bench", requestedBy: "bench",
            at: Date())
    }
    let fillSeconds = Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9
    // `--no-worker` (diagnosis): the same measurement with the worker stopped, to see what it costs.
    let worker = Task { if !args.flags.contains("no-worker") { await service.runPrintWorker() } }
    try await Task.sleep(for: .seconds(1))  // the worker is retrying against the dead server
    var latencies: [Double] = []
    for _ in 0..<samples {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try service.reprint(number: number, printer: "bodega-down", copies: 1, requestedBy: "bench", note: "benchmark")
        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    worker.cancel()
    _ = await worker.value
    latencies.sort()
    print("print bench: enqueue with every printer down (CUPS 127.0.0.1:1), \(queued) jobs already queued, worker retrying")
    print(String(format: "  filled %d jobs in %.2f s (%.0f jobs/s, one transaction each)", queued, fillSeconds, Double(queued) / fillSeconds))
    print(String(
        format: "  enqueue (reprint request) x%d: p50 %.2f ms  p99 %.2f ms  max %.2f ms", samples, percentile(latencies, 0.5),
        percentile(latencies, 0.99), latencies.last ?? 0))

    // 2. Throughput to a real CUPS server.
    guard let server = args.options["cups-server"], let printer = args.options["printer"] else {
        print("  (sustained jobs/s: give --cups-server HOST:PORT and --printer QUEUE, e.g. from scripts/private-cups.sh start)")
        return 0
    }
    let up = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: up) }
    let live = try FolioService(
        configuration: configuration, resources: resources, dataDirectory: up, printQueue: CUPSPrintQueue(server: server),
        world: .live)
    let liveNumber = try issuedNumber(live.submit(example, source: "bench", printer: printer, requestedBy: "bench"))
    await live.drainPrintQueue()
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<jobs {
        _ = try live.enqueuePrint(number: liveNumber, printer: printer, copies: 1, reason: "bench", requestedBy: "bench")
    }
    let enqueued = DispatchTime.now().uptimeNanoseconds
    while try live.store.nextQueuedPrintJob() != nil { await live.drainPrintQueue() }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let jobsRecord = try live.store.printJobs(status: nil, limit: jobs + 1)
    let submitted = jobsRecord.filter { $0.reason == "bench" && ($0.status == "submitted" || $0.status == "completed") }.count
    let failed = jobsRecord.filter { $0.reason == "bench" && $0.status == "failed" }.count
    print("print bench: \(jobs) jobs from enqueue to accepted by CUPS \(server) queue \(printer)")
    print(String(
        format: "  %.1f s (enqueue %.2f s): %.1f jobs/s sustained; %d submitted or completed, %d failed", seconds,
        Double(enqueued - start) / 1e9, Double(jobs) / seconds, submitted, failed))
    return failed == 0 ? 0 : 1
}

private func issuedNumber(_ submission: FolioService.Submission) -> String {
    switch submission {
    case .created(let document), .existing(let document): document.number
    }
}

private func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "folio-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}
