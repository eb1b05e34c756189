public import DocumentModel
public import Foundation

/// Signs a UBL document (XAdES-EPES, DIAN's policy v2). The signed bytes returned are the bytes stored,
/// transmitted and e-mailed: never re-serialised.
public protocol DocumentSigning: Sendable {
    func sign(_ unsignedXML: [UInt8], signingTime: Date) throws -> [UInt8]
}

/// DIAN as the issuance pipeline sees it: send a signed document, or ask about one.
public protocol DIANGateway: Sendable {
    /// Sends one signed document (SendBillSync) and returns DIAN's verdict.
    /// - Throws: ``DIANGatewayError``; a retryable one leaves it unknown whether DIAN received the document.
    func send(signedXML: [UInt8], document: ElectronicDocument) throws -> DIANVerdict
    /// Asks DIAN for its verdict on a document (GetStatus with the CUFE/CUDE); nil when DIAN does not have it.
    func status(of document: ElectronicDocument) throws -> DIANVerdict?
}

/// What DIAN said about a document.
public enum DIANVerdict: Sendable, Hashable {
    /// Validated (StatusCode 00): DIAN's signed ApplicationResponse and any notifications.
    case accepted(applicationResponse: [UInt8], notifications: [String])
    /// Refused (StatusCode 99): the "Regla: …, Rechazo: …" messages.
    case rejected(messages: [String])
    /// "Batch en proceso de validación": ask again later.
    case inProcess
}

/// A failure to reach DIAN or to get an answer from it.
public struct DIANGatewayError: Error, Sendable, CustomStringConvertible {
    /// Timeouts, refused connections, HTTP 5xx: worth another try after a back-off.
    public var retryable: Bool
    public var message: String

    public init(retryable: Bool, message: String) {
        self.retryable = retryable
        self.message = message
    }

    public var description: String { message }
}
