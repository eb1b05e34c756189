public import DocumentModel
public import Foundation
import DIANRules

/// Turns a checked ERP draft into the electronic document Folio writes: totals from the lines, the number,
/// Bogotá date and time, CUFE/CUDE, SoftwareSecurityCode and QR text.
public enum DocumentBuilder {
    /// Checks done before a number is taken, so a refused document never consumes one.
    public static func precheck(_ draft: DocumentDraft, issuer: IssuerProfile, on date: CalendarDate) -> [IssueProblem] {
        var problems: [IssueProblem] = []
        let resolution = issuer.resolution
        if date < resolution.validFrom {
            problems.append(IssueProblem(field: "company", message: "resolution \(resolution.authorization) is valid only from \(resolution.validFrom)"))
        }
        if date > resolution.validTo {
            problems.append(IssueProblem(field: "company", message: "resolution \(resolution.authorization) expired on \(resolution.validTo); configure the new one"))
        }
        if let due = draft.paymentMeans.dueDate, due < date {
            problems.append(IssueProblem(field: "payment.due_date", message: "\(due) is before the issue date \(date)"))
        }
        if draft.kind != .invoice && draft.billingReference == nil {
            problems.append(IssueProblem(field: "billing_reference", message: "a \(draft.kind.rawValue) must reference the invoice it corrects"))
        }
        problems += compareDeclaredTotals(draft)
        return problems
    }

    /// An ERP's own totals must agree with Folio's within ``TotalsCalculator/tolerance``; Folio never trusts either silently.
    static func compareDeclaredTotals(_ draft: DocumentDraft) -> [IssueProblem] {
        guard let declared = draft.declaredTotals else { return [] }
        let computed = TotalsCalculator.compute(draft.lines)
        let tax = computed.taxTotals.reduce(Amount.zero) { $0 + $1.taxAmount }
        let pairs: [(String, Amount?, Amount)] = [
            ("totals.line_extension", declared.lineExtensionAmount, computed.totals.lineExtensionAmount),
            ("totals.tax", declared.taxAmount, tax),
            ("totals.payable", declared.payableAmount, computed.totals.payableAmount),
        ]
        return pairs.compactMap { field, sent, ours in
            guard let sent else { return nil }
            let difference = Amount((sent - ours).value.magnitude)
            guard difference > TotalsCalculator.tolerance else { return nil }
            return IssueProblem(
                field: field,
                message: "the ERP sent \(sent.fixed2) but the lines add up to \(ours.fixed2) (difference \(difference.fixed2), tolerance \(TotalsCalculator.tolerance.fixed2))")
        }
    }

    /// Builds the document numbered `sequence`, issued at `instant`.
    public static func build(_ draft: DocumentDraft, issuer: IssuerProfile, sequence: Int, at instant: Date)
        -> ElectronicDocument
    {
        build(draft, issuer: issuer, number: issuer.resolution.documentNumber(sequence), at: instant)
    }

    /// Builds the document under an explicit `number` (a draft preview uses a number that is never issued).
    public static func build(_ draft: DocumentDraft, issuer: IssuerProfile, number: String, at instant: Date)
        -> ElectronicDocument
    {
        let computed = TotalsCalculator.compute(draft.lines)
        let (date, time) = BogotaTime.split(instant)
        let providerDV = NIT.checkDigit(of: issuer.providerNIT) ?? 0
        var document = ElectronicDocument(
            kind: draft.kind, environment: issuer.environment, customizationID: customizationID(for: draft),
            number: number, uniqueCode: nil, issueDate: date, issueTime: time,
            dueDate: draft.paymentMeans.dueDate, typeCode: typeCode(for: draft.kind), notes: draft.notes,
            currency: draft.currency, orderReference: draft.orderReference, billingReference: draft.billingReference,
            discrepancy: draft.discrepancy, supplier: issuer.supplier, customer: draft.customer,
            paymentMeans: draft.paymentMeans, taxTotals: computed.taxTotals, totals: computed.totals,
            lines: computed.lines,
            control: draft.kind == .invoice ? issuer.resolution.invoiceControl : nil,
            software: SoftwareProvider(
                providerNIT: issuer.providerNIT, providerCheckDigit: providerDV, softwareID: issuer.softwareID,
                securityCode: UniqueCode.softwareSecurityCode(softwareID: issuer.softwareID, pin: issuer.softwarePIN, number: number)),
            qrText: nil)
        let key = draft.kind == .invoice ? issuer.resolution.technicalKey : issuer.softwarePIN
        let code = UniqueCode.compute(UniqueCode.fields(of: document, key: key))
        document.uniqueCode = code
        document.qrText = QRText.make(for: document, uniqueCode: code)
        return document
    }

    /// The same invoice under another `InvoiceTypeCode` (04: issued while DIAN was unavailable), its codes recomputed.
    public static func retyped(_ document: ElectronicDocument, typeCode: String, issuer: IssuerProfile) -> ElectronicDocument {
        var retyped = document
        retyped.typeCode = typeCode
        let key = document.kind == .invoice ? issuer.resolution.technicalKey : issuer.softwarePIN
        let code = UniqueCode.compute(UniqueCode.fields(of: retyped, key: key))
        retyped.uniqueCode = code
        retyped.qrText = QRText.make(for: retyped, uniqueCode: code)
        return retyped
    }

    static func customizationID(for draft: DocumentDraft) -> String {
        switch draft.kind {
        case .invoice: "10"
        case .creditNote: draft.billingReference == nil ? "22" : "20"
        case .debitNote: draft.billingReference == nil ? "32" : "30"
        }
    }

    static func typeCode(for kind: DocumentKind) -> String? {
        switch kind {
        case .invoice: "01"
        case .creditNote: "91"
        case .debitNote: nil
        }
    }
}

/// A reason a draft cannot be issued, naming the field.
public struct IssueProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
