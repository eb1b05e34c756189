/// A DIAN numbering resolution: the prefix and range a company may issue, the period, and the technical key.
public struct NumberingResolution: Sendable, Hashable, Codable {
    /// The resolution number (`sts:InvoiceAuthorization`).
    public var authorization: String
    public var prefix: String
    public var from: Int
    public var to: Int
    public var validFrom: CalendarDate
    public var validTo: CalendarDate
    /// ClTec: hashed into the CUFE, never written in the XML.
    public var technicalKey: String

    public init(
        authorization: String, prefix: String, from: Int, to: Int, validFrom: CalendarDate, validTo: CalendarDate,
        technicalKey: String
    ) {
        self.authorization = authorization
        self.prefix = prefix
        self.from = from
        self.to = to
        self.validFrom = validFrom
        self.validTo = validTo
        self.technicalKey = technicalKey
    }

    /// Why a number cannot be issued.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case exhausted(last: Int)
        case notYetValid(CalendarDate)
        case expired(CalendarDate)

        public var description: String {
            switch self {
            case .exhausted(let last): "the numbering range is exhausted (its last number \(last) is already used)"
            case .notYetValid(let from): "the numbering resolution is valid only from \(from)"
            case .expired(let to): "the numbering resolution expired on \(to)"
            }
        }
    }

    /// Checks that `sequence` may be issued on `date`.
    public func check(sequence: Int, on date: CalendarDate) throws(Refusal) {
        if date < validFrom { throw .notYetValid(validFrom) }
        if date > validTo { throw .expired(validTo) }
        if sequence > to { throw .exhausted(last: to) }
    }

    /// `SETP` + `990000001`.
    public func documentNumber(_ sequence: Int) -> String { prefix + String(sequence) }

    public var invoiceControl: InvoiceControl {
        InvoiceControl(
            authorization: authorization, startDate: validFrom, endDate: validTo, prefix: prefix, from: from, to: to)
    }
}
