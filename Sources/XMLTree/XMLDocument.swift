import CLibXML2

/// An XML document owned by libxml2: parsed from bytes, or built element by element.
///
/// The document frees its libxml2 tree when the last reference to it (including every
/// ``XMLElement`` taken from it) goes away. It is not `Sendable`: use one document from one task.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The name diagnostics are reported against (a path or a label such as `request body`).
    public let sourceName: String

    init(takingOwnershipOf pointer: xmlDocPtr, sourceName: String) {
        self.pointer = pointer
        self.sourceName = sourceName
    }

    /// A new document whose root element is `rootName`.
    ///
    /// - Parameters:
    ///   - rootName: The root's local name, e.g. `Invoice`.
    ///   - namespace: The root's namespace URI, declared on the root; `nil` for none.
    ///   - prefix: The prefix for `namespace`; `nil` makes it the default namespace.
    public convenience init(rootName: String, namespace: String? = nil, prefix: String? = nil) {
        LibXML2.ensureInitialized()
        let doc = xmlNewDoc("1.0")!
        let root = xmlNewDocNode(doc, nil, rootName, nil)!
        xmlDocSetRootElement(doc, root)
        if let namespace {
            xmlSetNs(root, xmlNewNs(root, namespace, prefix))
        }
        self.init(takingOwnershipOf: doc, sourceName: "")
    }

    deinit { xmlFreeDoc(pointer) }

    /// The document element, if the document has one.
    public var root: XMLElement? {
        xmlDocGetRootElement(pointer).map { XMLElement(document: self, node: $0) }
    }

    /// The document as UTF-8 bytes, with an XML declaration; `&`, `<` and `>` escaped.
    ///
    /// - Parameter indented: `false` (the default) writes the tree exactly as it is. `true` puts each
    ///   element of element-only content on its own indented line, so diagnostics have useful line
    ///   numbers; libxml2 never adds whitespace inside an element that contains text, so text is untouched.
    public func serialized(indented: Bool = false) -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(pointer, &buffer, &size, "UTF-8", indented ? 1 : 0)
        guard let buffer else { return [] }
        defer { folio_xml_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}

@available(*, unavailable, message: "an XMLDocument belongs to one task")
extension XMLDocument: Sendable {}
