public import DocumentModel
import Printing

/// One routing rule of `printing.rules`: conditions (all those given must hold) and what to print.
public struct PrintRule: Sendable, Hashable {
    /// The company `id`.
    public var company: String?
    /// The ERP's `print.branch`.
    public var branch: String?
    /// The ERP's `print.warehouse`.
    public var warehouse: String?
    /// `invoice`, `credit-note` or `debit-note`.
    public var type: String?
    /// Where to print: queue names or `ipp://HOST:PORT/printers/QUEUE`, one job each.
    public var printers: [String]
    /// Copies per printer (else the company's `printing.copies`).
    public var copies: Int?
    /// `A4`, `letter`, `80mm` (roll) or a PWG media keyword such as `iso_a5_148x210mm`.
    public var media: String?
    /// Print on both sides (`two-sided-long-edge`) or one (`one-sided`); absent: the printer's default.
    public var duplex: Bool?
    /// The layout variant (a file of Layouts/ without `.xml`) for this printer's copy.
    public var layout: String?

    public init(
        company: String? = nil, branch: String? = nil, warehouse: String? = nil, type: String? = nil, printers: [String],
        copies: Int? = nil, media: String? = nil, duplex: Bool? = nil, layout: String? = nil
    ) {
        self.company = company
        self.branch = branch
        self.warehouse = warehouse
        self.type = type
        self.printers = printers
        self.copies = copies
        self.media = media
        self.duplex = duplex
        self.layout = layout
    }

    /// Whether the rule applies to a document of `company` and `type` with the ERP's `hints`.
    public func matches(company: String, type: String, hints: PrintHints) -> Bool {
        (self.company == nil || self.company == company) && (self.type == nil || self.type == type)
            && (warehouse == nil || warehouse == hints.warehouse) && (branch == nil || branch == hints.branch)
    }

    /// The IPP `media` keyword for a configured media name, or `nil` if the name is unknown.
    public static func ippMedia(_ name: String) -> String? {
        switch name.lowercased() {
        case "a4": "iso_a4_210x297mm"
        case "letter", "carta": "na_letter_8.5x11in"
        case "80mm", "80mm-roll": "custom_80mm-roll_80x297mm"
        default:
            name.contains("_") && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) } ? name : nil
        }
    }

    func problems(path: String, companies: [String]) -> [String] {
        var problems: [String] = []
        if let company, !companies.contains(company) {
            problems.append("\(path).company: \"\(company)\" is not a configured company (known: \(companies.joined(separator: ", ")))")
        }
        if let type, DocumentKind(rawValue: type) == nil {
            problems.append("\(path).type: \"\(type)\" must be invoice, credit-note or debit-note")
        }
        if printers.isEmpty { problems.append("\(path).printers: at least one printer is needed") }
        for (index, printer) in printers.enumerated() {
            if let problem = PrinterAddress.problem(with: printer) { problems.append("\(path).printers[\(index + 1)]: \(problem)") }
        }
        if Set(printers).count != printers.count { problems.append("\(path).printers: a printer is listed twice") }
        if let copies, !(1...99).contains(copies) { problems.append("\(path).copies: \(copies) must be from 1 to 99") }
        if let media, Self.ippMedia(media) == nil {
            problems.append("\(path).media: \"\(media)\" is not A4, letter, 80mm or a PWG media keyword (iso_a5_148x210mm)")
        }
        if let layout, layout.isEmpty || !layout.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-".contains($0)) }) {
            problems.append("\(path).layout: \"\(layout)\" is not a layout name (a file of Layouts/ without .xml)")
        }
        return problems
    }
}

/// One job to queue for a newly issued document.
public struct PrintPlan: Sendable, Hashable {
    public var printer: String
    public var copies: Int
    /// IPP `media` keyword.
    public var media: String?
    /// IPP `sides` keyword.
    public var sides: String?
    /// Layout variant; `nil` prints the stored PDF.
    public var layout: String?

    public init(printer: String, copies: Int, media: String? = nil, sides: String? = nil, layout: String? = nil) {
        self.printer = printer
        self.copies = copies
        self.media = media
        self.sides = sides
        self.layout = layout
    }
}

/// The routing rules as a pure function.
public enum PrintRouting {
    /// The jobs for a document: printers from the explicit printer (API/CLI), else the ERP's `print.printer`,
    /// else the first matching rule, else the company's default printer; copies from the ERP, else the rule,
    /// else the company; media, duplex and layout from the rule. No printer anywhere → no job.
    public static func plans(
        company: String, type: String, hints: PrintHints, explicitPrinter: String?, rules: [PrintRule],
        defaultPrinter: String?, defaultCopies: Int
    ) -> [PrintPlan] {
        let rule = rules.first { $0.matches(company: company, type: type, hints: hints) }
        let printers = explicitPrinter.map { [$0] } ?? hints.printer.map { [$0] } ?? rule?.printers ?? defaultPrinter.map { [$0] } ?? []
        let copies = hints.copies ?? rule?.copies ?? defaultCopies
        return printers.map { printer in
            PrintPlan(
                printer: printer, copies: copies, media: rule?.media.flatMap(PrintRule.ippMedia),
                sides: rule?.duplex.map { $0 ? "two-sided-long-edge" : "one-sided" }, layout: rule?.layout)
        }
    }
}
