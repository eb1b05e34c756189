public import Foundation
import Glibc
public import Store
public import Printing
import DIANValidation
import DisplayModel
import DocumentModel
import Intake
import Issuance
import Render
import RenderProcess
import UBL
import LayoutTemplate
import XMLTree

/// The injected world: the clock and the environment.
public struct FolioWorld: Sendable {
    public var now: @Sendable () -> Date
    /// Called right after CUPS accepted a print job and before Folio records it. Tests of crash recovery
    /// make it kill the process (see ``live``); otherwise it does nothing.
    public var afterPrintAccepted: @Sendable () -> Void

    public init(now: @escaping @Sendable () -> Date, afterPrintAccepted: @escaping @Sendable () -> Void = {}) {
        self.now = now
        self.afterPrintAccepted = afterPrintAccepted
    }

    /// The real clock; used only by the executable. With `FOLIO_TEST_KILL_AFTER_PRINT_ACCEPTED=1` in the
    /// environment (crash tests only), the process kills itself with SIGKILL as soon as CUPS accepts a job.
    public static let live = FolioWorld(now: { Date() }, afterPrintAccepted: killSwitch())

    private static func killSwitch() -> @Sendable () -> Void {
        guard ProcessInfo.processInfo.environment["FOLIO_TEST_KILL_AFTER_PRINT_ACCEPTED"] == "1" else { return {} }
        return { _ = raise(SIGKILL) }
    }
}

/// Folio's main job, shared by the CLI and the HTTP API: ERP JSON in → numbered UBL XML, PDF, timeline and
/// print jobs out.
public final class FolioService: Sendable {
    public let configuration: FolioConfiguration
    public let store: DocumentStore
    public let resources: FolioResources
    /// The templates as loaded here: checked at start, and used by previews.
    let renderer: DocumentRenderer
    /// What draws issued documents' PDFs: render worker processes, or `renderer` with `render.workers: 0`.
    let pdfRenderer: any DocumentRendering
    let validator: UBLValidator
    let rules: DocumentValidator
    let printQueue: any PrintQueue
    let world: FolioWorld
    let blocking = BlockingWork(label: "folio.blocking", width: ProcessInfo.processInfo.activeProcessorCount)
    let printSignal: PrintSignal
    /// Who signs and who transmits for each company.
    let issuance: IssuanceWiring
    let inFlight = InFlightDocuments()
    let printLock = AsyncLock()

    /// Loads templates, fonts and schemas once and opens the store.
    public init(
        configuration: FolioConfiguration, resources: FolioResources, dataDirectory: String? = nil,
        printQueue: (any PrintQueue)? = nil, issuance: IssuanceWiring? = nil, world: FolioWorld
    ) throws {
        self.configuration = configuration
        self.resources = resources
        self.world = world
        store = try DocumentStore(directory: dataDirectory ?? configuration.server.dataDirectory)
        renderer = try DocumentRenderer(layoutsDirectory: resources.layouts, fontsDirectory: resources.fonts)
        let loaded = renderer.templates, folder = resources.layouts
        let unknown = configuration.companies.enumerated().flatMap { index, company in
            company.layouts.sorted(by: { $0.key < $1.key }).compactMap { type, layout -> String? in
                loaded[layout] == nil
                    ? "companies[\(index + 1)].layouts.\(type): \"\(layout)\" is not a layout in \(folder)" : nil
            }
        }
        guard unknown.isEmpty else { throw ConfigurationError(file: configuration.source, problems: unknown) }
        let render = configuration.render
        if render.workers == 0 {
            pdfRenderer = renderer
        } else {
            do {
                pdfRenderer = try RenderWorkerPool(
                    settings: .init(
                        executable: FolioResources.renderWorker(), layoutsDirectory: resources.layouts,
                        fontsDirectory: resources.fonts, workers: render.workers, timeoutSeconds: Double(render.timeoutSeconds)))
            } catch let error as RenderError {
                throw ConfigurationError(
                    file: configuration.source,
                    problems: ["render.workers: \(render.workers): \(error.message); or set render.workers to 0 to draw in this process"])
            }
        }
        validator = try UBLValidator(schemasDirectory: resources.schemas)
        rules = DocumentValidator(codeLists: try CodeLists(directory: resources.codeLists))
        self.printQueue = printQueue ?? CUPSPrintQueue(server: configuration.cupsServer)
        printSignal = PrintSignal()
        self.issuance = try issuance ?? IssuanceWiring(configuration: configuration, world: world)
    }

    /// What a submission turned into.
    public enum Submission: Sendable {
        case created(StoredDocument)
        case existing(StoredDocument)
    }

    /// Reads, checks, numbers, writes, validates, stores and renders one ERP document; queues its print job.
    ///
    /// - Throws: ``SubmissionError`` with every field problem; nothing is numbered or stored then.
    public func submit(_ bytes: [UInt8], source: String, printer: String? = nil, requestedBy: String = "erp")
        throws -> Submission
    {
        let draft: DocumentDraft
        do {
            draft = try ERPDocumentReader.read(bytes, source: source)
        } catch {
            throw SubmissionError(code: .validationFailed, source: source, problems: error.errors)
        }
        guard let company = configuration.company(draft.company) else {
            let known = configuration.companies.map(\.profile.companyID).joined(separator: ", ")
            throw SubmissionError(
                code: .validationFailed, source: source,
                problems: [Problem(field: "company", message: "\"\(draft.company)\" is not a configured company (known: \(known))")])
        }
        let existing = try store.document(company: draft.company, erpReference: draft.erpReference)
        if let existing, existing.status != IssuanceState.rejected.rawValue {
            return .existing(existing)
        }
        let instant = world.now()
        let today = BogotaTime.split(instant).date
        let problems = DocumentBuilder.precheck(draft, issuer: company.profile, on: today)
        guard problems.isEmpty else {
            throw SubmissionError(code: .validationFailed, source: source, problems: problems.map(Problem.init))
        }
        // Everything a document needs before it may take (or keep) a number: built, within DIAN's rules,
        // XSD-valid, drawable.
        var ruleWarnings: [Finding] = []
        let prepare = { (sequence: Int) throws -> IssuedContent in
            let document = DocumentBuilder.build(draft, issuer: company.profile, sequence: sequence, at: instant)
            ruleWarnings = try self.checkRules(document, company: company, source: source, signingDate: today)
            let xml = try UBLWriter.write(document)
            let diagnostics = self.validator.validate(xml, sourceName: "\(document.number).xml").filter { $0.severity >= .error }
            guard diagnostics.isEmpty else {
                throw SubmissionError(
                    code: .schemaInvalid, source: source,
                    problems: diagnostics.map { Problem(field: "xml line \($0.line)", message: $0.message) })
            }
            // Rendered before the number is committed: a document whose PDF cannot be drawn (a template
            // limit, a broken logo) is refused and leaves its number free.
            let rendered: RenderedPDF
            do {
                rendered = try self.renderPDF(document, company: company, copy: false)
            } catch let error as RenderError {
                throw SubmissionError(
                    code: .renderFailed, source: source,
                    problems: [Problem(field: "document", message: "the graphic representation cannot be drawn: \(error.message)")])
            }
            return IssuedContent(
                document: document, xml: xml, pdf: rendered.bytes, renderNote: Self.renderNote(rendered), source: bytes,
                printTarget: printer, requestedBy: requestedBy)
        }
        if let existing, let record = try store.issuanceRecord(number: existing.number) {
            // DIAN refused it: the corrected document takes the same number.
            guard try store.replaceRejected(number: existing.number, with: try prepare(record.sequence), at: instant) else {
                return .existing(try store.document(number: existing.number) ?? existing)
            }
            try recordRuleWarnings(ruleWarnings, number: existing.number, at: instant)
            try advanceLocally(number: existing.number)
            return .created(try store.document(number: existing.number) ?? existing)
        }
        let outcome: IssueOutcome
        do {
            outcome = try store.issue(
                company: draft.company, erpReference: draft.erpReference, resolution: company.profile.resolution, at: instant,
                build: prepare)
        } catch let refusal as NumberingResolution.Refusal {
            throw SubmissionError(
                code: .numberingExhausted, source: source,
                problems: [Problem(field: "company", message: "\(refusal) for resolution \(company.profile.resolution.authorization)")])
        }
        switch outcome {
        case .existing(let stored):
            return .existing(stored)
        case .created(let stored):
            try recordRuleWarnings(ruleWarnings, number: stored.number, at: instant)
            // Signed now (and delivered now when there is no DIAN); transmission is the worker's.
            try advanceLocally(number: stored.number)
            return .created(try store.document(number: stored.number) ?? stored)
        }
    }

    /// Renders and stores the PDF of an issued document and records it on the timeline.
    func renderAndStore(_ document: ElectronicDocument, company: FolioConfiguration.Company?, at instant: Date) throws {
        let rendered = try renderPDF(document, company: company, copy: false)
        try store.save(.pdf, rendered.bytes, number: document.number)
        try store.addEvent(number: document.number, kind: "rendered", detail: Self.renderNote(rendered), at: instant)
    }

    /// `PDF 3 pages, 81234 bytes` and, when some text could not be drawn as written, the warnings.
    static func renderNote(_ rendered: RenderedPDF) -> String {
        var note = "PDF \(rendered.pageCount) page\(rendered.pageCount == 1 ? "" : "s"), \(rendered.bytes.count) bytes"
        if !rendered.warnings.isEmpty {
            note += "; warnings: " + rendered.warnings.map(\.message).joined(separator: "; ")
        }
        return note
    }

    func renderPDF(
        _ document: ElectronicDocument, company: FolioConfiguration.Company?, copy: Bool, layout: String? = nil
    ) throws -> RenderedPDF {
        let data = DocumentDisplay.make(document, branding: branding(for: company), copy: copy)
        return try pdfRenderer.renderPDF(
            layout: layout ?? company?.layout(for: document.kind) ?? DocumentDisplay.layoutName(for: document.kind), data: data,
            title: "\(DocumentDisplay.title(of: document.kind)) \(document.number)",
            creationDate: world.now())
    }

    /// The PDF of an issued document; re-rendered from the stored XML if it is missing (e.g. after a crash
    /// between numbering and rendering).
    public func pdf(number: String) throws -> [UInt8]? {
        if let pdf = try store.file(.pdf, number: number) { return pdf }
        guard let stored = try store.document(number: number), let xml = try store.file(.xml, number: number) else {
            return nil
        }
        let document = try UBLReader.read(xml, sourceName: "\(number).xml")
        try renderAndStore(document, company: configuration.company(stored.company), at: world.now())
        return try store.file(.pdf, number: number)
    }

    public func xml(number: String) throws -> [UInt8]? { try store.file(.xml, number: number) }
}
