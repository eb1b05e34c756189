import CLibXML2

/// An element of an ``XMLDocument``. It keeps its document alive; it is a cheap handle, not a copy.
public struct XMLElement {
    /// The document that owns ``node``; held so the tree outlives every handle into it.
    let document: XMLDocument
    let node: xmlNodePtr

    init(document: XMLDocument, node: xmlNodePtr) {
        self.document = document
        self.node = node
    }

    /// The local name, without prefix (`PayableAmount`).
    public var localName: String { String(cString: node.pointee.name) }

    /// The namespace URI, or `nil` for an element in no namespace.
    public var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The prefix as written in the document (`cbc`), or `nil` for the default namespace or none.
    public var prefix: String? { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } }

    /// `prefix:localName`, or the local name alone.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }

    /// The 1-based line of the start tag in the parsed source (0 for built elements).
    public var line: Int { xmlGetLineNo(node) }

    /// The document this element belongs to.
    public var owner: XMLDocument { document }

    /// The parent element, or `nil` for the root.
    public var parent: XMLElement? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLElement(document: document, node: parent)
    }

    /// The element children, in document order (text, comments and processing instructions skipped).
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(document: document, node: current)) }
            child = current.pointee.next
        }
        return result
    }

    /// The element children with this local name and namespace (`nil` = no namespace).
    public func children(named localName: String, namespace: String?) -> [XMLElement] {
        children.filter { $0.matches(localName, namespace) }
    }

    /// The first element child with this local name and namespace (`nil` = no namespace).
    public func firstChild(named localName: String, namespace: String?) -> XMLElement? {
        var child = node.pointee.children
        while let current = child {
            let element = XMLElement(document: document, node: current)
            if current.pointee.type == XML_ELEMENT_NODE, element.matches(localName, namespace) { return element }
            child = current.pointee.next
        }
        return nil
    }

    /// The text of the element: every descendant text and CDATA node, in order.
    /// Entity references are never expanded (documents are parsed without entity substitution).
    public var text: String {
        var bytes: [UInt8] = []
        Self.appendText(of: node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The attributes, in document order.
    public var attributes: [XMLAttribute] {
        var result: [XMLAttribute] = []
        var property = node.pointee.properties
        let line = self.line
        while let current = property {
            let name = String(cString: current.pointee.name)
            let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            var bytes: [UInt8] = []
            Self.appendText(of: UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self), to: &bytes)
            result.append(XMLAttribute(name: name, namespaceURI: namespace, value: String(decoding: bytes, as: UTF8.self), line: line))
            property = current.pointee.next
        }
        return result
    }

    /// The value of the unqualified attribute `name`, or `nil` when absent.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { folio_xml_free(value) }
        return String(cString: value)
    }

    private func matches(_ localName: String, _ namespace: String?) -> Bool {
        self.localName == localName && namespaceURI == namespace
    }

    /// Appends the text and CDATA content below `parent` (works for attribute nodes, whose
    /// `children` have the same layout).
    private static func appendText(of parent: xmlNodePtr, to bytes: inout [UInt8]) {
        var child = parent.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ELEMENT_NODE:
                appendText(of: current, to: &bytes)
            default:
                break
            }
            child = current.pointee.next
        }
    }
}

@available(*, unavailable, message: "an XMLElement belongs to its document's task")
extension XMLElement: Sendable {}
