public import Foundation
public import Store
import DisplayModel
import DocumentModel
import Intake
import Issuance
import UBL

/// Who signs and who transmits for each company, and when DIAN's silence turns into contingency.
public struct IssuanceWiring: Sendable {
    public var signers: [String: any DocumentSigning]
    public var gateways: [String: any DIANGateway]
    /// After how long of DIAN being unreachable an invoice goes out as tipo 04; nil: never.
    public var contingencyAfter: TimeInterval?

    public init(
        signers: [String: any DocumentSigning] = [:], gateways: [String: any DIANGateway] = [:],
        contingencyAfter: TimeInterval? = nil
    ) {
        self.signers = signers
        self.gateways = gateways
        self.contingencyAfter = contingencyAfter
    }
}

/// Documents a step is running on, so the worker and a request never advance the same one at once.
final class InFlightDocuments: @unchecked Sendable {
    // @unchecked: `numbers` is only touched while `lock` is held.
    private let lock = NSLock()
    private var numbers: Set<String> = []

    func claim(_ number: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return numbers.insert(number).inserted
    }

    func release(_ number: String) {
        lock.lock()
        defer { lock.unlock() }
        numbers.remove(number)
    }
}

/// A step that cannot complete; the document stays where it was.
struct IssuanceStepError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension FolioService {
    /// Runs the steps that need no network (sign, and deliver when there is no DIAN) until the document is
    /// settled or waits for DIAN; the issuance worker does the rest.
    func advanceLocally(number: String) throws {
        for _ in 0..<8 {
            guard let step = try nextIssuanceStep(number: number) else { return }
            switch step {
            case .sign, .deliver, .finish: break
            default: return
            }
            guard try advance(number: number) else { return }
        }
    }

    /// Runs a document's steps until it is settled or must wait (a back-off, DIAN in process); the CLI uses it.
    @discardableResult
    public func settleIssuance(number: String, maxSteps: Int = 16) throws -> IssuanceRecord? {
        for _ in 0..<maxSteps {
            guard try advance(number: number) else { break }
        }
        return try store.issuanceRecord(number: number)
    }

    /// Runs the due documents' steps once each; returns how many made progress.
    @discardableResult
    public func runDueIssuance() throws -> Int {
        var progressed = 0
        for number in try store.documentsDueForIssuance(at: world.now()) {
            // Each document advances as far as it can now; a failure is recorded and the next one runs.
            while (try? advance(number: number)) == true { progressed += 1 }
        }
        return progressed
    }

    /// Runs until cancelled: advances due documents whenever one is submitted and at least every `interval`.
    public func runIssuanceWorker(interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            _ = try? await blocking.run { try self.runDueIssuance() }
            try? await Task.sleep(for: interval)
        }
    }

    /// The facts the state machine decides on, read from the store; nil when the document is unknown.
    func issuanceFacts(_ record: IssuanceRecord) throws -> IssuanceFacts {
        guard let state = IssuanceState(rawValue: record.state) else {
            throw IssuanceStepError(message: "document \(record.number) is in an unknown state \"\(record.state)\"")
        }
        let now = world.now()
        return IssuanceFacts(
            state: state, kind: record.kind, issueDate: CalendarDate(iso: record.issueDate) ?? BogotaTime.split(now).date,
            today: BogotaTime.split(now).date, transmits: issuance.gateways[record.company] != nil,
            inContingency: record.contingency, delivered: record.delivered,
            unreachableFor: record.failingSince.map { now.timeIntervalSince($0) },
            contingencyAfter: issuance.contingencyAfter)
    }

    func nextIssuanceStep(number: String) throws -> IssuanceStep? {
        guard let record = try store.issuanceRecord(number: number) else { return nil }
        return IssuancePlan.next(try issuanceFacts(record))
    }

    /// Runs one step of one document and persists its result.
    ///
    /// - Returns: true when the document moved on (its state changed), false when there was nothing to do,
    ///   it waits for a retry, or another thread is on it.
    @discardableResult
    func advance(number: String) throws -> Bool {
        guard inFlight.claim(number) else { return false }
        defer { inFlight.release(number) }
        guard let record = try store.issuanceRecord(number: number) else { return false }
        let now = world.now()
        if record.nextAttempt > now { return false }
        let facts = try issuanceFacts(record)
        let step = IssuancePlan.next(facts)
        do {
            switch step {
            case .none:
                return false
            case .sign(let redate):
                try sign(record, redate: redate, at: now)
            case .enterContingency:
                try enterContingency(record, at: now)
            case .transmit:
                try transmit(record, at: now)
            case .askStatus:
                try askStatus(record, at: now)
            case .archive:
                try archive(record, at: now)
            case .deliver:
                try deliver(record, at: now)
            case .finish:
                try store.advanceIssuance(
                    number: number,
                    IssuanceUpdate(state: IssuanceState.delivered.rawValue, event: ("delivered", "already delivered (contingency); DIAN has validated it")),
                    at: now)
            }
            return true
        } catch let error as DIANGatewayError {
            if record.contingency, let since = record.contingencySince, now.timeIntervalSince(since) >= Self.contingencyAlertAfter {
                let hours = Int(now.timeIntervalSince(since) / 3600)
                try store.raiseContingencyAlert(
                    number: number,
                    detail: "issued as tipo 04 \(hours) h ago and DIAN has not validated it yet; DIAN allows 48 h after its service returns",
                    at: now)
            }
            let delay = error.retryable ? IssuancePlan.retryDelay(attempt: record.attempts + 1) : 300
            try store.recordIssuanceFailure(
                number: number, step: "\(step)", error: (error.retryable ? "" : "needs attention: ") + error.message,
                retryAt: now.addingTimeInterval(delay), at: now)
            return false
        } catch let error as IssuanceStepError {
            try store.recordIssuanceFailure(
                number: number, step: "\(step)", error: error.message, retryAt: now.addingTimeInterval(300), at: now)
            return false
        }
    }

    /// A contingency document still without DIAN's verdict after this long raises an alert (the limit is 48 h).
    static let contingencyAlertAfter: TimeInterval = 40 * 3600

    // MARK: steps

    /// The unsigned document, rebuilt from the ERP's request dated `instant` when `rebuild` is set.
    func unsignedDocument(_ record: IssuanceRecord, rebuildAt instant: Date?, typeCode: String? = nil) throws
        -> (document: ElectronicDocument, xml: [UInt8])
    {
        guard let instant else {
            guard let xml = try store.file(.xml, number: record.number) else {
                throw IssuanceStepError(message: "the XML of \(record.number) is missing")
            }
            return (try UBLReader.read(xml, sourceName: "\(record.number).xml"), xml)
        }
        guard let company = configuration.company(record.company) else {
            throw IssuanceStepError(message: "company \(record.company) is no longer configured")
        }
        guard let source = try store.file(.source, number: record.number) else {
            throw IssuanceStepError(message: "the ERP request of \(record.number) is missing; it cannot be re-dated")
        }
        let draft: DocumentDraft
        do {
            draft = try ERPDocumentReader.read(source, source: "\(record.number) (stored request)")
        } catch {
            throw IssuanceStepError(message: "the stored request of \(record.number) no longer reads: \(error)")
        }
        var document = DocumentBuilder.build(draft, issuer: company.profile, sequence: record.sequence, at: instant)
        if let typeCode { document = DocumentBuilder.retyped(document, typeCode: typeCode, issuer: company.profile) }
        return (document, try UBLWriter.write(document))
    }

    func signer(for record: IssuanceRecord) throws -> any DocumentSigning {
        guard let signer = issuance.signers[record.company] else {
            throw IssuanceStepError(message: "company \(record.company) has no signing certificate configured")
        }
        return signer
    }

    func sign(_ record: IssuanceRecord, redate: Bool, at now: Date) throws {
        let (document, unsigned) = try unsignedDocument(record, rebuildAt: redate ? now : nil)
        let signed = try signer(for: record).sign(unsigned, signingTime: now)
        let detail =
            redate
            ? "re-dated to \(document.issueDate) and signed (XAdES-EPES); \(document.kind.uniqueCodeName) \(document.uniqueCode ?? "")"
            : "signed (XAdES-EPES), \(signed.count) bytes"
        try store.advanceIssuance(
            number: record.number,
            IssuanceUpdate(
                state: IssuanceState.signed.rawValue, files: [.xml: signed], removing: redate ? [.pdf] : [],
                document: redate ? document : nil, event: ("signed", detail)),
            at: now)
    }

    func gateway(for record: IssuanceRecord) throws -> any DIANGateway {
        guard let gateway = issuance.gateways[record.company] else {
            throw IssuanceStepError(message: "company \(record.company) has no DIAN endpoint configured")
        }
        return gateway
    }

    func signedDocument(_ record: IssuanceRecord) throws -> (document: ElectronicDocument, xml: [UInt8]) {
        guard let xml = try store.file(.xml, number: record.number) else {
            throw IssuanceStepError(message: "the signed XML of \(record.number) is missing")
        }
        return (try UBLReader.read(xml, sourceName: "\(record.number).xml"), xml)
    }

    func transmit(_ record: IssuanceRecord, at now: Date) throws {
        let gateway = try gateway(for: record)
        let (document, xml) = try signedDocument(record)
        // Recorded before the call: after a crash or a lost answer DIAN is asked before anything is resent.
        try store.advanceIssuance(
            number: record.number,
            IssuanceUpdate(state: IssuanceState.transmitting.rawValue, event: ("transmitting", "SendBillSync, \(xml.count) bytes signed")),
            at: now)
        let verdict = try gateway.send(signedXML: xml, document: document)
        try recordVerdict(verdict, for: record, at: world.now())
    }

    func askStatus(_ record: IssuanceRecord, at now: Date) throws {
        let gateway = try gateway(for: record)
        let (document, _) = try signedDocument(record)
        guard let verdict = try gateway.status(of: document) else {
            try store.advanceIssuance(
                number: record.number,
                IssuanceUpdate(state: IssuanceState.signed.rawValue, event: ("status", "DIAN does not hold \(record.number); it will be sent again")),
                at: now)
            return
        }
        try recordVerdict(verdict, for: record, at: now)
    }

    func recordVerdict(_ verdict: DIANVerdict, for record: IssuanceRecord, at now: Date) throws {
        switch verdict {
        case .accepted(let response, let notifications):
            let notes = notifications.isEmpty ? "" : "; notifications: " + notifications.joined(separator: " | ")
            try store.advanceIssuance(
                number: record.number,
                IssuanceUpdate(
                    state: IssuanceState.accepted.rawValue, files: [.applicationResponse: response],
                    event: ("accepted", "validated by DIAN (ApplicationResponse 02)\(notes)")),
                at: now)
        case .rejected(let messages):
            let handedOver = record.delivered ? " ALERT: it was already handed over as tipo 04;" : ""
            try store.advanceIssuance(
                number: record.number,
                IssuanceUpdate(
                    state: IssuanceState.rejected.rawValue,
                    event: (
                        "rejected",
                        "refused by DIAN: " + messages.joined(separator: " | ") + ";\(handedOver) correct it and resend the same ERP reference"
                    )),
                at: now)
        case .inProcess:
            throw DIANGatewayError(retryable: true, message: "DIAN: batch en proceso de validación")
        }
    }

    func enterContingency(_ record: IssuanceRecord, at now: Date) throws {
        let (document, unsigned) = try unsignedDocument(record, rebuildAt: now, typeCode: "04")
        let signed = try signer(for: record).sign(unsigned, signingTime: now)
        try store.advanceIssuance(
            number: record.number,
            IssuanceUpdate(
                state: IssuanceState.signed.rawValue, files: [.xml: signed], removing: [.pdf], document: document,
                contingency: true,
                event: ("contingency", "DIAN unreachable since \(record.failingSince.map(Timestamp.iso) ?? "?"); issued as tipo 04, to be transmitted within 48 h")),
            at: now)
        guard let updated = try store.issuanceRecord(number: record.number) else { return }
        try deliver(updated, at: now, keepState: true)
    }

    func archive(_ record: IssuanceRecord, at now: Date) throws {
        guard let response = try store.file(.applicationResponse, number: record.number) else {
            throw IssuanceStepError(message: "DIAN's ApplicationResponse for \(record.number) is missing")
        }
        let (_, signed) = try signedDocument(record)
        let attached = try signer(for: record).sign(
            try AttachedDocumentWriter.write(signedInvoice: signed, applicationResponse: response, issuedAt: now),
            signingTime: now)
        try store.advanceIssuance(
            number: record.number,
            IssuanceUpdate(
                state: IssuanceState.archived.rawValue, files: [.attachedDocument: attached],
                event: ("archived", "AttachedDocument signed, \(attached.count) bytes")),
            at: now)
    }

    /// Renders the final PDF (when the stored one is gone or stale) and queues the print jobs.
    func deliver(_ record: IssuanceRecord, at now: Date, keepState: Bool = false) throws {
        guard let stored = try store.document(number: record.number) else { return }
        let company = configuration.company(record.company)
        if try store.file(.pdf, number: record.number) == nil {
            let (document, _) = try signedDocument(record)
            try renderAndStore(document, company: company, at: now)
        }
        let request = try store.printRequest(number: record.number)
        let before = try store.printJobs(number: record.number).count
        if let company, let source = try store.file(.source, number: record.number),
            let draft = try? ERPDocumentReader.read(source, source: "\(record.number) (stored request)")
        {
            // The routing rules choose printers, copies, media and layout from the request's print hints.
            try enqueueIssuePrints(
                for: stored, draft: draft, company: company, printer: request.printer, requestedBy: request.requestedBy ?? "erp")
        } else if let target = request.printer ?? company?.defaultPrinter {
            _ = try enqueuePrint(
                number: stored.number, printer: target, copies: company?.copies ?? 1, reason: "issue",
                requestedBy: request.requestedBy ?? "erp")
        }
        let jobs = try store.printJobs(number: record.number).dropFirst(before)
        let printed = jobs.isEmpty ? "no printer configured" : "print queued on " + jobs.map(\.printer).joined(separator: ", ")
        let transmitted = issuance.gateways[record.company] == nil ? "not transmitted (no DIAN endpoint configured); " : ""
        try store.advanceIssuance(
            number: record.number,
            IssuanceUpdate(
                state: keepState ? record.state : IssuanceState.delivered.rawValue, delivered: true,
                event: ("delivered", transmitted + printed)),
            at: now)
    }
}
