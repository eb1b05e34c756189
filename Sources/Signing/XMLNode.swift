import CXMLSec
import Foundation

/// Namespace URIs the signatures use.
enum Namespace {
    static let ds = "http://www.w3.org/2000/09/xmldsig#"
    static let xades = "http://uri.etsi.org/01903/v1.3.2#"
    static let xades141 = "http://uri.etsi.org/01903/v1.4.1#"
    static let ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    static let signaturePending = "urn:folio:signature-pending"
    static let soap12 = "http://www.w3.org/2003/05/soap-envelope"
    static let wsa = "http://www.w3.org/2005/08/addressing"
    static let wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    static let wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
}

/// Algorithm URIs.
enum Algorithm {
    static let inclusiveC14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
    static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    static let signedPropertiesType = "http://uri.etsi.org/01903#SignedProperties"
}

/// Small read helpers over libxml2 nodes (element children, names, attributes, text).
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var localName: String { String(cString: pointee.name) }
    var namespaceURI: String? { pointee.ns?.pointee.href.map { String(cString: $0) } }

    func matches(_ name: String, _ namespace: String?) -> Bool {
        isElement && localName == name && namespaceURI == namespace
    }

    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let current = child {
            if current.isElement { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    func child(_ name: String, _ namespace: String?) -> xmlNodePtr? {
        elementChildren.first { $0.matches(name, namespace) }
    }

    func children(_ name: String, _ namespace: String?) -> [xmlNodePtr] {
        elementChildren.filter { $0.matches(name, namespace) }
    }

    /// Follows a path of `(name, namespace)` steps through first matching children.
    func path(_ steps: [(String, String?)]) -> xmlNodePtr? {
        var node: xmlNodePtr? = self
        for (name, namespace) in steps { node = node?.child(name, namespace) }
        return node
    }

    /// Every descendant element (not `self`) in document order.
    func descendants(where predicate: (xmlNodePtr) -> Bool) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        func walk(_ node: xmlNodePtr) {
            for child in node.elementChildren {
                if predicate(child) { result.append(child) }
                walk(child)
            }
        }
        walk(self)
        return result
    }

    /// The unqualified attribute `name`.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(self, name) else { return nil }
        defer { folio_xmlsec_xml_free(value) }
        return String(cString: value)
    }

    /// The attribute `name` in `namespace`.
    func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(self, name, namespace) else { return nil }
        defer { folio_xmlsec_xml_free(value) }
        return String(cString: value)
    }

    /// The attribute node, for ID registration.
    func attributeNode(_ name: String, namespace: String? = nil) -> xmlAttrPtr? {
        xmlHasNsProp(self, name, namespace)
    }

    /// The text content of the element and its descendants.
    var text: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { folio_xmlsec_xml_free(content) }
        return String(cString: content)
    }

    /// `prefix:name` as written, for messages.
    var qualifiedName: String {
        if let prefix = pointee.ns?.pointee.prefix { return String(cString: prefix) + ":" + localName }
        return localName
    }

    /// Appends a new element child in `ns` (already in scope or declared by the caller), with text.
    @discardableResult
    func addElement(_ name: String, _ ns: xmlNsPtr?, text: String? = nil) -> xmlNodePtr {
        xmlNewTextChild(self, ns, name, text)!
    }

    /// The namespace in scope for `uri`, declared here with `prefix` when none is.
    func namespace(_ uri: String, prefix: String) -> xmlNsPtr {
        if let existing = xmlSearchNsByHref(pointee.doc, self, uri) { return existing }
        return xmlNewNs(self, uri, prefix)
    }
}

extension String {
    /// Standard base64 of `bytes`, on one line.
    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
