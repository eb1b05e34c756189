/// A SOAP 1.2 Fault, e.g. `s:Sender` / `a:InvalidSecurity` "An error occurred when verifying security for the message."
public struct SOAPFault: Sendable, Hashable, CustomStringConvertible {
    /// The local part of `s:Code/s:Value`: `Sender` or `Receiver` (also `MustUnderstand`, `VersionMismatch`, …).
    public var code: String
    /// The local part of `s:Code/s:Subcode/s:Value`, e.g. `InvalidSecurity`.
    public var subcode: String?
    /// `s:Reason/s:Text`.
    public var reason: String

    public init(code: String, subcode: String?, reason: String) {
        self.code = code
        self.subcode = subcode
        self.reason = reason
    }

    /// A fault the server blames on itself (`Receiver`) may pass on retry; the others will not.
    public var isRetryable: Bool { code == "Receiver" }

    public var description: String { "\(code)\(subcode.map { "/\($0)" } ?? ""): \(reason)" }
}
