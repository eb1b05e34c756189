import DIANClient
import Foundation
import XMLTree

/// Writes the simulator's SOAP 1.2 answers in the shapes DIAN sends (DIAN.md §5), with the tree API.
enum SOAPAnswer {
    static let faultAction = "http://www.w3.org/2005/08/addressing/soap/fault"

    /// `s:Envelope` with `a:Action` and `{Operation}Response/{Operation}Result`; `fill` writes the result.
    private static func envelope(_ operation: DIANOperation, resultNamespace: String, fill: (XMLElement) -> Void) -> [UInt8] {
        let (document, body) = skeleton(action: operation.responseAction)
        let result = body.addChild(operation.rawValue + "Response", namespace: SOAPNamespace.service)
            .addChild(operation.rawValue + "Result", namespace: SOAPNamespace.service)
        result.declareNamespace(prefix: "b", uri: resultNamespace)
        result.declareNamespace(prefix: "i", uri: SOAPNamespace.schemaInstance)
        fill(result)
        return document.serialized()
    }

    private static func skeleton(action: String) -> (XMLDocument, XMLElement) {
        let document = XMLDocument(rootName: "Envelope", namespace: SOAPNamespace.envelope, prefix: "s")
        guard let root = document.root else { preconditionFailure("a new XMLDocument always has its root") }
        root.declareNamespace(prefix: "a", uri: SOAPNamespace.addressing)
        root.declareNamespace(prefix: nil, uri: SOAPNamespace.service)
        let header = root.addChild("Header", namespace: SOAPNamespace.envelope)
        header.addChild("Action", namespace: SOAPNamespace.addressing, text: action).setAttribute("s:mustUnderstand", "1")
        return (document, root.addChild("Body", namespace: SOAPNamespace.envelope))
    }

    /// SendBillSync, GetStatus, SendEventUpdateStatus: one DianResponse as the result.
    static func dianResponse(_ response: DianResponse, operation: DIANOperation) -> [UInt8] {
        envelope(operation, resultNamespace: SOAPNamespace.dianResponse) { write(response, into: $0) }
    }

    /// GetStatusZip: `b:DianResponse` elements.
    static func dianResponses(_ responses: [DianResponse], operation: DIANOperation) -> [UInt8] {
        envelope(operation, resultNamespace: SOAPNamespace.dianResponse) { result in
            for response in responses {
                write(response, into: result.addChild("DianResponse", namespace: SOAPNamespace.dianResponse))
            }
        }
    }

    private static func write(_ response: DianResponse, into element: XMLElement) {
        let b = SOAPNamespace.dianResponse
        let errors = element.addChild("ErrorMessage", namespace: b)
        errors.declareNamespace(prefix: "c", uri: SOAPNamespace.arrays)
        for message in response.messages { errors.addChild("string", namespace: SOAPNamespace.arrays, text: message.text) }
        element.addChild("IsValid", namespace: b, text: response.isValid ? "true" : "false")
        element.addChild("StatusCode", namespace: b, text: response.statusCode)
        element.addChild("StatusDescription", namespace: b, text: response.statusDescription)
        element.addChild("StatusMessage", namespace: b, text: response.statusMessage)
        if let xml = response.applicationResponse {
            element.addChild("XmlBase64Bytes", namespace: b, text: Data(xml).base64EncodedString())
        } else {
            element.addChild("XmlBase64Bytes", namespace: b).setAttribute("i:nil", "true")
        }
        element.addChild("XmlBytes", namespace: b).setAttribute("i:nil", "true")
        element.addChild("XmlDocumentKey", namespace: b, text: response.documentKey ?? "")
        element.addChild("XmlFileName", namespace: b, text: response.fileName ?? "")
    }

    /// SendTestSetAsync / SendBillAsync.
    static func upload(_ response: UploadDocumentResponse, operation: DIANOperation) -> [UInt8] {
        envelope(operation, resultNamespace: SOAPNamespace.uploadDocumentResponse) { result in
            let b = SOAPNamespace.uploadDocumentResponse
            let list = result.addChild("ErrorMessageList", namespace: b)
            let itemNamespace = "http://schemas.datacontract.org/2004/07/XmlParamsResponseTrackId"
            list.declareNamespace(prefix: "c", uri: itemNamespace)
            for message in response.messages {
                let item = list.addChild("XmlParamsResponseTrackId", namespace: itemNamespace)
                item.addChild("ProcessedMessage", namespace: itemNamespace, text: message.text)
            }
            if let key = response.zipKey {
                result.addChild("ZipKey", namespace: b, text: key)
            } else {
                result.addChild("ZipKey", namespace: b).setAttribute("i:nil", "true")
            }
        }
    }

    /// GetNumberingRange.
    static func numberingRange(_ response: NumberingRangeResponse) -> [UInt8] {
        envelope(.getNumberingRange, resultNamespace: SOAPNamespace.numberRangeList) { result in
            let b = SOAPNamespace.numberRangeList
            let c = SOAPNamespace.numberRange
            result.addChild("OperationCode", namespace: b, text: response.operationCode)
            result.addChild("OperationDescription", namespace: b, text: response.operationDescription)
            let list = result.addChild("ResponseList", namespace: b)
            list.declareNamespace(prefix: "c", uri: c)
            for range in response.ranges {
                let item = list.addChild("NumberRangeResponse", namespace: c)
                item.addChild("ResolutionNumber", namespace: c, text: range.resolutionNumber)
                item.addChild("ResolutionDate", namespace: c, text: range.resolutionDate)
                item.addChild("Prefix", namespace: c, text: range.prefix)
                item.addChild("FromNumber", namespace: c, text: String(range.fromNumber))
                item.addChild("ToNumber", namespace: c, text: String(range.toNumber))
                item.addChild("ValidDateFrom", namespace: c, text: range.validDateFrom)
                item.addChild("ValidDateTo", namespace: c, text: range.validDateTo)
                item.addChild("TechnicalKey", namespace: c, text: range.technicalKey)
            }
        }
    }

    /// A SOAP 1.2 Fault, e.g. `s:Sender` / `wsse:InvalidSecurity`.
    static func fault(code: String, subcode: (prefix: String, namespace: String, name: String)?, reason: String) -> [UInt8] {
        let (document, body) = skeleton(action: faultAction)
        let env = SOAPNamespace.envelope
        let fault = body.addChild("Fault", namespace: env)
        let codeElement = fault.addChild("Code", namespace: env)
        codeElement.addChild("Value", namespace: env, text: "s:\(code)")
        if let subcode {
            let value = codeElement.addChild("Subcode", namespace: env).addChild(
                "Value", namespace: env, text: "\(subcode.prefix):\(subcode.name)")
            value.declareNamespace(prefix: subcode.prefix, uri: subcode.namespace)
        }
        fault.addChild("Reason", namespace: env).addChild("Text", namespace: env, text: reason)
            .setAttribute("xml:lang", "en-US")
        return document.serialized()
    }

    /// DIAN's fault for a WS-Security header that does not verify.
    static func invalidSecurity() -> [UInt8] {
        fault(
            code: "Sender", subcode: ("a", SOAPNamespace.security, "InvalidSecurity"),
            reason: "An error occurred when verifying security for the message.")
    }
}
