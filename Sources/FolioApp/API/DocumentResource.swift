import DocumentModel
import Store

/// The JSON shape of a document in API answers.
struct DocumentResource: Encodable {
    struct Links: Encodable {
        var `self`: String
        var pdf: String
        var xml: String
        var application_response: String
        var attached_document: String
        var reprint: String
    }

    /// Where the document stands in issuance (DIAN.md: sign → transmit → verdict → archive → deliver).
    struct Issuance: Encodable {
        var state: String
        var attempts: Int
        var last_error: String?
        var next_attempt_at: String?
        var contingency: Bool
        var delivered: Bool

        init(_ record: IssuanceRecord) {
            state = record.state
            attempts = record.attempts
            last_error = record.lastError
            next_attempt_at = record.attempts > 0 ? Timestamp.iso(record.nextAttempt) : nil
            contingency = record.contingency
            delivered = record.delivered
        }
    }

    struct Buyer: Encodable {
        var name: String
        var id: String
    }

    var number: String
    var company: String
    var erp_reference: String
    var type: String
    var unique_code: String
    var unique_code_name: String
    var status: String
    var issue_date: String
    var payable: String
    var buyer: Buyer
    var created_at: String
    var links: Links
    var issuance: Issuance?
    var events: [DocumentEvent]?
    var print_jobs: [PrintJobResource]?

    init(
        _ stored: StoredDocument, events: [DocumentEvent]? = nil, printJobs: [PrintJobRecord]? = nil,
        issuance: IssuanceRecord? = nil
    ) {
        let base = "/v1/documents/\(stored.number)"
        number = stored.number
        company = stored.company
        erp_reference = stored.erpReference
        type = stored.kind.rawValue
        unique_code = stored.uniqueCode
        unique_code_name = stored.kind.uniqueCodeName
        status = stored.status
        issue_date = stored.issueDate
        payable = stored.payable
        buyer = Buyer(name: stored.buyerName, id: stored.buyerID)
        created_at = stored.createdAt
        links = Links(
            self: base, pdf: base + "/pdf", xml: base + "/xml", application_response: base + "/application-response",
            attached_document: base + "/attached-document", reprint: base + "/reprint")
        self.issuance = issuance.map(Issuance.init)
        self.events = events
        print_jobs = printJobs.map { $0.map(PrintJobResource.init) }
    }
}

/// The JSON shape of a print job.
struct PrintJobResource: Encodable {
    var id: Int
    var number: String
    var printer: String
    var copies: Int
    var reason: String
    var requested_by: String
    var status: String
    var cups_job_id: Int?
    var cups_state: String?
    var attempts: Int
    var error: String?
    var alert: String?
    var moved_to: Int?
    var created_at: String
    var state_since: String
    var note: String?

    init(_ job: PrintJobRecord) {
        id = job.id
        number = job.number
        printer = job.printer
        copies = job.copies
        reason = job.reason
        requested_by = job.requestedBy
        status = job.status
        cups_job_id = job.cupsJobID
        cups_state = job.cupsState
        attempts = job.attempts
        error = job.error
        alert = job.alert
        moved_to = job.movedTo
        created_at = job.createdAt
        state_since = job.stateSince
        note = job.note
    }
}

/// `{"error": {"code", "message", "details"}}`, the one error shape of every answer.
struct ErrorBody: Encodable {
    struct Content: Encodable {
        var code: String
        var message: String
        var details: [Problem]
    }

    var error: Content

    init(code: String, message: String, details: [Problem] = []) {
        error = Content(code: code, message: message, details: details)
    }
}
