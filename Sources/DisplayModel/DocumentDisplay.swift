public import DocumentModel
import Foundation

/// Turns an issued document into the display data every layout reads: all text formatted for Colombia,
/// every amount already computed by the document model and only formatted here.
///
/// The fields are listed in ``schema``; `Layouts/README.md` documents each one for designers.
public enum DocumentDisplay {
    /// The production layout that draws this data when no kind is known: `Layouts/invoice.xml`.
    public static let layoutName = "invoice"

    /// The production layout for a kind of document: `invoice` (`Layouts/invoice.xml`), `credit-note`,
    /// `debit-note`. Every layout binds the same display data (``schema``), so any of them can draw any kind.
    public static func layoutName(for kind: DocumentKind) -> String {
        switch kind {
        case .invoice: "invoice"
        case .creditNote: "credit-note"
        case .debitNote: "debit-note"
        }
    }

    /// The other production layouts of documents: the same data on another paper (`invoice-letter`, the POS
    /// roll `pos-80mm`) or for another purpose (`supplier-invoice`, a received invoice for internal review).
    public static let alternativeLayouts = ["invoice-letter", "pos-80mm", "supplier-invoice"]

    /// The display data of `document`.
    /// - Parameters:
    ///   - document: the document exactly as issued (or read from its UBL XML).
    ///   - branding: the issuing company's corporate image.
    ///   - copy: `true` for a reprint, which sets `document.isCopy` and `document.copyMark` (`COPIA`).
    ///   - draft: `true` for a preview of a document that was never issued (`document.isDraft`, `document.draftMark`).
    public static func make(_ document: ElectronicDocument, branding: Branding, copy: Bool = false, draft: Bool = false)
        -> DisplayValue
    {
        .record([
            "document": documentFields(document, copy: copy, draft: draft),
            "reference": referenceFields(document),
            "issuer": party(document.supplier),
            "buyer": party(document.customer),
            "lines": .list(document.lines.map { line($0) }),
            "taxes": .list(taxRows(document.taxTotals)),
            "totals": totals(document),
            "branding": brandingFields(branding, issuer: document.supplier),
        ])
    }

    /// The document title by kind.
    public static func title(of kind: DocumentKind) -> String {
        switch kind {
        case .invoice: "FACTURA ELECTRÓNICA DE VENTA"
        case .creditNote: "NOTA CRÉDITO ELECTRÓNICA"
        case .debitNote: "NOTA DÉBITO ELECTRÓNICA"
        }
    }

    /// `Resolución DIAN No. 18764000001234 del 15/01/2024, prefijo SETP, rango 990000001 al 995000000,
    /// vigencia hasta 15/01/2026`.
    public static func resolutionText(_ control: InvoiceControl) -> String {
        "Resolución DIAN No. \(control.authorization) del \(ColombianFormat.date(control.startDate)), "
            + "prefijo \(control.prefix), rango \(control.from) al \(control.to), "
            + "vigencia hasta \(ColombianFormat.date(control.endDate))"
    }

    private static func documentFields(_ document: ElectronicDocument, copy: Bool, draft: Bool) -> DisplayValue {
        let due = document.dueDate ?? document.paymentMeans?.dueDate
        let (form, means, payment) = paymentTexts(document, due: due)
        return .record([
            "kind": .text(document.kind.rawValue),
            "title": .text(title(of: document.kind)),
            "number": .text(document.number),
            "codeLabel": .text(document.kind.uniqueCodeName),
            "code": .text(document.uniqueCode ?? ""),
            "issueDate": .value(.date(document.issueDate)),
            "issueTime": .text(ColombianFormat.time(document.issueTime)),
            "dueDate": due.map { .value(.date($0)) } ?? .text(""),
            "paymentForm": .text(form),
            "paymentMeans": .text(means),
            "payment": .text(payment),
            "currency": .text(document.currency),
            "orderReference": .text(document.orderReference ?? ""),
            "notes": .list(document.notes.map { .text($0) }),
            "qr": .text(document.qrText ?? ""),
            "resolution": .text(document.control.map(resolutionText) ?? ""),
            "isNote": .flag(document.kind != .invoice),
            "isCopy": .flag(copy),
            "copyMark": .text(copy ? "COPIA" : ""),
            "isDraft": .flag(draft),
            "draftMark": .text(draft ? "BORRADOR — SIN VALIDEZ FISCAL, NO EMITIDO" : ""),
        ])
    }

    private static func paymentTexts(_ document: ElectronicDocument, due: CalendarDate?) -> (String, String, String) {
        guard let means = document.paymentMeans else { return ("", "", "") }
        var form = means.isCredit ? "Crédito" : "Contado"
        if means.isCredit, let due {
            let days = daysBetween(document.issueDate, due)
            if days > 0 { form += " \(days) días" }
        }
        let name = DIANLabels.paymentMeans(means.code)
        return (form, name, form + " – " + name)
    }

    private static func referenceFields(_ document: ElectronicDocument) -> DisplayValue {
        let reference = document.billingReference
        var concept = ""
        if let discrepancy = document.discrepancy {
            let standard =
                document.kind == .debitNote
                ? DIANLabels.debitNoteConcept(discrepancy.code) : DIANLabels.creditNoteConcept(discrepancy.code)
            let description = discrepancy.description.isEmpty ? (standard ?? "") : discrepancy.description
            concept = description.isEmpty ? discrepancy.code : discrepancy.code + " – " + description
        }
        return .record([
            "number": .text(reference?.id ?? ""),
            "codeLabel": .text("CUFE"),
            "code": .text(reference?.uuid ?? ""),
            "issueDate": reference?.issueDate.map { .value(.date($0)) } ?? .text(""),
            "concept": .text(concept),
        ])
    }

    private static func party(_ party: Party) -> DisplayValue {
        let identification = party.identification
        let address = party.address
        var cityLine = ""
        if let address {
            cityLine = address.cityName
            if !address.departmentName.isEmpty && address.departmentName != address.cityName {
                cityLine += cityLine.isEmpty ? address.departmentName : ", " + address.departmentName
            }
        }
        let regime =
            party.taxScheme.id == TaxScheme.iva.id ? "Responsable de IVA"
            : party.taxScheme.id == TaxScheme.inc.id ? "Responsable de INC" : "No responsable de IVA"
        return .record([
            "name": .text(party.name),
            "tradeName": .text(party.tradeName ?? ""),
            "idLabel": .text(identification.type.label),
            "idNumber": .text(identification.displayNumber),
            "idDigits": .text(identification.number),
            "id": .text(identification.displayText),
            "address": .text(address?.line ?? ""),
            "city": .text(address?.cityName ?? ""),
            "department": .text(address?.departmentName ?? ""),
            "cityLine": .text(cityLine),
            "country": .text(address?.countryName ?? ""),
            "phone": .text(party.phone ?? ""),
            "email": .text(party.email ?? ""),
            "responsibilities": .text(party.taxLevelCodes.map(DIANLabels.responsibility).joined(separator: "; ")),
            "taxRegime": .text(regime),
        ])
    }

    private static func line(_ line: DocumentLine) -> DisplayValue {
        let taxAmount = line.taxes.reduce(Amount.zero) { $0 + $1.taxAmount }
        let percents = line.taxes.flatMap { $0.subtotals.map(\.percent) }
        return .record([
            "number": .text(String(line.id)),
            "code": .text(line.code ?? ""),
            "description": .text(line.description),
            "note": .text(line.note ?? ""),
            "quantity": .value(.decimal(line.quantity)),
            "unit": .text(DIANLabels.unit(line.unitCode)),
            "unitPrice": .value(.amount(line.unitPrice)),
            "discount": .value(.amount(line.discount)),
            "hasDiscount": .flag(!line.discount.isZero),
            "taxPercent": .text(percents.map(ColombianFormat.percent).joined(separator: " + ")),
            "taxAmount": .value(.amount(taxAmount)),
            "net": .value(.amount(line.lineExtensionAmount)),
            "total": .value(.amount(line.lineExtensionAmount + taxAmount)),
        ])
    }

    private static func taxRows(_ totals: [TaxTotal]) -> [DisplayValue] {
        totals.flatMap { total in
            total.subtotals.map { subtotal in
                let percent = ColombianFormat.percent(subtotal.percent)
                return DisplayValue.record([
                    "name": .text(subtotal.scheme.name),
                    "percent": .text(percent),
                    "label": .text(subtotal.scheme.name + " " + percent),
                    "base": .value(.amount(subtotal.taxableAmount)),
                    "amount": .value(.amount(subtotal.taxAmount)),
                ])
            }
        }
    }

    private static func totals(_ document: ElectronicDocument) -> DisplayValue {
        let totals = document.totals
        let taxes = document.taxTotals.reduce(Amount.zero) { $0 + $1.taxAmount }
        return .record([
            "subtotal": .value(.amount(totals.lineExtensionAmount)),
            "taxBase": .value(.amount(totals.taxExclusiveAmount)),
            "taxes": .value(.amount(taxes)),
            "total": .value(.amount(totals.taxInclusiveAmount)),
            "discounts": .value(.amount(totals.allowanceTotalAmount)),
            "hasDiscounts": .flag(!totals.allowanceTotalAmount.isZero),
            "charges": .value(.amount(totals.chargeTotalAmount)),
            "hasCharges": .flag(!totals.chargeTotalAmount.isZero),
            "prepaid": .value(.amount(totals.prepaidAmount)),
            "hasPrepaid": .flag(!totals.prepaidAmount.isZero),
            "payable": .value(.amount(totals.payableAmount)),
            "inWords": .text(AmountInWords.spanish(totals.payableAmount, currency: document.currency)),
        ])
    }

    private static func brandingFields(_ branding: Branding, issuer: Party) -> DisplayValue {
        .record([
            "tradeName": .text(branding.tradeName ?? issuer.tradeName ?? issuer.name),
            "logo": .text(branding.logoPath ?? ""),
            "primaryColor": .text(branding.primaryColor),
            "accentColor": .text(branding.accentColor),
            "legalTexts": .list(branding.legalTexts.map { .text($0) }),
        ])
    }

    /// Whole days from `start` to `end` (proleptic Gregorian).
    private static func daysBetween(_ start: CalendarDate, _ end: CalendarDate) -> Int {
        dayNumber(end) - dayNumber(start)
    }

    private static func dayNumber(_ date: CalendarDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}
