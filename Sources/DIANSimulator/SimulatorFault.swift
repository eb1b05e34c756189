public import DIANClient

/// A failure the simulator injects into its next answers, for reliability tests.
///
/// Set through `POST /control` with JSON
/// `{"operation":"SendBillSync","fault":"timeout","times":2,"delayMs":3000}` (`operation` absent: every
/// operation; `"fault":"none"` clears), or `folio dian-sim --fault …`.
public struct SimulatorFault: Sendable, Hashable, Codable {
    /// What goes wrong.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The request **is processed** (and remembered), then the answer is held back for `delayMs`
        /// (default 30 s): a client with a shorter timeout loses the answer, as when DIAN's answer is lost.
        case timeout
        /// HTTP 500 with an HTML body and no SOAP Fault, before any processing.
        case http500
        /// HTTP 503 Service Unavailable, before any processing.
        case http503
        /// A DianResponse "Batch en proceso de validación." (empty StatusCode), before any processing.
        case batchInProcess = "batch-in-process"
        /// The answer is delayed by `delayMs` (default 2 s) before processing, then given normally.
        case slow
        /// The SOAP Fault `s:Sender` / `a:InvalidSecurity`, as for a bad WS-Security header.
        case invalidSecurity = "invalid-security"
        /// Clears the faults (for `POST /control`).
        case none
    }

    /// The operation affected; `nil` for all of them.
    public var operation: DIANOperation?
    public var fault: Kind
    /// How many requests get it (then it is gone).
    public var times: Int
    /// The delay for `timeout` and `slow`, in milliseconds.
    public var delayMs: Int?

    public init(operation: DIANOperation? = nil, fault: Kind, times: Int = 1, delayMs: Int? = nil) {
        self.operation = operation
        self.fault = fault
        self.times = times
        self.delayMs = delayMs
    }

    private enum CodingKeys: String, CodingKey {
        case operation, fault, times, delayMs
    }

    /// Decodes `POST /control` JSON: `fault` is required; `times` defaults to 1, `operation` to every one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        operation = try container.decodeIfPresent(DIANOperation.self, forKey: .operation)
        fault = try container.decode(Kind.self, forKey: .fault)
        times = try container.decodeIfPresent(Int.self, forKey: .times) ?? 1
        delayMs = try container.decodeIfPresent(Int.self, forKey: .delayMs)
    }

    /// The delay in effect.
    var delay: Duration {
        .milliseconds(delayMs ?? (fault == .timeout ? 30_000 : 2_000))
    }
}
