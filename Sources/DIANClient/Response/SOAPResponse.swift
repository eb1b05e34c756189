import Foundation
import XMLTree

/// Reads DIAN's SOAP 1.2 answers. Elements are matched by local name inside the result, so the
/// `b:`/`c:` data-contract namespaces may vary between DIAN releases without breaking the reader.
enum SOAPResponse {
    /// The body's single child, or the fault it holds.
    enum Content {
        case result(XMLElement)
        case fault(SOAPFault)
    }

    /// Parses the envelope and returns `{Operation}Result` inside `{Operation}Response`, or the Fault.
    static func content(of bytes: [UInt8], operation: DIANOperation) throws -> Content {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, sourceName: "\(operation.rawValue) response")
        } catch {
            throw malformed(operation, "the answer is not XML: \(error.message)")
        }
        guard let root = document.root, root.localName == "Envelope", root.namespaceURI == SOAPNamespace.envelope,
            let body = root.firstChild(named: "Body", namespace: SOAPNamespace.envelope)
        else { throw malformed(operation, "the answer is not a SOAP 1.2 envelope with a body") }
        if let fault = body.firstChild(named: "Fault", namespace: SOAPNamespace.envelope) {
            return .fault(readFault(fault))
        }
        guard let response = body.children.first(where: { $0.localName == operation.rawValue + "Response" }) else {
            throw malformed(operation, "soap:Body holds no \(operation.rawValue)Response")
        }
        guard let result = response.children.first(where: { $0.localName == operation.rawValue + "Result" }) else {
            throw malformed(operation, "\(operation.rawValue)Response holds no \(operation.rawValue)Result")
        }
        return .result(result)
    }

    /// Whether `bytes` are a SOAP envelope holding a Fault (for error statuses); the fault if so.
    static func fault(in bytes: [UInt8]) -> SOAPFault? {
        guard let document = try? XMLDocument.parse(bytes, sourceName: "response"), let root = document.root,
            root.namespaceURI == SOAPNamespace.envelope,
            let fault = root.firstChild(named: "Body", namespace: SOAPNamespace.envelope)?
                .firstChild(named: "Fault", namespace: SOAPNamespace.envelope)
        else { return nil }
        return readFault(fault)
    }

    private static func readFault(_ fault: XMLElement) -> SOAPFault {
        let env = SOAPNamespace.envelope
        let code = fault.firstChild(named: "Code", namespace: env)
        let value = code?.firstChild(named: "Value", namespace: env)?.text.trimmingWhitespace ?? ""
        let subcode = code?.firstChild(named: "Subcode", namespace: env)?.firstChild(named: "Value", namespace: env)?
            .text.trimmingWhitespace
        let reason = fault.firstChild(named: "Reason", namespace: env)?.children(named: "Text", namespace: env)
            .map { $0.text.trimmingWhitespace }.joined(separator: " ") ?? ""
        return SOAPFault(code: localPart(value), subcode: subcode.map(localPart), reason: reason)
    }

    /// `s:Sender` → `Sender`.
    private static func localPart(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    static func malformed(_ operation: DIANOperation, _ message: String) -> DIANClientError {
        DIANClientError(
            code: .malformedResponse, message: "\(operation.rawValue): \(message)", operation: operation)
    }
}

extension XMLElement {
    /// The first child with this local name, in any namespace.
    func child(_ localName: String) -> XMLElement? {
        children.first { $0.localName == localName }
    }

    /// The trimmed text of the first child called `localName`; `nil` when absent or `i:nil="true"`.
    func value(_ localName: String) -> String? {
        guard let element = child(localName) else { return nil }
        if element.attributes.contains(where: { $0.name == "nil" && $0.value == "true" }) { return nil }
        return element.text.trimmingWhitespace
    }
}
