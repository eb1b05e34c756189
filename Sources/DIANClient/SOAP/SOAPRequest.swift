import XMLTree

/// One request to DIAN's service: the operation, the `wsa:To` address and the body parameters.
///
/// ``envelope()`` writes the SOAP 1.2 envelope of DIAN.md §5 without `wsse:Security` (an
/// ``EnvelopeSecurity`` adds that):
/// ```xml
/// <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wcf="http://wcf.dian.colombia">
///  <soap:Header xmlns:wsa="http://www.w3.org/2005/08/addressing">
///   <wsa:Action>http://wcf.dian.colombia/IWcfDianCustomerServices/SendBillSync</wsa:Action>
///   <wsa:To xmlns:wsu="…utility-1.0.xsd" wsu:Id="ID-1">https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc</wsa:To>
///  </soap:Header>
///  <soap:Body><wcf:SendBillSync><wcf:fileName>…</wcf:fileName><wcf:contentFile>…</wcf:contentFile></wcf:SendBillSync></soap:Body>
/// </soap:Envelope>
/// ```
public struct SOAPRequest: Sendable, Hashable {
    /// The `wsu:Id` of `wsa:To`, the element the WS-Security signature references (`URI="#ID-1"`).
    public static let toElementID = "ID-1"

    public var operation: DIANOperation
    /// The value of `wsa:To`: the endpoint URL.
    public var to: String
    /// The body parameters in order (`fileName`, `contentFile`, …), as `wcf:` elements.
    public var parameters: [Parameter]

    /// One `wcf:name` element of the operation.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(operation: DIANOperation, to: String, parameters: [Parameter]) {
        self.operation = operation
        self.to = to
        self.parameters = parameters
    }

    /// The value of the parameter `name`, if present.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The envelope as UTF-8 bytes, built with the tree API (values are escaped by libxml2).
    public func envelope() -> [UInt8] {
        let document = XMLDocument(rootName: "Envelope", namespace: SOAPNamespace.envelope, prefix: "soap")
        guard let root = document.root else { preconditionFailure("a new XMLDocument always has its root") }
        root.declareNamespace(prefix: "wcf", uri: SOAPNamespace.service)
        let header = root.addChild("Header", namespace: SOAPNamespace.envelope)
        header.declareNamespace(prefix: "wsa", uri: SOAPNamespace.addressing)
        header.addChild("Action", namespace: SOAPNamespace.addressing, text: operation.action)
        let address = header.addChild("To", namespace: SOAPNamespace.addressing, text: to)
        address.declareNamespace(prefix: "wsu", uri: SOAPNamespace.securityUtility)
        // libxml2 resolves the `wsu:` prefix of the attribute name against the declaration just made.
        address.setAttribute("wsu:Id", Self.toElementID)
        let call = root.addChild("Body", namespace: SOAPNamespace.envelope)
            .addChild(operation.rawValue, namespace: SOAPNamespace.service)
        for parameter in parameters {
            call.addChild(parameter.name, namespace: SOAPNamespace.service, text: parameter.value)
        }
        return document.serialized()
    }

    /// Reads a request envelope (the simulator's side): `wsa:Action`, `wsa:To` and the parameters.
    /// - Throws: ``SOAPRequestError`` naming what is missing or inconsistent.
    public static func parse(_ bytes: [UInt8]) throws -> SOAPRequest {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, sourceName: "request")
        } catch {
            throw SOAPRequestError(message: "the request is not well-formed XML: \(error.message)")
        }
        guard let root = document.root, root.localName == "Envelope", root.namespaceURI == SOAPNamespace.envelope else {
            throw SOAPRequestError(message: "the root element is not a SOAP 1.2 soap:Envelope")
        }
        guard let header = root.firstChild(named: "Header", namespace: SOAPNamespace.envelope) else {
            throw SOAPRequestError(message: "soap:Header is missing")
        }
        guard let action = header.firstChild(named: "Action", namespace: SOAPNamespace.addressing)?.text else {
            throw SOAPRequestError(message: "soap:Header/wsa:Action is missing")
        }
        let trimmedAction = action.trimmingWhitespace
        guard let operation = DIANOperation(action: trimmedAction) else {
            throw SOAPRequestError(message: "wsa:Action '\(trimmedAction)' is not an operation of the service")
        }
        guard let to = header.firstChild(named: "To", namespace: SOAPNamespace.addressing)?.text else {
            throw SOAPRequestError(message: "soap:Header/wsa:To is missing")
        }
        guard let body = root.firstChild(named: "Body", namespace: SOAPNamespace.envelope) else {
            throw SOAPRequestError(message: "soap:Body is missing")
        }
        guard let call = body.children.first else {
            throw SOAPRequestError(message: "soap:Body is empty")
        }
        guard call.localName == operation.rawValue, call.namespaceURI == SOAPNamespace.service else {
            throw SOAPRequestError(
                message: "wsa:Action names \(operation.rawValue) but the body holds \(call.qualifiedName)")
        }
        let parameters = call.children.map { Parameter($0.localName, $0.text) }
        return SOAPRequest(operation: operation, to: to.trimmingWhitespace, parameters: parameters)
    }
}

/// A request envelope that does not follow the service's contract.
public struct SOAPRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    var trimmingWhitespace: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
