public import Foundation

/// Adds WS-Security to an outgoing request: the client's half of DIAN's security contract.
///
/// The envelope handed to ``secure(_:now:)`` already has `soap:Header` with `wsa:Action` and
/// `wsa:To wsu:Id="ID-1"` (see ``SOAPRequest``); an implementation only inserts `wsse:Security`
/// (timestamp, X.509 token, signature over `wsa:To`) as the header's first child.
public protocol EnvelopeSecurity: Sendable {
    /// Returns the envelope with `wsse:Security` added.
    /// - Parameters:
    ///   - envelope: The serialized SOAP 1.2 envelope.
    ///   - now: The moment for `wsu:Created` (the client's injected clock).
    func secure(_ envelope: [UInt8], now: Date) throws -> [UInt8]
}

/// Checks and signs for the simulator: the server's half of DIAN's security contract.
public protocol SimulatorSecurity: Sendable {
    /// Checks the request's WS-Security header; a throw becomes the SOAP Fault `s:Sender` / `a:InvalidSecurity`.
    func verifyEnvelope(_ envelope: [UInt8], now: Date) throws
    /// Checks the document's XAdES signature; a throw becomes a rejection with rule `ZE02`.
    func verifyDocument(_ signedXML: [UInt8]) throws
    /// Signs DIAN's ApplicationResponse (its signature slot holds `folio:SignaturePending`).
    func signApplicationResponse(_ unsignedXML: [UInt8], at: Date) throws -> [UInt8]
}
