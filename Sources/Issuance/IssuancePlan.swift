public import DocumentModel
public import Foundation

/// Where one document stands in issuance. Persisted after every step, so a crash or restart resumes the
/// document from here without a second number or a second transmission.
///
/// ```
/// numbered ─► signed ─► transmitting ─► accepted ─► archived ─► delivered
///               ▲  │          │  └────► rejected (waits for the corrected resend, same number)
///               │  │          └─ DIAN does not have it (GetStatus) ─► signed
///               └──┘ re-dated and re-signed when the day changed before DIAN had it
/// ```
/// Without a DIAN endpoint a signed document goes straight to `delivered` (printed, not transmitted).
public enum IssuanceState: String, Sendable, Codable, CaseIterable {
    /// The number is taken; the ERP source and the unsigned UBL are stored.
    case numbered
    /// The signed XML is stored; DIAN has certainly not received it.
    case signed
    /// A transmission was started; DIAN may hold the document, so it is asked (GetStatus) before any resend.
    case transmitting
    /// DIAN validated the document; its ApplicationResponse is stored.
    case accepted
    /// DIAN refused the document. The number is kept for the corrected resend under the same ERP reference.
    case rejected
    /// The AttachedDocument is built and stored.
    case archived
    /// Final: the graphic representation is stored and the print jobs and notification are queued.
    case delivered

    /// No step follows without outside help (a corrected resend).
    public var isSettled: Bool { self == .delivered || self == .rejected }
}

/// What the pipeline knows about a document when it chooses the next step.
public struct IssuanceFacts: Sendable, Hashable {
    public var state: IssuanceState
    public var kind: DocumentKind
    /// The date written in the document (issue date = signing date).
    public var issueDate: CalendarDate
    /// Today in Bogotá.
    public var today: CalendarDate
    /// A DIAN endpoint is configured.
    public var transmits: Bool
    /// Issued as tipo 04 (DIAN unreachable) and already handed to the buyer: it keeps its date.
    public var inContingency: Bool
    /// The graphic representation was already delivered (contingency documents are delivered before DIAN has them).
    public var delivered: Bool
    /// How long DIAN has been failing for this document (retryable errors only); nil when it has not failed.
    public var unreachableFor: TimeInterval?
    /// After how long an unreachable DIAN lets an invoice go out as tipo 04; nil disables contingency.
    public var contingencyAfter: TimeInterval?

    public init(
        state: IssuanceState, kind: DocumentKind, issueDate: CalendarDate, today: CalendarDate, transmits: Bool,
        inContingency: Bool = false, delivered: Bool = false, unreachableFor: TimeInterval? = nil,
        contingencyAfter: TimeInterval? = nil
    ) {
        self.state = state
        self.kind = kind
        self.issueDate = issueDate
        self.today = today
        self.transmits = transmits
        self.inContingency = inContingency
        self.delivered = delivered
        self.unreachableFor = unreachableFor
        self.contingencyAfter = contingencyAfter
    }
}

/// The next thing to do for a document.
public enum IssuanceStep: Sendable, Hashable {
    /// Sign the stored unsigned XML; with `redate`, first rebuild it dated today (new CUFE, same number).
    case sign(redate: Bool)
    /// Send the signed XML to DIAN (SendBillSync).
    case transmit
    /// Ask DIAN whether it holds the document (GetStatus with the CUFE) before anything is sent again.
    case askStatus
    /// DIAN has been unreachable too long: re-issue the invoice as tipo 04, sign it and deliver it now.
    case enterContingency
    /// Build and sign the AttachedDocument from the signed XML and DIAN's ApplicationResponse.
    case archive
    /// Render the final graphic representation, queue its print jobs and the notification.
    case deliver
    /// Everything is done (a contingency document was delivered earlier): mark it delivered.
    case finish
    /// Nothing to do.
    case none
}

/// The state machine of issuance: pure, so that every branch is tested without a DIAN or a clock.
public enum IssuancePlan {
    public static func next(_ facts: IssuanceFacts) -> IssuanceStep {
        switch facts.state {
        case .numbered:
            return .sign(redate: facts.issueDate != facts.today && !facts.inContingency)
        case .signed:
            if !facts.transmits { return facts.delivered ? .finish : .deliver }
            // DIAN does not have it: a document that waited past midnight is re-dated (issue date = signing
            // date = day sent). A contingency document was already handed over and keeps its date.
            if facts.issueDate != facts.today && !facts.inContingency { return .sign(redate: true) }
            if shouldEnterContingency(facts) { return .enterContingency }
            return .transmit
        case .transmitting:
            if shouldEnterContingency(facts) { return .enterContingency }
            return .askStatus
        case .accepted:
            return .archive
        case .archived:
            return facts.delivered ? .finish : .deliver
        case .rejected, .delivered:
            return .none
        }
    }

    /// Only invoices have a contingency (tipo 04); credit and debit notes wait for DIAN.
    static func shouldEnterContingency(_ facts: IssuanceFacts) -> Bool {
        guard facts.kind == .invoice, !facts.inContingency, let limit = facts.contingencyAfter,
            let waited = facts.unreachableFor
        else { return false }
        return waited >= limit
    }

    /// Seconds to wait before retry number `attempt` (1-based) after a retryable failure: 2, 4, 8 … capped.
    public static func retryDelay(attempt: Int, cap: TimeInterval = 300) -> TimeInterval {
        let exponent = min(max(attempt, 1), 16)
        return min(cap, Double(1 << exponent))
    }
}
