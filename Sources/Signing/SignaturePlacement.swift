import CXMLSec

/// Where the signature goes in a UBL document, in the tree and in the bytes.
struct SignaturePlacement {
    private enum Kind {
        /// Replace the `folio:SignaturePending` element.
        case slot(xmlNodePtr)
        /// Append a new `ext:UBLExtension` to the existing `ext:UBLExtensions`.
        case newExtension(xmlNodePtr)
        /// Create `ext:UBLExtensions` as the root's first child.
        case newExtensions
    }

    private let kind: Kind
    /// The byte range the inserted fragment replaces (empty for an insertion).
    private let replaced: Range<Int>

    static func locate(in document: ParsedXML, ranges: ElementRanges) throws(SigningError) -> SignaturePlacement {
        let root = document.root
        let order = DocumentOrder(root: root)
        let slots = root.descendants { $0.matches("SignaturePending", Namespace.signaturePending) }
        if root.descendants(where: { $0.matches("Signature", Namespace.ds) }).isEmpty == false, slots.isEmpty {
            throw SigningError(.unsupportedDocument, "the document is already signed (it has a ds:Signature)")
        }
        guard slots.count <= 1 else {
            throw SigningError(.unsupportedDocument, "the document has \(slots.count) folio:SignaturePending slots; expected one")
        }
        func element(_ node: xmlNodePtr) throws(SigningError) -> ElementRanges.Element {
            guard let index = order.index(of: node), index < ranges.elements.count else {
                throw SigningError(.library, "cannot find <\(node.qualifiedName)> in the document bytes")
            }
            return ranges.elements[index]
        }
        if let slot = slots.first {
            guard let parent = slot.pointee.parent, parent.matches("ExtensionContent", Namespace.ext) else {
                throw SigningError(.unsupportedDocument, "folio:SignaturePending must be the child of an ext:ExtensionContent")
            }
            let range = try element(slot)
            return SignaturePlacement(kind: .slot(slot), replaced: range.start..<range.end)
        }
        if let extensions = root.child("UBLExtensions", Namespace.ext) {
            let range = try element(extensions)
            guard !range.isEmptyTag else {
                throw SigningError(.unsupportedDocument, "ext:UBLExtensions is empty; UBL requires at least one ext:UBLExtension")
            }
            return SignaturePlacement(kind: .newExtension(extensions), replaced: range.endTagStart..<range.endTagStart)
        }
        let range = try element(root)
        guard !range.isEmptyTag else { throw SigningError(.unsupportedDocument, "the root element is empty") }
        return SignaturePlacement(kind: .newExtensions, replaced: range.startTagEnd..<range.startTagEnd)
    }

    /// Puts `signature` into the tree; returns the node whose serialization goes into the bytes.
    func insert(_ signature: xmlNodePtr, into document: ParsedXML) -> xmlNodePtr {
        switch kind {
        case .slot(let slot):
            xmlReplaceNode(slot, signature)
            xmlFreeNode(slot)
            return signature
        case .newExtension(let extensions):
            let ext = extensions.namespace(Namespace.ext, prefix: "ext")
            let element = xmlNewDocNode(document.pointer, ext, "UBLExtension", nil)!
            xmlAddChild(extensions, element)
            xmlAddChild(element.addElement("ExtensionContent", ext), signature)
            return element
        case .newExtensions:
            let root = document.root
            let element = xmlNewDocNode(document.pointer, nil, "UBLExtensions", nil)!
            if let first = root.pointee.children { xmlAddPrevSibling(first, element) } else { xmlAddChild(root, element) }
            let ext = element.namespace(Namespace.ext, prefix: "ext")
            xmlSetNs(element, ext)
            xmlAddChild(element.addElement("UBLExtension", ext).addElement("ExtensionContent", ext), signature)
            return element
        }
    }

    func splice(_ fragment: [UInt8], into original: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(original.count + fragment.count)
        result += original[..<replaced.lowerBound]
        result += fragment
        result += original[replaced.upperBound...]
        return result
    }
}

/// Element positions in document order, matching ``ElementRanges``.
struct DocumentOrder {
    private var indexes: [xmlNodePtr: Int] = [:]

    init(root: xmlNodePtr) {
        var counter = 0
        func walk(_ node: xmlNodePtr) {
            indexes[node] = counter
            counter += 1
            for child in node.elementChildren { walk(child) }
        }
        walk(root)
    }

    func index(of node: xmlNodePtr) -> Int? { indexes[node] }
}

/// One node serialised as UTF-8 (no XML declaration, no indentation, non-ASCII kept as UTF-8).
enum Serialization {
    static func bytes(of node: xmlNodePtr) -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        guard let save = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_NO_DECL.rawValue)) else { return [] }
        _ = xmlSaveTree(save, node)
        _ = xmlSaveClose(save)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    static func document(_ document: ParsedXML) -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document.pointer, &buffer, &size, "UTF-8", 0)
        guard let buffer else { return [] }
        defer { folio_xmlsec_xml_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}
