import DIANClient
public import Foundation
import DocumentModel
import Issuance
import Signing
import Store
import UBL

/// One document of a habilitación test set and DIAN's verdict on it.
public struct TestSetResult: Sendable, Hashable {
    public var number: String
    public var kind: String
    public var zipKey: String?
    /// `00` validated; `99` rejected; empty while DIAN still processes it.
    public var statusCode: String
    public var isValid: Bool
    public var messages: [String]
}

extension FolioService {
    /// DIAN's habilitación: issues and signs each ERP document (numbered as usual, not transmitted one by one),
    /// sends it with `SendTestSetAsync` under `testSetID`, then asks `GetStatusZip` for each ZipKey until DIAN has
    /// a verdict or `patience` runs out.
    ///
    /// The service must be built without a `dian` section (documents are only signed); `endpoint` is where the
    /// test set goes.
    public func runTestSet(
        _ documents: [(name: String, bytes: [UInt8])], testSetID: String, endpoint: String, timeout: TimeInterval,
        patience: TimeInterval = 120
    ) throws -> [TestSetResult] {
        // One client per company: its certificate signs the WS-Security header of every call.
        var clients: [String: DIANClient] = [:]
        func client(for company: String) throws -> DIANClient {
            if let client = clients[company] { return client }
            guard let signer = issuance.signers[company] as? XAdESSigner else {
                throw IssuanceStepError(message: "company \(company) has no signing certificate configured")
            }
            let client = DIANClient(
                endpoint: DIANEndpoint(url: endpoint), security: SignedEnvelopes(security: WSSecurity(identity: signer.identity)),
                timeout: .seconds(timeout), now: world.now)
            clients[company] = client
            return client
        }
        var sent: [(number: String, company: String, kind: String, zipKey: String?, messages: [String])] = []
        for (name, bytes) in documents {
            let stored: StoredDocument
            switch try submit(bytes, source: name, requestedBy: "habilitacion") {
            case .created(let document), .existing(let document): stored = document
            }
            guard let xml = try store.file(.xml, number: stored.number) else {
                throw IssuanceStepError(message: "the XML of \(stored.number) is missing")
            }
            let client = try client(for: stored.company)
            let document = try UBLReader.read(xml, sourceName: "\(stored.number).xml")
            let names = try DIANServiceGateway(client: client, issuerNIT: document.supplier.identification.number, now: world.now)
                .fileName(for: document)
            let upload = try client.sendTestSetAsync(
                fileName: names.zip, zip: try DIANZip.make(fileName: names.xml, xml: xml, modified: world.now()),
                testSetId: testSetID)
            try store.addEvent(
                number: stored.number, kind: "test-set",
                detail: "sent to DIAN's test set \(testSetID): ZipKey \(upload.zipKey ?? "none")", at: world.now())
            sent.append((stored.number, stored.company, stored.kind.rawValue, upload.zipKey, upload.messages.map(\.text)))
        }
        let deadline = Date().addingTimeInterval(patience)
        return try sent.map { item in
            var result = TestSetResult(
                number: item.number, kind: item.kind, zipKey: item.zipKey, statusCode: "", isValid: false, messages: item.messages)
            guard let zipKey = item.zipKey else { return result }
            let client = try client(for: item.company)
            while true {
                if let answer = try client.getStatusZip(trackId: zipKey).first, !answer.isBatchInProgress || Date() > deadline {
                    try store.addEvent(
                        number: item.number, kind: "test-set",
                        detail: "GetStatusZip \(zipKey): StatusCode \(answer.statusCode) \(answer.statusDescription)", at: world.now())
                    result.statusCode = answer.statusCode
                    result.isValid = answer.isValid
                    result.messages = answer.messages.map(\.text)
                    return result
                }
                // No verdict yet (or no answer at all): wait, but never past the deadline.
                if Date() > deadline { return result }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}
