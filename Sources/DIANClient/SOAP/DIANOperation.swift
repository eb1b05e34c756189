/// An operation of DIAN's `WcfDianCustomerServices` (DIAN.md §5).
public enum DIANOperation: String, Sendable, Hashable, CaseIterable, Codable {
    case sendBillSync = "SendBillSync"
    case sendBillAsync = "SendBillAsync"
    case sendTestSetAsync = "SendTestSetAsync"
    case getStatus = "GetStatus"
    case getStatusZip = "GetStatusZip"
    case getNumberingRange = "GetNumberingRange"
    case sendEventUpdateStatus = "SendEventUpdateStatus"

    /// The WS-Addressing action of the request: `http://wcf.dian.colombia/IWcfDianCustomerServices/SendBillSync`.
    public var action: String { "\(SOAPNamespace.service)/IWcfDianCustomerServices/\(rawValue)" }

    /// The WS-Addressing action of the response (`…/SendBillSyncResponse`).
    public var responseAction: String { action + "Response" }

    /// The operation whose request action is `action`, if any.
    public init?(action: String) {
        guard let found = Self.allCases.first(where: { $0.action == action }) else { return nil }
        self = found
    }
}
