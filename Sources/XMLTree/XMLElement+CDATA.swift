import CLibXML2

extension XMLElement {
    /// Appends a child element whose content is one CDATA section holding `text` verbatim — for an XML
    /// document carried inside another (DIAN's AttachedDocument). libxml2 splits the section around any
    /// `]]>` in `text` when serializing, so every text round-trips.
    ///
    /// - Parameters:
    ///   - localName: The child's local name.
    ///   - namespace: The child's namespace URI (resolved like ``addChild(_:namespace:text:)``).
    ///   - cdata: The content.
    /// - Returns: The new child.
    @discardableResult
    public func addChild(_ localName: String, namespace: String?, cdata: String) -> XMLElement {
        let child = addChild(localName, namespace: namespace)
        let bytes = Array(cdata.utf8)
        let section = bytes.withUnsafeBufferPointer { xmlNewCDataBlock(document.pointer, $0.baseAddress, Int32($0.count)) }!
        xmlAddChild(child.node, section)
        return child
    }
}
