import CLibXML2

extension XMLElement {
    /// Declares `prefix` for `uri` on this element (normally the root), so descendants reuse it.
    /// Does nothing when the same prefix is already declared here.
    ///
    /// - Parameters:
    ///   - prefix: The prefix (`cbc`), or `nil` for the default namespace.
    ///   - uri: The namespace URI.
    public func declareNamespace(prefix: String?, uri: String) {
        _ = xmlNewNs(node, uri, prefix)
    }

    /// Appends a child element, optionally with text content.
    ///
    /// The namespace is looked up among the declarations in scope and reused; when none is in scope it
    /// is declared on the document's root with a generated prefix. Text is stored as is and escaped by
    /// libxml2 when serialized (`&`, `<`, `>`; non-ASCII text stays UTF-8).
    ///
    /// - Parameters:
    ///   - localName: The child's local name.
    ///   - namespace: The child's namespace URI, or `nil` for none.
    ///   - text: The text content, or `nil` for an empty element.
    /// - Returns: The new child.
    @discardableResult
    public func addChild(_ localName: String, namespace: String?, text: String? = nil) -> XMLElement {
        let ns = namespace.map { resolveNamespace($0) }
        // xmlNewTextChild stores `text` raw (no entity parsing), unlike xmlNewChild.
        let child = xmlNewTextChild(node, ns, localName, text)!
        return XMLElement(document: document, node: child)
    }

    /// Sets (or replaces) the unqualified attribute `name`. The value is escaped when serialized.
    public func setAttribute(_ name: String, _ value: String) {
        xmlSetProp(node, name, value)
    }

    private func resolveNamespace(_ uri: String) -> xmlNsPtr {
        if let existing = xmlSearchNsByHref(document.pointer, node, uri) { return existing }
        let owner = xmlDocGetRootElement(document.pointer) ?? node
        var index = 1
        while xmlSearchNs(document.pointer, owner, "ns\(index)") != nil { index += 1 }
        return xmlNewNs(owner, uri, "ns\(index)")
    }
}
