/// DIAN's answer about one document (`b:DianResponse`, the result of SendBillSync, GetStatus,
/// SendEventUpdateStatus and each element of GetStatusZip).
public struct DianResponse: Sendable, Hashable {
    /// `b:IsValid`.
    public var isValid: Bool
    /// `b:StatusCode`: `00` procesado, `99` errores en campos mandatorios, `66` NSU no encontrado,
    /// `90` TrackId no encontrado, empty while the batch is being validated.
    public var statusCode: String
    /// `b:StatusDescription`, e.g. "Procesado Correctamente.".
    public var statusDescription: String
    /// `b:StatusMessage`, e.g. "La Factura electrónica SETP990000001, ha sido autorizada.".
    public var statusMessage: String
    /// `b:ErrorMessage/c:string`, parsed.
    public var messages: [DIANRuleMessage]
    /// `b:XmlBase64Bytes` decoded (and unzipped when it was a ZIP): DIAN's signed ApplicationResponse.
    public var applicationResponse: [UInt8]?
    /// `b:XmlDocumentKey`: the CUFE/CUDE.
    public var documentKey: String?
    /// `b:XmlFileName`.
    public var fileName: String?

    public init(
        isValid: Bool, statusCode: String, statusDescription: String, statusMessage: String,
        messages: [DIANRuleMessage] = [], applicationResponse: [UInt8]? = nil, documentKey: String? = nil,
        fileName: String? = nil
    ) {
        self.isValid = isValid
        self.statusCode = statusCode
        self.statusDescription = statusDescription
        self.statusMessage = statusMessage
        self.messages = messages
        self.applicationResponse = applicationResponse
        self.documentKey = documentKey
        self.fileName = fileName
    }

    /// DIAN validated the document (IsValid true, StatusCode 00).
    public var isAccepted: Bool { isValid && statusCode == "00" }

    /// DIAN has not finished: "Batch en proceso de validación." (with an empty StatusCode).
    public var isBatchInProgress: Bool {
        let text = (statusDescription + " " + statusMessage).lowercased()
        return !isValid && (text.contains("batch en proceso") || text.contains("en proceso de validación"))
    }

    /// DIAN does not know the track id: StatusCode 66 (NSU no encontrado) or 90 (TrackId no encontrado).
    public var isNotFound: Bool { !isValid && (statusCode == "66" || statusCode == "90") }

    /// The rejecting rules.
    public var rejections: [DIANRuleMessage] { messages.filter { $0.severity == .rejection } }

    /// The notifications (the document may still be valid).
    public var notifications: [DIANRuleMessage] { messages.filter { $0.severity == .notification } }

    /// Returns when DIAN accepted the document; otherwise throws what the caller should do.
    /// - Throws: ``DIANClientError``: `.batchInProgress` (retryable) while DIAN validates, `.rejected`
    ///   (not retryable) with the rules otherwise.
    public func requireAccepted(operation: DIANOperation? = nil) throws {
        if isAccepted { return }
        if isBatchInProgress {
            throw DIANClientError(
                code: .batchInProgress, message: "DIAN is still validating: \(statusDescription)", isRetryable: true,
                operation: operation)
        }
        let rules = messages.isEmpty ? "" : ": " + messages.map(\.text).joined(separator: "; ")
        throw DIANClientError(
            code: .rejected,
            message: "DIAN answered StatusCode \(statusCode.isEmpty ? "(empty)" : statusCode) \(statusDescription)\(rules)",
            operation: operation, rules: messages)
    }
}

/// The answer to SendTestSetAsync / SendBillAsync (`UploadDocumentResponse`).
public struct UploadDocumentResponse: Sendable, Hashable {
    /// `b:ZipKey`: the track id for ``DIANClient/getStatusZip(trackId:)``; `nil` when DIAN refused the upload.
    public var zipKey: String?
    /// `b:ErrorMessageList` entries.
    public var messages: [DIANRuleMessage]

    public init(zipKey: String?, messages: [DIANRuleMessage]) {
        self.zipKey = zipKey
        self.messages = messages
    }
}

/// The answer to GetNumberingRange.
public struct NumberingRangeResponse: Sendable, Hashable {
    /// `b:OperationCode` (`100` when DIAN found ranges).
    public var operationCode: String
    /// `b:OperationDescription`.
    public var operationDescription: String
    /// `b:ResponseList/c:NumberRangeResponse`.
    public var ranges: [NumberingRange]

    public init(operationCode: String, operationDescription: String, ranges: [NumberingRange]) {
        self.operationCode = operationCode
        self.operationDescription = operationDescription
        self.ranges = ranges
    }
}

/// One authorised numbering range with its technical key (field names [U] per DIAN.md §5).
public struct NumberingRange: Sendable, Hashable, Codable {
    public var resolutionNumber: String
    /// `YYYY-MM-DD`.
    public var resolutionDate: String
    public var prefix: String
    public var fromNumber: Int64
    public var toNumber: Int64
    /// `YYYY-MM-DD`.
    public var validDateFrom: String
    /// `YYYY-MM-DD`.
    public var validDateTo: String
    /// The ClTec for the CUFE.
    public var technicalKey: String

    public init(
        resolutionNumber: String, resolutionDate: String, prefix: String, fromNumber: Int64, toNumber: Int64,
        validDateFrom: String, validDateTo: String, technicalKey: String
    ) {
        self.resolutionNumber = resolutionNumber
        self.resolutionDate = resolutionDate
        self.prefix = prefix
        self.fromNumber = fromNumber
        self.toNumber = toNumber
        self.validDateFrom = validDateFrom
        self.validDateTo = validDateTo
        self.technicalKey = technicalKey
    }
}
