import FolioApp
import DisplayModel
import Foundation
import Render
import RenderProcess

/// `folio bench render [--inputs DIR] [--iterations N] [--large-iterations N] [--only S|L] [--parallel N] [--batch N] [--layouts DIR] [--fonts DIR] [--out DIR]`
///
/// Renders the shared benchmark invoice (`invoice_S.json`, 10 lines, and `invoice_L.json`, 1,000 lines, as
/// written by `bench/gen_data.py DIR`) with `Layouts/invoice.xml`, templates and fonts loaded once, and prints
/// the median time per S invoice over a warm loop, the median time per L invoice, pages, bytes and peak RSS.
/// Besides wall-clock medians it prints the medians of the rendering thread's CPU time, which a busy machine
/// disturbs much less.
/// With `--parallel N` it then renders a batch of S invoices (`--batch`, default 400) once on one thread and
/// once on N threads sharing one renderer, and prints both throughputs and the speed-up.
/// The JSON content is pre-formatted; it is mapped field by field onto the display fields the layout reads
/// (``DocumentDisplay/schema``), so Folio prints the same strings as the C baseline.
func runRenderBenchmark(_ arguments: [String]) throws -> Int32 {
    var options = BenchmarkOptions()
    do { try options.parse(arguments) } catch {
        FileHandle.standardError.write(Data("\(error)\n\(BenchmarkOptions.usage)\n".utf8))
        return 2
    }
    let loadStart = Date()
    let renderer = try DocumentRenderer(layoutsDirectory: options.layouts, fontsDirectory: options.fonts)
    let loadSeconds = Date().timeIntervalSince(loadStart)
    let loadedHighWater = highWaterMarkMB()
    let logo = URL(fileURLWithPath: options.inputs).appendingPathComponent("logo.png").standardizedFileURL.path
    let small = try BenchmarkInvoice.load(options.inputs + "/invoice_S.json", logo: logo)
    let large = try BenchmarkInvoice.load(options.inputs + "/invoice_L.json", logo: logo)
    for (name, data) in [("S", small), ("L", large)] {
        let problems = DocumentDisplay.schema.mismatches(in: data, allowExtraFields: false)
        guard problems.isEmpty else {
            print("invoice_\(name).json does not map onto the display schema:\n  " + problems.joined(separator: "\n  "))
            return 1
        }
    }
    let date = Date(timeIntervalSince1970: 1_741_966_937)
    // With --worker, documents are drawn by a render worker process, as `folio serve` draws them; its own
    // peak memory is reported.
    let workers = try options.worker.map { path in
        try RenderWorkerPool(
            settings: .init(
                executable: path == "auto" ? FolioResources.renderWorker() : path, layoutsDirectory: options.layouts,
                fontsDirectory: options.fonts, workers: 1, timeoutSeconds: 600))
    }
    var workerPeakKB = 0
    func render(_ data: DisplayValue) throws -> (pdf: RenderedPDF, wall: Double, cpu: Double) {
        let cpuStart = threadCPUTime()
        let start = DispatchTime.now().uptimeNanoseconds
        let pdf: RenderedPDF
        if let workers {
            let outcome = try workers.render(layout: "invoice", data: data, title: "Factura electrónica", creationDate: date)
            workerPeakKB = max(workerPeakKB, outcome.workerPeakResidentKB)
            pdf = outcome.pdf
        } else {
            pdf = try renderer.renderPDF(layout: "invoice", data: data, title: "Factura electrónica", creationDate: date)
        }
        return (pdf, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, threadCPUTime() - cpuStart)
    }

    var warnings = 0
    /// The first rendering (kept, and its warnings counted) and then `iterations` timed ones.
    func measure(_ data: DisplayValue, iterations: Int, name: String) throws
        -> (first: (pdf: RenderedPDF, wall: Double, cpu: Double), wall: [Double], cpu: [Double])
    {
        let first = try render(data)
        warnings += first.pdf.warnings.count
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<iterations {
            let run = try render(data)
            wall.append(run.wall)
            cpu.append(run.cpu)
        }
        if let out = options.out { try save(first.pdf, to: out, as: "\(name).pdf") }
        return (first, wall, cpu)
    }
    if options.only != "L" {
        let (first, wall, cpu) = try measure(small, iterations: options.iterations, name: "S")
        print(
            "S: pages=\(first.pdf.pageCount) bytes=\(first.pdf.bytes.count) median_ms=\(format(median(wall) * 1e3)) "
                + "cpu_median_ms=\(format(median(cpu) * 1e3)) min_ms=\(format((wall.min() ?? 0) * 1e3)) n=\(wall.count)")
    }
    if options.only != "S" {
        let (first, wall, cpu) = try measure(large, iterations: options.largeIterations, name: "L")
        print(
            "L: pages=\(first.pdf.pageCount) bytes=\(first.pdf.bytes.count) median_s=\(format(median(wall), digits: 4)) "
                + "cpu_median_s=\(format(median(cpu), digits: 4)) first_s=\(format(first.wall, digits: 4)) n=\(wall.count)")
    }
    if let threads = options.parallel {
        let job: @Sendable () throws -> Void = {
            _ = try renderer.renderPDF(layout: "invoice", data: small, title: "Factura electrónica", creationDate: date)
        }
        let batch = Double(options.batch)
        let one = try renderBatch(options.batch, threads: 1, render: job)
        let many = try renderBatch(options.batch, threads: threads, render: job)
        // The process CPU time per invoice shows whether threads contend (it would grow) or the machine simply
        // had no free core (it stays, and only the wall time does not shrink).
        print(
            "parallel: batch=\(options.batch) S invoices; 1 thread \(format(one.wall)) s (\(format(batch / one.wall, digits: 1))/s, "
                + "cpu_ms/invoice=\(format(one.cpu / batch * 1e3))), \(threads) threads \(format(many.wall)) s "
                + "(\(format(batch / many.wall, digits: 1))/s, cpu_ms/invoice=\(format(many.cpu / batch * 1e3))), "
                + "speedup=\(format(one.wall / many.wall, digits: 2))x")
    }
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    print("templates+fonts loaded: \(format(loadSeconds * 1e3)) ms, peak_rss_mb then \(format(loadedHighWater, digits: 1))")
    print("peak_rss_mb=\(format(Double(usage.ru_maxrss) / 1024, digits: 1)) warnings=\(warnings)")
    if workers != nil {
        print("worker_peak_rss_mb=\(format(Double(workerPeakKB) / 1024, digits: 1)) (the render worker process)")
    }
    return 0
}

/// Renders `count` documents on `threads` dedicated threads (not Swift's cooperative pool: rendering blocks),
/// each taking the next document from a shared counter; returns the wall time and the process's CPU time
/// (user + system, all threads) in seconds.
private func renderBatch(_ count: Int, threads: Int, render: @escaping @Sendable () throws -> Void) throws -> (wall: Double, cpu: Double) {
    let state = BatchState(remaining: count)
    let group = DispatchGroup()
    let cpuStart = processCPUTime()
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<threads {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            while state.take() {
                do { try render() } catch {
                    state.fail(error)
                    return
                }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    group.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if let error = state.error { throw error }
    return (seconds, processCPUTime() - cpuStart)
}

/// User + system CPU time of the whole process, in seconds.
private func processCPUTime() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The documents left to render in a batch, and the first error.
private final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private(set) var error: (any Error)? {
        get { lock.withLock { storedError } }
        set { lock.withLock { storedError = newValue } }
    }
    private var storedError: (any Error)?

    init(remaining: Int) { self.remaining = remaining }

    /// Claims one document; `false` when none is left or a render failed.
    func take() -> Bool {
        lock.withLock {
            guard remaining > 0, storedError == nil else { return false }
            remaining -= 1
            return true
        }
    }

    func fail(_ error: any Error) { lock.withLock { if storedError == nil { storedError = error } } }
}

private func save(_ pdf: RenderedPDF, to directory: String, as name: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(pdf.bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
}

/// The process's peak resident set so far (`VmHWM` of `/proc/self/status`), in MB; 0 when unreadable.
private func highWaterMarkMB() -> Double {
    guard let data = FileHandle(forReadingAtPath: "/proc/self/status").flatMap({ try? $0.readToEnd() }),
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

/// CPU time of the calling thread, in seconds.
private func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

private func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    return values.sorted()[values.count / 2]
}

private func format(_ value: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

/// Command-line options of `folio bench render`.
struct BenchmarkOptions {
    var inputs = "."
    var iterations = 200
    var largeIterations = 5
    /// `S`, `L`, or `nil` for both.
    var only: String?
    var layouts = FolioResources.locate().layouts
    var fonts = FolioResources.locate().fonts
    var out: String?
    /// Threads for the batch throughput run; `nil`: no batch run.
    var parallel: Int?
    var batch = 400
    /// `--worker auto|PATH`: draw through a render worker process (`folio-render`) instead of in this process.
    var worker: String?

    static let usage =
        "usage: folio bench render [--inputs DIR] [--iterations N] [--large-iterations N] [--only S|L] [--parallel N] [--batch N] [--layouts DIR] [--fonts DIR] [--out DIR] [--worker auto|PATH]"

    struct BenchmarkUsageError: Error, CustomStringConvertible { var description: String }

    mutating func parse(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchmarkUsageError(description: "\(option) needs a value") }
            switch option {
            case "--inputs": inputs = value
            case "--layouts": layouts = value
            case "--fonts": fonts = value
            case "--out": out = value
            case "--worker": worker = value
            case "--only":
                guard value == "S" || value == "L" else { throw BenchmarkUsageError(description: "--only takes S or L") }
                only = value
            case "--iterations", "--large-iterations", "--parallel", "--batch":
                guard let count = Int(value), count > 0 else { throw BenchmarkUsageError(description: "\(option) needs a positive number") }
                switch option {
                case "--iterations": iterations = count
                case "--large-iterations": largeIterations = count
                case "--parallel": parallel = count
                default: batch = count
                }
            default: throw BenchmarkUsageError(description: "unknown option \(option)")
            }
        }
    }
}

/// The benchmark's pre-formatted invoice JSON mapped onto Folio's display fields.
enum BenchmarkInvoice {
    static func load(_ path: String, logo: String) throws -> DisplayValue {
        let json = try DisplayValue(json: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        func text(_ path: String) -> String { json[path: path]?.text ?? "" }
        func party(_ prefix: String) -> DisplayValue {
            let id = text(prefix + ".nit")
            let parts = id.split(separator: " ", maxSplits: 1)
            let phone = text(prefix + ".phone")
            return .record([
                "name": .text(text(prefix + ".name")), "tradeName": "", "idLabel": .text(parts.first.map(String.init) ?? ""),
                "idNumber": .text(parts.count > 1 ? String(parts[1]) : id), "id": .text(id),
                "idDigits": .text(String((parts.count > 1 ? parts[1] : Substring(id)).prefix { $0 != "-" }.filter(\.isNumber))),
                "address": .text(text(prefix + ".address")), "city": "", "department": "",
                "cityLine": .text(text(prefix + ".city")), "country": "",
                "phone": .text(phone.hasPrefix("Tel. ") ? String(phone.dropFirst(5)) : phone),
                "email": .text(text(prefix + ".email")), "responsibilities": "", "taxRegime": .text(text(prefix + ".regime")),
            ])
        }
        let items = json[path: "items"]?.items ?? []
        let lines: [DisplayValue] = items.enumerated().map { index, item in
            .record([
                "number": .text(String(index + 1)), "code": item[field: "code"] ?? "", "description": item[field: "desc"] ?? "",
                "note": "", "quantity": item[field: "qty"] ?? "", "unit": "Unidad", "unitPrice": item[field: "unit"] ?? "",
                "discount": "", "hasDiscount": false, "taxPercent": "19%", "taxAmount": item[field: "iva"] ?? "",
                "net": "", "total": item[field: "total"] ?? "",
            ])
        }
        let payment = text("payment")
        return .record([
            "document": .record([
                "kind": "invoice", "title": .text(text("title")), "number": .text(text("number")), "codeLabel": "CUFE",
                "code": .text(text("cufe")), "issueDate": .text(text("date")), "issueTime": .text(text("time")),
                "dueDate": .text(text("due")), "paymentForm": .text(payment), "paymentMeans": "", "payment": .text(payment),
                "currency": "COP", "orderReference": "", "notes": [], "qr": .text(text("qr")),
                "resolution": .text(text("resolution")), "isNote": false, "isCopy": false, "copyMark": "",
                "isDraft": false, "draftMark": "",
            ]),
            "reference": ["number": "", "codeLabel": "CUFE", "code": "", "issueDate": "", "concept": ""],
            "issuer": party("issuer"),
            "buyer": party("buyer"),
            "lines": .list(lines),
            "taxes": [["name": "IVA", "percent": "19%", "label": "IVA 19%", "base": .text(text("subtotal")), "amount": .text(text("iva"))]],
            "totals": .record([
                "subtotal": .text(text("subtotal")), "taxBase": .text(text("subtotal")), "taxes": .text(text("iva")),
                "total": .text(text("total")), "discounts": "", "hasDiscounts": false, "charges": "", "hasCharges": false,
                "prepaid": "", "hasPrepaid": false, "payable": .text(text("total")), "inWords": .text(text("words")),
            ]),
            "branding": .record([
                "tradeName": .text(text("issuer.name")), "logo": .text(logo), "primaryColor": "#14306E",
                "accentColor": "#DDE3EE", "legalTexts": [],
            ]),
        ])
    }
}
