import DisplayModel
import DocumentModel
import FolioApp
import FolioTesting
import Foundation
import Glibc
import Render
@testable import RenderProcess
import Testing

/// Render worker processes (`folio-render`): what they draw, what crosses the pipe, and what happens when a
/// worker dies, crashes or hangs. Each test starts real worker processes.
@Suite(.serialized)
struct RenderWorkerTests {
    static let date = Date(timeIntervalSince1970: 1_741_966_937)

    static func pool(workers: Int = 1, timeout: Double = 60) throws -> RenderWorkerPool {
        try RenderWorkerPool(
            settings: .init(
                executable: FolioResources.renderWorker(), layoutsDirectory: TestWorld.resources.layouts,
                fontsDirectory: TestWorld.resources.fonts, workers: workers, timeoutSeconds: timeout))
    }

    static var invoiceData: DisplayValue { DocumentDisplay.make(SampleDocuments.invoice, branding: Branding()) }

    @Test func displayDataCrossesThePipeWithEveryValueKeptAsItIs() throws {
        let value: DisplayValue = .record([
            "name": .text("Compañía Andina de Café — ñandú"),
            "empty": .text(""),
            "paid": .flag(true),
            "total": .value(.amount(Amount(Decimal(string: "1234567.89")!))),
            "rate": .value(.decimal(Decimal(string: "2.5")!)),
            "due": .value(.date(CalendarDate(year: 2025, month: 3, day: 4))),
            "lines": .list([.record(["n": "1"]), .list([]), .record([:])]),
        ])
        #expect(try DisplayValueWire.decode(DisplayValueWire.encode(value)) == value)
        let sample = Self.invoiceData
        #expect(try DisplayValueWire.decode(DisplayValueWire.encode(sample)) == sample)
    }

    @Test func truncatedDisplayDataIsRefusedWithItsOffset() throws {
        let bytes = DisplayValueWire.encode(.record(["a": .text("abcdef")]))
        #expect {
            try DisplayValueWire.decode(Array(bytes.dropLast(2)))
        } throws: { error in
            "\(error)".contains("at byte") && "\(error)".contains("runs past the end")
        }
        #expect(throws: DisplayValueWire.Malformed.self) { try DisplayValueWire.decode([0x63]) }
    }

    @Test func aWorkerDrawsTheSamePDFAsTheServerProcess() throws {
        let pool = try Self.pool()
        let local = try DocumentRenderer(layoutsDirectory: TestWorld.resources.layouts, fontsDirectory: TestWorld.resources.fonts)
        let data = Self.invoiceData
        let inWorker = try pool.render(layout: "invoice", data: data, title: "Factura SETP990000001", creationDate: Self.date)
        let inProcess = try local.renderPDF(layout: "invoice", data: data, title: "Factura SETP990000001", creationDate: Self.date)
        #expect(inWorker.pdf.pageCount == inProcess.pageCount)
        #expect(inWorker.pdf.bytes == inProcess.bytes, "the worker's PDF differs from the one drawn in this process")
        #expect(inWorker.workerPeakResidentKB > 1_000)
        // Checked with poppler too: typed amounts reached the worker as amounts (formatted es-CO).
        let directory = try makeTemporaryDirectory(prefix: "folio-worker")
        let file = directory.appendingPathComponent("worker.pdf")
        try Data(inWorker.pdf.bytes).write(to: file)
        let text = try TestWorld.pdfText(file)
        #expect(text.contains(SampleDocuments.invoice.number))
        // (pdftotext turns the no-break space after `$` into a plain one.)
        let payable = ColombianFormat.money(SampleDocuments.invoice.totals.payableAmount).replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(payable.contains(","))
        #expect(text.replacingOccurrences(of: "\u{A0}", with: " ").contains(payable))
    }

    @Test func aLayoutProblemComesBackAsTheWorkersRenderError() throws {
        let pool = try Self.pool()
        #expect {
            try pool.renderPDF(layout: "no-such-layout", data: Self.invoiceData, title: "x", creationDate: Self.date)
        } throws: { error in
            guard let error = error as? RenderError else { return false }
            return error.code == .unknownLayout && error.message.contains("invoice")
        }
        // The worker is still there for the next document.
        #expect(try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date).pageCount == 2)
    }

    @Test func aWorkerThatDiedWhileIdleIsReplacedWithoutLosingTheDocument() throws {
        let pool = try Self.pool()
        _ = try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date)
        let first = try #require(pool.idleWorkerIDs.first)
        kill(first, SIGKILL)
        usleep(100_000)
        let pdf = try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date)
        #expect(pdf.pageCount == 2)
        let second = try #require(pool.idleWorkerIDs.first)
        #expect(second != first)
    }

    @Test func aWorkerCrashingMidDocumentFailsThatDocumentOnly() throws {
        let pool = try Self.pool()
        _ = try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date)
        let pid = try #require(pool.idleWorkerIDs.first)
        // Frozen, the worker receives the job into its pipe but cannot answer; it then dies on resuming (SIGTERM:
        // the Swift runtime's own crash handler would intercept a SIGSEGV sent by another process).
        kill(pid, SIGSTOP)
        let outcome = RenderAttempt()
        let thread = Thread {
            do {
                _ = try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "Factura X", creationDate: Self.date)
                outcome.set("rendered")
            } catch {
                outcome.set("\(error)")
            }
        }
        thread.start()
        usleep(300_000)
        kill(pid, SIGTERM)
        kill(pid, SIGCONT)
        let message = try outcome.wait(seconds: 30)
        #expect(message.contains("workerFailed"), "\(message)")
        #expect(message.contains("killed by signal 15"), "\(message)")
        #expect(message.contains("Factura X"), "\(message)")
        #expect(try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date).pageCount == 2)
    }

    @Test func aWorkerThatDoesNotAnswerIsStoppedAtTheTimeout() throws {
        let pool = try Self.pool(timeout: 1)
        _ = try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date)
        let pid = try #require(pool.idleWorkerIDs.first)
        kill(pid, SIGSTOP)
        #expect {
            try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "late", creationDate: Self.date)
        } throws: { error in
            guard let error = error as? RenderError else { return false }
            return error.code == .workerFailed && error.message.contains("did not finish within 1 s")
        }
        // Stopped for good (SIGKILL works on a stopped process), and replaced.
        #expect(kill(pid, 0) != 0)
        #expect(try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "x", creationDate: Self.date).pageCount == 2)
    }

    @Test func aMissingWorkerProgramIsNamed() throws {
        #expect {
            try RenderWorkerPool(
                settings: .init(
                    executable: "/nonexistent/folio-render", layoutsDirectory: TestWorld.resources.layouts,
                    fontsDirectory: TestWorld.resources.fonts, workers: 1, timeoutSeconds: 5))
        } throws: { error in
            "\(error)".contains("/nonexistent/folio-render")
        }
    }

    @Test func documentsAreDrawnInWorkersUpToTheConfiguredNumber() throws {
        let pool = try Self.pool(workers: 2)
        let group = DispatchGroup()
        let results = RenderAttempt()
        for index in 0..<6 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    _ = try pool.renderPDF(layout: "invoice", data: Self.invoiceData, title: "\(index)", creationDate: Self.date)
                } catch {
                    results.set("\(error)")
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(results.value == nil)
        #expect(pool.idleWorkerIDs.count <= 2)
        #expect(!pool.idleWorkerIDs.isEmpty)
    }
}

/// The outcome of a render on another thread.
final class RenderAttempt: @unchecked Sendable {
    private let condition = NSCondition()
    private(set) var value: String?

    func set(_ text: String) {
        condition.lock()
        value = value ?? text
        condition.broadcast()
        condition.unlock()
    }

    func wait(seconds: Double) throws -> String {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        while value == nil {
            guard condition.wait(until: deadline) else { throw TestSupportError(.timedOut, "the render did not end") }
        }
        return value ?? ""
    }
}
