import CXMLSec

/// A libxml2 document parsed for signing or verifying. Not `Sendable`: it lives inside one call.
final class ParsedXML {
    let pointer: xmlDocPtr
    let sourceName: String

    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses `bytes` without network access, entity substitution or DTD loading (no XXE), and refuses
    /// a DOCTYPE: a signed document must mean the same thing with or without its DTD.
    init(parsing bytes: [UInt8], sourceName: String) throws(SigningError) {
        try XMLSecLibrary.ensureInitialized()
        guard bytes.count < Int(Int32.max) else {
            throw SigningError(.malformedDocument, "\(sourceName): larger than 2 GiB")
        }
        let collector = ParseErrors()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, collectParseError)
        let document: xmlDocPtr? = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlReadMemory($0.baseAddress, Int32($0.count), sourceName, nil, Self.parseOptions)
                }
            }
        }
        xmlSetStructuredErrorFunc(nil, nil)
        guard let document else {
            throw SigningError(
                .malformedDocument, "\(sourceName): not well-formed XML" + (collector.first.map { " — \($0)" } ?? ""),
                details: collector.messages)
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            throw SigningError(.malformedDocument, "\(sourceName): a DOCTYPE is not allowed in a document to sign or verify")
        }
        guard xmlDocGetRootElement(document) != nil else {
            xmlFreeDoc(document)
            throw SigningError(.malformedDocument, "\(sourceName): no root element")
        }
        self.pointer = document
        self.sourceName = sourceName
    }

    deinit { xmlFreeDoc(pointer) }

    var root: xmlNodePtr { xmlDocGetRootElement(pointer)! }

    /// Registers `attribute` of `node` as an XML ID so `URI="#…"` references resolve to `node`.
    func registerID(_ value: String, attribute: xmlAttrPtr) {
        if xmlGetID(pointer, value) == nil { _ = xmlAddID(nil, pointer, value, attribute) }
    }
}

private final class ParseErrors {
    var messages: [String] = []
    var first: String? { messages.first }
}

private func collectParseError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let collector = Unmanaged<ParseErrors>.fromOpaque(context).takeUnretainedValue()
    var text = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
    while text.last?.isWhitespace == true { text.removeLast() }
    collector.messages.append("line \(error.pointee.line): \(text)")
}
