public import DIANClient
import DocumentModel
public import Foundation
import Issuance
import Signing

/// DIAN reached through its SOAP web service (or Folio's simulator), for one company.
struct DIANServiceGateway: DIANGateway {
    let client: DIANClient
    let issuerNIT: String
    let now: @Sendable () -> Date

    func send(signedXML: [UInt8], document: ElectronicDocument) throws -> DIANVerdict {
        let names = try fileName(for: document)
        let zip = try DIANZip.make(fileName: names.xml, xml: signedXML, modified: now())
        let answer = try calling { try client.sendBillSync(fileName: names.zip, zip: zip) }
        // "Documento procesado anteriormente": DIAN already holds it (an earlier answer was lost); its verdict
        // is the one that counts.
        if answer.messages.contains(where: { $0.rule == "90" }), let held = try status(of: document) {
            return held
        }
        return verdict(answer)
    }

    func status(of document: ElectronicDocument) throws -> DIANVerdict? {
        guard let code = document.uniqueCode else { return nil }
        let answer = try calling { try client.getStatus(trackId: code) }
        return answer.isNotFound ? nil : verdict(answer)
    }

    func verdict(_ answer: DianResponse) -> DIANVerdict {
        if answer.isBatchInProgress { return .inProcess }
        if answer.isAccepted, let response = answer.applicationResponse {
            return .accepted(applicationResponse: response, notifications: answer.notifications.map(\.text))
        }
        let reasons = answer.rejections.isEmpty ? answer.messages : answer.rejections
        return .rejected(
            messages: reasons.isEmpty ? ["StatusCode \(answer.statusCode): \(answer.statusDescription)"] : reasons.map(\.text))
    }

    /// DIAN's naming: `fv`/`nc`/`nd` + NIT (10 digits) + provider code + year + the sequence in 8 hex digits.
    func fileName(for document: ElectronicDocument) throws -> DIANFileName {
        let kind: DIANFileName.Kind =
            switch document.kind {
            case .invoice: .invoice
            case .creditNote: .creditNote
            case .debitNote: .debitNote
            }
        let digits = document.number.drop { !$0.isNumber }
        let sequence = UInt32(digits) ?? UInt32(truncatingIfNeeded: document.number.hashValue)
        return try DIANFileName(kind: kind, nit: issuerNIT, year: document.issueDate.year, sequence: sequence)
    }

    func calling(_ body: () throws -> DianResponse) throws -> DianResponse {
        do {
            return try body()
        } catch let error as DIANClientError {
            throw DIANGatewayError(retryable: error.isRetryable, message: error.description)
        }
    }
}

/// The WS-Security header signed with the company's certificate.
struct SignedEnvelopes: EnvelopeSecurity {
    let security: WSSecurity

    func secure(_ envelope: [UInt8], now: Date) throws -> [UInt8] { try security.secure(envelope, now: now) }
}

/// The simulator's half of DIAN's security, over the Signing module: it checks WS-Security and XAdES as DIAN
/// does, and signs its ApplicationResponses with its own certificate.
public struct XAdESSimulatorSecurity: SimulatorSecurity {
    let signer: XAdESSigner
    let trustedRootsPEM: [String]

    /// - Parameters:
    ///   - signing: the certificate the simulator signs its answers with.
    ///   - trustedRootsPEM: roots a document's signing certificate must chain to; empty: any well-formed chain.
    public init(signing: FolioConfiguration.SigningSettings, trustedRootsPEM: [String] = []) throws {
        signer = XAdESSigner(identity: try SigningIdentity(signing), role: .thirdParty)
        self.trustedRootsPEM = trustedRootsPEM
    }

    public func verifyEnvelope(_ envelope: [UInt8], now: Date) throws { _ = try WSSecurity.verify(envelope, now: now) }

    public func verifyDocument(_ signedXML: [UInt8]) throws {
        _ = try SignatureVerifier.verify(signedXML, trustedRootsPEM: trustedRootsPEM)
    }

    public func signApplicationResponse(_ unsignedXML: [UInt8], at instant: Date) throws -> [UInt8] {
        try signer.sign(unsignedXML, signingTime: instant)
    }
}
