import Foundation
import XMLTree

extension DianResponse {
    /// Reads one `DianResponse` element (a `…Result` or a `b:DianResponse` of an array).
    static func read(_ element: XMLElement, operation: DIANOperation) throws -> DianResponse {
        guard let validText = element.value("IsValid") else {
            throw SOAPResponse.malformed(operation, "\(element.localName) has no IsValid")
        }
        guard validText == "true" || validText == "false" else {
            throw SOAPResponse.malformed(operation, "IsValid is '\(validText)', not true or false")
        }
        let messages = element.child("ErrorMessage")?.children.map { DIANRuleMessage(parsing: $0.text) } ?? []
        var applicationResponse: [UInt8]?
        if let encoded = element.value("XmlBase64Bytes"), !encoded.isEmpty {
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw SOAPResponse.malformed(operation, "XmlBase64Bytes is not base64")
            }
            applicationResponse = try unzipIfNeeded([UInt8](data), operation: operation)
        }
        return DianResponse(
            isValid: validText == "true", statusCode: element.value("StatusCode") ?? "",
            statusDescription: element.value("StatusDescription") ?? "",
            statusMessage: element.value("StatusMessage") ?? "", messages: messages,
            applicationResponse: applicationResponse, documentKey: element.value("XmlDocumentKey").flatMap(nonEmpty),
            fileName: element.value("XmlFileName").flatMap(nonEmpty))
    }

    /// GetStatusZip may return the ApplicationResponse zipped: a ZIP starts with `PK`.
    private static func unzipIfNeeded(_ bytes: [UInt8], operation: DIANOperation) throws -> [UInt8] {
        guard bytes.starts(with: [0x50, 0x4B]) else { return bytes }
        let entries: [DIANZip.Entry]
        do {
            entries = try DIANZip.entries(of: bytes)
        } catch {
            throw SOAPResponse.malformed(operation, "XmlBase64Bytes holds a ZIP that cannot be read: \(error)")
        }
        guard let xml = entries.first(where: { $0.name.lowercased().hasSuffix(".xml") }) ?? entries.first else {
            throw SOAPResponse.malformed(operation, "XmlBase64Bytes holds an empty ZIP")
        }
        return xml.bytes
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

extension UploadDocumentResponse {
    static func read(_ element: XMLElement) -> UploadDocumentResponse {
        let list = element.child("ErrorMessageList")?.children ?? []
        let messages = list.map { item -> DIANRuleMessage in
            // Either plain strings or `XmlParamsResponseTrackId` items with a ProcessedMessage.
            if let processed = item.value("ProcessedMessage") { return DIANRuleMessage(parsing: processed) }
            return DIANRuleMessage(parsing: item.text)
        }
        return UploadDocumentResponse(zipKey: element.value("ZipKey").flatMap { $0.isEmpty ? nil : $0 }, messages: messages)
    }
}

extension NumberingRangeResponse {
    static func read(_ element: XMLElement, operation: DIANOperation) throws -> NumberingRangeResponse {
        let items = element.child("ResponseList")?.children ?? []
        let ranges = try items.map { item -> NumberingRange in
            func required(_ name: String) throws -> String {
                guard let value = item.value(name) else {
                    throw SOAPResponse.malformed(operation, "NumberRangeResponse has no \(name)")
                }
                return value
            }
            func number(_ name: String) throws -> Int64 {
                let text = try required(name)
                guard let value = Int64(text) else {
                    throw SOAPResponse.malformed(operation, "NumberRangeResponse/\(name) '\(text)' is not a number")
                }
                return value
            }
            return NumberingRange(
                resolutionNumber: try required("ResolutionNumber"), resolutionDate: item.value("ResolutionDate") ?? "",
                prefix: item.value("Prefix") ?? "", fromNumber: try number("FromNumber"), toNumber: try number("ToNumber"),
                validDateFrom: item.value("ValidDateFrom") ?? "", validDateTo: item.value("ValidDateTo") ?? "",
                technicalKey: try required("TechnicalKey"))
        }
        return NumberingRangeResponse(
            operationCode: element.value("OperationCode") ?? "",
            operationDescription: element.value("OperationDescription") ?? "", ranges: ranges)
    }
}
