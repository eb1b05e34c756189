import FolioApp
import Foundation

/// `folio bench issue [--config CONFIG] [--sample ERP.json] [--documents N] [--end-to-end N]
/// [--cups-server HOST:PORT --printer QUEUE [--pace-ms MS]]` (release build):
/// documents per second through validate + build + sign on one core, per stage, and end to end (request →
/// signed → Folio's DIAN simulator → archived → delivered) with two clients and two workers; with a printer,
/// also the time from DIAN's validation to CUPS reporting the job completed (p50/p99).
func runIssuanceBenchmark(_ arguments: [String]) throws -> Int32 {
    let args = try CommandLineArguments(arguments, options: ["config", "sample", "documents", "end-to-end", "cups-server", "printer", "pace-ms"])
    let resources = FolioResources.locate()
    let configuration = try FolioConfiguration.load(path: args.options["config"] ?? resources.root + "/Examples/config.json")
    let sample = try readInput(args.options["sample"] ?? resources.root + "/Examples/documents/01-three-lines.json")
    guard let oneCore = Int(args.options["documents"] ?? "300"), oneCore > 0,
        let endToEnd = Int(args.options["end-to-end"] ?? "100"), endToEnd > 0
    else { throw CommandLineArguments.UsageError(description: "--documents and --end-to-end take a positive number") }
    let report = try IssuanceBenchmark.run(
        configuration: configuration, resources: resources, sample: sample, oneCore: oneCore, endToEnd: endToEnd,
        printer: args.options["printer"].flatMap { queue in args.options["cups-server"].map { ($0, queue) } },
        pace: (Double(args.options["pace-ms"] ?? "0") ?? 0) / 1000)
    print("issuance, one core: \(report.documentsOneCore) documents in \(String(format: "%.2f", report.oneCoreSeconds)) s = "
        + String(format: "%.0f documents/s", Double(report.documentsOneCore) / report.oneCoreSeconds))
    let total = report.stageSeconds.reduce(0) { $0 + $1.seconds }
    for (stage, seconds) in report.stageSeconds {
        let name = stage.padding(toLength: 26, withPad: " ", startingAt: 0)
        print(name + String(format: " %7.3f ms/document  %4.1f %%", seconds * 1000 / Double(report.documentsOneCore), seconds / total * 100))
    }
    print("end to end, 2 clients + 2 workers against the DIAN simulator (rendering included): "
        + "\(report.documentsEndToEnd) documents delivered in \(String(format: "%.2f", report.endToEndSeconds)) s = "
        + String(format: "%.1f documents/s", Double(report.documentsEndToEnd) / report.endToEndSeconds))
    for (label, times) in [
        ("DIAN validation → job accepted by CUPS", report.validationToCUPS),
        ("DIAN validation → job completed at the printer", report.validationToPrinted),
    ] where !times.isEmpty {
        func percentile(_ p: Double) -> Double { times[min(times.count - 1, max(0, Int((Double(times.count) * p).rounded(.up)) - 1))] }
        print(String(
            format: "%@ (%d documents): p50 %.0f ms, p99 %.0f ms, max %.0f ms", label as NSString, times.count,
            percentile(0.5) * 1000, percentile(0.99) * 1000, times.last! * 1000))
    }
    return report.documentsEndToEnd == endToEnd ? 0 : 1
}
