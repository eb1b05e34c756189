import DIANClient
import DIANRules
import DocumentModel
import Foundation

/// The rules the simulator checks, with the codes it reports.
///
/// `ZE02`, `FAD06`, `90` are DIAN's (DIAN.md §3.5, §5); `ZB01`–`ZB03` are the simulator's own codes for
/// packaging, schema and reading problems (DIAN's exact codes for these are not documented in DIAN.md);
/// the numbering, date and totals codes follow DIAN's naming but are [U] — check against the Anexo.
enum SimulatorRules {
    static func reject(_ rule: String, _ message: String) -> DIANRuleMessage {
        DIANRuleMessage(rule: rule, severity: .rejection, message: message)
    }

    static func notify(_ rule: String, _ message: String) -> DIANRuleMessage {
        DIANRuleMessage(rule: rule, severity: .notification, message: message)
    }

    /// FAD06 / CAD06 / DAD06: the CUFE/CUDE recomputed with the simulator's key differs from `cbc:UUID`.
    static func uniqueCode(_ document: ElectronicDocument, configuration: SimulatorConfiguration) -> [DIANRuleMessage] {
        let name = document.kind.uniqueCodeName
        let rule = ["FAD06", "CAD06", "DAD06"][document.kind == .invoice ? 0 : document.kind == .creditNote ? 1 : 2]
        let key: String
        if document.kind == .invoice {
            key = configuration.technicalKey
        } else if let pin = configuration.softwarePIN {
            key = pin
        } else {
            return [notify(rule, "El simulador no tiene PIN de software: no verificó el \(name).")]
        }
        let expected = UniqueCode.compute(UniqueCode.fields(of: document, key: key))
        guard let declared = document.uniqueCode, declared == expected else {
            return [reject(rule, "Valor del \(name) no está calculado correctamente.")]
        }
        return []
    }

    /// The number must carry the range's prefix and lie within From…To (the document's own range, and the
    /// simulator's range for that prefix when it has one); the issue date within the range's period.
    static func numbering(_ document: ElectronicDocument, configuration: SimulatorConfiguration) -> [DIANRuleMessage] {
        guard document.kind == .invoice else { return [] }
        guard let control = document.control else {
            return [reject("FAB05a", "No se informó la resolución de numeración (sts:InvoiceControl).")]
        }
        var rules: [DIANRuleMessage] = []
        guard document.number.hasPrefix(control.prefix), let sequence = Int(document.number.dropFirst(control.prefix.count))
        else {
            return [reject("FAD05c", "El número \(document.number) no comienza con el prefijo \(control.prefix) seguido del consecutivo.")]
        }
        if sequence < control.from || sequence > control.to {
            rules.append(reject("FAD05b", "El número \(sequence) está fuera del rango autorizado \(control.from)–\(control.to)."))
        }
        if document.issueDate < control.startDate || document.issueDate > control.endDate {
            rules.append(reject("FAB07b", "La fecha de emisión \(document.issueDate.iso) está fuera de la vigencia de la resolución."))
        }
        if !configuration.ranges.isEmpty {
            let known = configuration.ranges.filter { $0.prefix == control.prefix }
            if known.isEmpty {
                rules.append(reject("FAB10b", "El prefijo \(control.prefix) no corresponde a un rango de numeración autorizado."))
            } else if !known.contains(where: { Int64(sequence) >= $0.fromNumber && Int64(sequence) <= $0.toNumber }) {
                rules.append(reject("FAD05b", "El número \(document.number) no está en un rango autorizado por la DIAN."))
            } else if !known.contains(where: { $0.resolutionNumber == control.authorization }) {
                rules.append(reject("FAB05b", "La resolución \(control.authorization) no corresponde al prefijo \(control.prefix)."))
            }
        }
        return rules
    }

    /// The issue date may not be after today (Bogotá); more than N days before today is notified.
    static func issueDate(_ document: ElectronicDocument, today: CalendarDate, configuration: SimulatorConfiguration)
        -> [DIANRuleMessage]
    {
        if document.issueDate > today {
            return [reject("FAD09a", "La fecha de emisión \(document.issueDate.iso) es posterior a la fecha de recepción \(today.iso).")]
        }
        if daysBetween(document.issueDate, today) > configuration.issueDateNotificationDays {
            return [notify("FAD09b", "La fecha de emisión \(document.issueDate.iso) es anterior en más de \(configuration.issueDateNotificationDays) días a la recepción.")]
        }
        return []
    }

    /// LineExtensionAmount = Σ lines; TaxInclusive = TaxExclusive + Σ taxes;
    /// Payable = TaxInclusive − allowances + charges − prepaid; tolerance ±2.00 (AT 5.2.1.1).
    static func totals(_ document: ElectronicDocument) -> [DIANRuleMessage] {
        let tolerance = Amount(Decimal(2))
        func differs(_ a: Amount, _ b: Amount) -> Bool {
            let difference = a - b
            return (difference.isNegative ? Amount.zero - difference : difference) > tolerance
        }
        let totals = document.totals
        var rules: [DIANRuleMessage] = []
        let lines = document.lines.reduce(Amount.zero) { $0 + $1.lineExtensionAmount }
        if differs(lines, totals.lineExtensionAmount) {
            rules.append(reject("FAU02", "LineExtensionAmount \(totals.lineExtensionAmount.fixed2) no es la suma de las líneas \(lines.fixed2)."))
        }
        let taxes = document.taxTotals.reduce(Amount.zero) { $0 + $1.taxAmount }
        if differs(totals.taxExclusiveAmount + taxes, totals.taxInclusiveAmount) {
            rules.append(reject("FAU06", "TaxInclusiveAmount \(totals.taxInclusiveAmount.fixed2) no es TaxExclusiveAmount más impuestos (\((totals.taxExclusiveAmount + taxes).fixed2))."))
        }
        let payable = totals.taxInclusiveAmount - totals.allowanceTotalAmount + totals.chargeTotalAmount - totals.prepaidAmount
        if differs(payable, totals.payableAmount) {
            rules.append(reject("FAU14", "PayableAmount \(totals.payableAmount.fixed2) no corresponde a \(payable.fixed2)."))
        }
        return rules
    }

    private static func daysBetween(_ from: CalendarDate, _ to: CalendarDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        guard let start = calendar.date(from: DateComponents(year: from.year, month: from.month, day: from.day)),
            let end = calendar.date(from: DateComponents(year: to.year, month: to.month, day: to.day))
        else { return 0 }
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }
}
