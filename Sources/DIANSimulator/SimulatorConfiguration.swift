public import DIANClient
public import Foundation

/// What the simulator knows that DIAN would know: the technical key of the numbering range, the
/// software PIN, the authorised ranges, the schemas, and the clock.
public struct SimulatorConfiguration: Sendable {
    /// The ClTec the CUFE of invoices is recomputed with.
    public var technicalKey: String
    /// The software PIN the CUDE of credit/debit notes is recomputed with; `nil` skips that check
    /// (with a notification saying so).
    public var softwarePIN: String?
    /// The ranges GetNumberingRange answers, and that invoices' prefixes and numbers are checked against
    /// (besides the range written in the document). Empty: only the document's own range is checked.
    public var ranges: [NumberingRange]
    /// The folder holding `common/` and `maindoc/` of the UBL 2.1 XSD (`Schemas/ubl-2.1`).
    public var schemasDirectory: String
    /// The simulator's clock: "today" for the issue-date rules, the time of DIAN's ApplicationResponse.
    public var now: @Sendable () -> Date
    /// How many days before today an issue date may be without a notification.
    public var issueDateNotificationDays: Int

    public init(
        technicalKey: String, softwarePIN: String? = nil, ranges: [NumberingRange] = [], schemasDirectory: String,
        now: @escaping @Sendable () -> Date, issueDateNotificationDays: Int = 10
    ) {
        self.technicalKey = technicalKey
        self.softwarePIN = softwarePIN
        self.ranges = ranges
        self.schemasDirectory = schemasDirectory
        self.now = now
        self.issueDateNotificationDays = issueDateNotificationDays
    }
}
