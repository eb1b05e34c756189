public import Store
import DocumentModel
import Issuance
import Printing

/// A batch that cannot be created, naming the field.
public struct PrintBatchError: Error, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var description: String { "\(field): \(message)" }
}

extension FolioService {
    /// "Print today's invoices for warehouse 3": every document the filter takes, in the order they were
    /// issued, queued as one batch (reason `batch`, the original PDF). The printer is `printer` if given,
    /// else each document's routing rules; `copies` overrides the rules' copies.
    /// - Parameter date: `YYYY-MM-DD`, or `today` (Bogotá).
    /// - Throws: ``PrintBatchError`` naming the field.
    public func printBatch(
        date: String, company: String? = nil, warehouse: String? = nil, branch: String? = nil, type: String? = nil,
        printer: String? = nil, copies: Int? = nil, requestedBy: String
    ) throws -> PrintBatchSummary {
        let day = date == "today" ? BogotaTime.split(world.now()).date.iso : date
        guard CalendarDate(iso: day) != nil else {
            throw PrintBatchError(field: "date", message: "\"\(date)\" must be YYYY-MM-DD or today")
        }
        if let company, configuration.company(company) == nil {
            throw PrintBatchError(field: "company", message: "\"\(company)\" is not a configured company")
        }
        if let type, DocumentKind(rawValue: type) == nil {
            throw PrintBatchError(field: "type", message: "\"\(type)\" must be invoice, credit-note or debit-note")
        }
        if let printer, let problem = PrinterAddress.problem(with: printer) { throw PrintBatchError(field: "printer", message: problem) }
        if let copies, !(1...99).contains(copies) { throw PrintBatchError(field: "copies", message: "\(copies) must be from 1 to 99") }
        let filter = PrintBatchFilter(date: day, company: company, warehouse: warehouse, branch: branch, type: type)
        let rules = configuration.printService.rules
        let summary = try store.createPrintBatch(filter, requestedBy: requestedBy, at: world.now()) { document in
            let configured = configuration.company(document.company)
            let plans = PrintRouting.plans(
                company: document.company, type: document.type, hints: PrintHints(warehouse: document.warehouse, branch: document.branch),
                explicitPrinter: printer, rules: rules, defaultPrinter: configured?.defaultPrinter, defaultCopies: configured?.copies ?? 1)
            return plans.map {
                PrintBatchJob(
                    printer: $0.printer, copies: copies ?? $0.copies,
                    settings: PrintSettings(media: $0.media, sides: $0.sides, layout: $0.layout))
            }
        }
        printSignal.notify()
        return summary
    }
}
