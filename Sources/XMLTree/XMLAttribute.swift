/// An attribute as read from a document.
public struct XMLAttribute: Sendable, Hashable {
    /// The local name (`schemeID`).
    public var name: String
    /// The attribute's namespace URI; `nil` for the usual unqualified attribute.
    public var namespaceURI: String?
    public var value: String
    /// The line of the element carrying the attribute (libxml2 keeps no line per attribute).
    public var line: Int

    public init(name: String, namespaceURI: String?, value: String, line: Int) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.value = value
        self.line = line
    }
}
