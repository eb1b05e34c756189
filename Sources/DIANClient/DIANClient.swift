import CCurl
public import Foundation
import XMLTree

/// A client of DIAN's SOAP 1.2 web service (`WcfDianCustomerServices.svc`) over libcurl.
///
/// Every call **blocks the calling thread** until the answer or the timeout; run it off Swift's
/// cooperative pool (a dedicated thread or `BlockingWork`). Calls may run concurrently: each uses its
/// own curl handle.
///
/// ```swift
/// let client = DIANClient(endpoint: .habilitacion, security: signer, timeout: .seconds(60), now: world.now)
/// let names = try DIANFileName(kind: .invoice, nit: "900373115", year: 2026, sequence: 42)
/// let zip = try DIANZip.make(fileName: names.xml, xml: signedInvoice, modified: world.now())
/// let answer = try client.sendBillSync(fileName: names.zip, zip: zip)
/// try answer.requireAccepted()
/// ```
public struct DIANClient: Sendable {
    public let endpoint: DIANEndpoint
    public let security: any EnvelopeSecurity
    /// The longest a whole exchange (connect, send, wait, receive) may take.
    public let timeout: Duration
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - endpoint: Where to send (habilitación, producción, a simulator).
    ///   - security: Adds `wsse:Security` to each envelope.
    ///   - timeout: The limit for a whole exchange; a slower answer is ``DIANClientError/Code/timeout``.
    ///   - now: The clock for WS-Security timestamps.
    public init(
        endpoint: DIANEndpoint, security: any EnvelopeSecurity, timeout: Duration = .seconds(60),
        now: @escaping @Sendable () -> Date
    ) {
        self.endpoint = endpoint
        self.security = security
        self.timeout = timeout
        self.now = now
    }

    /// Sends one zipped, signed document for synchronous validation.
    /// - Parameters:
    ///   - fileName: The ZIP's name (``DIANFileName/zip``).
    ///   - zip: The ZIP (``DIANZip/make(fileName:xml:modified:)``).
    /// - Returns: DIAN's verdict; check ``DianResponse/requireAccepted(operation:)``.
    /// - Throws: ``DIANClientError``.
    public func sendBillSync(fileName: String, zip: [UInt8]) throws -> DianResponse {
        let result = try call(.sendBillSync, [.init("fileName", fileName), .init("contentFile", base64(zip))])
        return try DianResponse.read(result, operation: .sendBillSync)
    }

    /// Sends a ZIP of the habilitación test set; the answer's ZipKey is the track id for ``getStatusZip(trackId:)``.
    /// - Throws: ``DIANClientError``.
    public func sendTestSetAsync(fileName: String, zip: [UInt8], testSetId: String) throws -> UploadDocumentResponse {
        let result = try call(
            .sendTestSetAsync,
            [.init("fileName", fileName), .init("contentFile", base64(zip)), .init("testSetId", testSetId)])
        return UploadDocumentResponse.read(result)
    }

    /// DIAN's verdict on the document whose CUFE/CUDE is `trackId` (e.g. after an answer was lost).
    /// - Throws: ``DIANClientError``.
    public func getStatus(trackId: String) throws -> DianResponse {
        let result = try call(.getStatus, [.init("trackId", trackId)])
        return try DianResponse.read(result, operation: .getStatus)
    }

    /// The verdicts on the documents of an asynchronous upload (`trackId` = its ZipKey).
    /// - Throws: ``DIANClientError``.
    public func getStatusZip(trackId: String) throws -> [DianResponse] {
        let result = try call(.getStatusZip, [.init("trackId", trackId)])
        let items = result.children.filter { $0.localName == "DianResponse" }
        // Some answers are a single DianResponse instead of an array.
        if items.isEmpty, result.child("IsValid") != nil { return [try DianResponse.read(result, operation: .getStatusZip)] }
        return try items.map { try DianResponse.read($0, operation: .getStatusZip) }
    }

    /// The numbering ranges (with technical keys) DIAN authorised for the issuer and software.
    /// - Parameters:
    ///   - accountCode: The issuer's NIT.
    ///   - accountCodeT: The technology provider's NIT, or the issuer's again for software propio.
    ///   - softwareCode: The SoftwareID.
    /// - Throws: ``DIANClientError``.
    public func getNumberingRange(accountCode: String, accountCodeT: String, softwareCode: String) throws
        -> NumberingRangeResponse
    {
        let result = try call(
            .getNumberingRange,
            [.init("accountCode", accountCode), .init("accountCodeT", accountCodeT), .init("softwareCode", softwareCode)])
        return try NumberingRangeResponse.read(result, operation: .getNumberingRange)
    }

    /// Sends a ZIP with a signed ApplicationResponse (a RADIAN event).
    /// - Throws: ``DIANClientError``.
    public func sendEventUpdateStatus(zip: [UInt8]) throws -> DianResponse {
        let result = try call(.sendEventUpdateStatus, [.init("contentFile", base64(zip))])
        return try DianResponse.read(result, operation: .sendEventUpdateStatus)
    }

    // MARK: - The exchange

    private func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// Builds, secures and POSTs the envelope; returns the `…Result` element or throws the classified error.
    private func call(_ operation: DIANOperation, _ parameters: [SOAPRequest.Parameter]) throws -> XMLElement {
        let request = SOAPRequest(operation: operation, to: endpoint.url, parameters: parameters)
        let envelope: [UInt8]
        do {
            envelope = try security.secure(request.envelope(), now: now())
        } catch {
            throw DIANClientError(
                code: .security, message: "\(operation.rawValue): the envelope could not be secured: \(error)",
                operation: operation)
        }
        let (status, body) = try post(envelope, operation: operation)
        if status == 200 {
            switch try SOAPResponse.content(of: body, operation: operation) {
            case .result(let result): return result
            case .fault(let fault): throw faultError(fault, status: status, operation: operation)
            }
        }
        if let fault = SOAPResponse.fault(in: body) { throw faultError(fault, status: status, operation: operation) }
        let retryable = (500...599).contains(status)
        throw DIANClientError(
            code: .httpStatus,
            message: "\(operation.rawValue): \(endpoint.url) answered HTTP \(status)\(retryable ? "" : " (not retryable)")",
            isRetryable: retryable, requestMayHaveArrived: retryable, operation: operation, httpStatus: status)
    }

    private func faultError(_ fault: SOAPFault, status: Int, operation: DIANOperation) -> DIANClientError {
        DIANClientError(
            code: .soapFault, message: "\(operation.rawValue): SOAP Fault \(fault)", isRetryable: fault.isRetryable,
            operation: operation, httpStatus: status, fault: fault)
    }

    private func post(_ envelope: [UInt8], operation: DIANOperation) throws -> (Int, [UInt8]) {
        let milliseconds = Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            let curl = try CurlEasy()
            try curl.set(CURLOPT_URL, endpoint.url)
            try curl.set(CURLOPT_PROTOCOLS_STR, "http,https")
            try curl.set(CURLOPT_NOSIGNAL, 1)
            try curl.set(CURLOPT_TIMEOUT_MS, max(milliseconds, 1))
            try curl.set(CURLOPT_CONNECTTIMEOUT_MS, max(min(milliseconds, 15_000), 1))
            try curl.set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
            try curl.setHeaders([
                "Content-Type: application/soap+xml; charset=utf-8; action=\"\(operation.action)\"",
                "Accept: application/soap+xml", "Expect:",
            ])
            return try curl.post(envelope)
        } catch {
            let place = "\(operation.rawValue) to \(endpoint.url)"
            switch error.kind {
            case .timeout:
                throw DIANClientError(
                    code: .timeout, message: "\(place): no answer within \(timeout) (\(error.message))", isRetryable: true,
                    requestMayHaveArrived: true, operation: operation, curlCode: error.curlCode)
            case .connect:
                throw DIANClientError(
                    code: .connectionFailed, message: "\(place): cannot connect (\(error.message))", isRetryable: true,
                    operation: operation, curlCode: error.curlCode)
            case .broken:
                throw DIANClientError(
                    code: .connectionFailed, message: "\(place): the connection broke (\(error.message))",
                    isRetryable: true, requestMayHaveArrived: true, operation: operation, curlCode: error.curlCode)
            case .tls:
                throw DIANClientError(
                    code: .tls, message: "\(place): TLS failed (\(error.message))", operation: operation,
                    curlCode: error.curlCode)
            case .other:
                throw DIANClientError(
                    code: .transport, message: "\(place): \(error.message)", operation: operation, curlCode: error.curlCode)
            }
        }
    }
}
