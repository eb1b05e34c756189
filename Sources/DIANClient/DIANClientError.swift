/// Why a call to DIAN did not give an answer the caller can use, and whether trying again may help.
///
/// Retryable: ``Code/timeout``, ``Code/connectionFailed``, ``Code/httpStatus`` 5xx, ``Code/batchInProgress``
/// and a SOAP Fault blaming the server (`s:Receiver`). Not retryable: a SOAP Fault blaming the request
/// (`s:Sender`, e.g. `InvalidSecurity`), a rejection (``Code/rejected``), TLS problems, malformed answers,
/// invalid requests. When ``requestMayHaveArrived`` is true (a timeout or a connection broken after
/// sending), DIAN may have processed the document: ask ``DIANClient/getStatus(trackId:)`` before sending again.
public struct DIANClientError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case timeout, connectionFailed = "connection_failed", httpStatus = "http_status", soapFault = "soap_fault"
            case batchInProgress = "batch_in_progress", rejected, malformedResponse = "malformed_response"
            case invalidRequest = "invalid_request", security, tls, transport
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No complete answer within the client's timeout.
        public static let timeout = Code(.timeout)
        /// The connection was refused, could not be made, or broke.
        public static let connectionFailed = Code(.connectionFailed)
        /// An HTTP status other than 200 without a SOAP Fault (``DIANClientError/httpStatus``).
        public static let httpStatus = Code(.httpStatus)
        /// A SOAP 1.2 Fault (``DIANClientError/fault``).
        public static let soapFault = Code(.soapFault)
        /// DIAN has not finished validating the batch ("Batch en proceso de validación."): ask again later.
        public static let batchInProgress = Code(.batchInProgress)
        /// DIAN rejected the document (StatusCode 99, rules in ``DIANClientError/rules``).
        public static let rejected = Code(.rejected)
        /// The answer is not the SOAP response the operation defines.
        public static let malformedResponse = Code(.malformedResponse)
        /// The request cannot be sent as given (bad endpoint, file name, parameter).
        public static let invalidRequest = Code(.invalidRequest)
        /// The ``EnvelopeSecurity`` could not secure the envelope.
        public static let security = Code(.security)
        /// TLS failed (certificate, handshake).
        public static let tls = Code(.tls)
        /// Another libcurl failure.
        public static let transport = Code(.transport)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// A sentence naming the operation and what happened.
    public var message: String
    /// Whether the same request may succeed later.
    public var isRetryable: Bool
    /// Whether DIAN may have received (and processed) the request although no answer came back.
    public var requestMayHaveArrived: Bool
    /// The operation called, when known.
    public var operation: DIANOperation?
    /// The HTTP status, when a response came.
    public var httpStatus: Int?
    /// The SOAP Fault, for ``Code/soapFault``.
    public var fault: SOAPFault?
    /// DIAN's rule messages, for ``Code/rejected``.
    public var rules: [DIANRuleMessage]
    /// libcurl's error code, for transport failures.
    public var curlCode: Int?

    public init(
        code: Code, message: String, isRetryable: Bool = false, requestMayHaveArrived: Bool = false,
        operation: DIANOperation? = nil, httpStatus: Int? = nil, fault: SOAPFault? = nil, rules: [DIANRuleMessage] = [],
        curlCode: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
        self.requestMayHaveArrived = requestMayHaveArrived
        self.operation = operation
        self.httpStatus = httpStatus
        self.fault = fault
        self.rules = rules
        self.curlCode = curlCode
    }

    public var description: String {
        "\(code)\(isRetryable ? " (retryable)" : ""): \(message)"
    }

    /// A tree for logs: the summary, then the rules or the fault on their own lines.
    public func detailedDescription() -> String {
        var lines = [description]
        if let fault { lines.append("  fault: \(fault)") }
        for rule in rules { lines.append("  \(rule)") }
        return lines.joined(separator: "\n")
    }
}
