public import Store
import Printing

/// A printer as Folio reports it: what CUPS says and what Folio's queue holds.
public struct PrinterReport: Sendable, Hashable {
    /// The CUPS queue name.
    public var printer: String
    /// `idle`, `processing` or `stopped` as CUPS reports it; `nil` when CUPS could not be asked.
    public var cupsState: String?
    /// Whether CUPS accepts jobs for it; `nil` when CUPS could not be asked.
    public var acceptingJobs: Bool?
    /// CUPS' `printer-state-message`, or why CUPS could not be asked.
    public var cupsMessage: String?
    /// Folio's own view of its jobs for this printer.
    public var queue: PrinterQueueSummary
}

extension FolioService {
    /// Every printer Folio knows: companies' default printers, the printers of `printing.move_stuck_jobs`,
    /// and every printer that has had a job; sorted by name.
    public func knownPrinters() throws -> [String] {
        var names = Set(configuration.companies.compactMap(\.defaultPrinter))
        for (from, to) in configuration.printService.moveStuckJobs { names.formUnion([from, to]) }
        names.formUnion(try store.printerQueues().map(\.printer))
        return names.sorted()
    }

    /// The status of every known printer: CUPS' state (asked now) and Folio's queue.
    public func printerReports() async throws -> [PrinterReport] {
        let (names, queues) = try await blocking.run { (try self.knownPrinters(), try self.store.printerQueues()) }
        var reports: [PrinterReport] = []
        for name in names {
            let queue = queues.first { $0.printer == name }
                ?? PrinterQueueSummary(printer: name, waiting: 0, inCUPS: 0, alerts: 0, lastError: nil, completed: 0)
            var report = PrinterReport(printer: name, cupsState: nil, acceptingJobs: nil, cupsMessage: nil, queue: queue)
            do {
                let status = try await printQueue.status(ofPrinter: name)
                report.cupsState = status.state
                report.acceptingJobs = status.isAcceptingJobs
                report.cupsMessage = status.message
            } catch let error as PrintError {
                report.cupsMessage = error.message
            }
            reports.append(report)
        }
        return reports
    }
}
