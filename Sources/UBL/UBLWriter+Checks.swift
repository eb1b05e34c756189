import DocumentModel

extension UBLWriter {
    /// Refuses documents that UBL/DIAN cannot carry as given, before anything is built.
    static func check(_ document: ElectronicDocument) throws {
        let kind = document.kind
        func missing(_ message: String) -> UBLWriteError { UBLWriteError(code: .missingField, message: message) }
        func unsupported(_ message: String) -> UBLWriteError { UBLWriteError(code: .unsupportedField, message: message) }

        guard !document.lines.isEmpty else {
            throw missing("a UBL \(kind.rootName) needs at least one line (cac:\(kind.lineElement))")
        }
        guard document.software != nil else {
            throw missing("sts:SoftwareProvider and sts:SoftwareSecurityCode need document.software")
        }
        guard document.qrText != nil else { throw missing("sts:QRCode needs document.qrText") }
        if kind != .invoice, document.control != nil {
            throw unsupported("sts:InvoiceControl (numbering resolution) is written for invoices only; a \(kind.rootName) has none")
        }
        if kind == .invoice, document.discrepancy != nil {
            throw unsupported("an Invoice has no cac:DiscrepancyResponse; discrepancies belong to credit and debit notes")
        }
        if kind == .debitNote, let code = document.typeCode {
            throw unsupported("a DebitNote has no type-code element; typeCode must be nil (got \(code))")
        }
        if kind != .invoice, let due = document.dueDate {
            guard let means = document.paymentMeans else {
                throw unsupported("a \(kind.rootName) has no cbc:DueDate; its due date is cac:PaymentMeans/cbc:PaymentDueDate, so it needs paymentMeans")
            }
            if let meansDue = means.dueDate, meansDue != due {
                throw unsupported("a \(kind.rootName) has one due date (cac:PaymentMeans/cbc:PaymentDueDate) but dueDate \(due) differs from paymentMeans.dueDate \(meansDue)")
            }
        }
    }
}
