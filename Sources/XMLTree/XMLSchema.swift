import CLibXML2

/// A compiled W3C XML Schema (XSD), loaded once and used to validate many documents.
///
/// `@unchecked Sendable`: the compiled `xmlSchema` is never modified after ``init(contentsOf:)``, and
/// every validation creates its own libxml2 validation context, which is what libxml2 requires for
/// sharing a schema between threads.
public final class XMLSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
    /// The path of the main `.xsd` file.
    public let path: String

    /// Loads and compiles the schema at `path`; `xs:import`/`xs:include` locations are resolved
    /// relative to it. Messages are collected, never printed.
    ///
    /// - Throws: ``XMLParseError`` `.invalidSchema` with libxml2's diagnostics.
    public init(contentsOf path: String) throws(XMLParseError) {
        let (schema, diagnostics) = LibXML2.collectingDiagnostics(file: path) { context -> xmlSchemaPtr? in
            guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, LibXML2.handler, context)
            return xmlSchemaParse(parser)
        }
        guard let schema else {
            let first = diagnostics.first { $0.severity >= .error }
            throw XMLParseError(
                code: .invalidSchema, message: "\(path): \(first?.message ?? "the schema cannot be loaded")",
                diagnostics: diagnostics)
        }
        self.pointer = schema
        self.path = path
    }

    deinit { xmlSchemaFree(pointer) }

    /// Validates a whole document. Returns every violation (empty when the document is valid).
    public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
        validate(document.pointer, fallbackFile: document.sourceName)
    }

    /// Validates one element as if it were the root of its own document — for content the main schema
    /// only checks laxly, such as `sts:DianExtensions` inside UBL's `ext:ExtensionContent`.
    ///
    /// The element is copied (with the namespace declarations it uses and its line numbers) into a fresh
    /// document, so diagnostics still point at lines of the original source.
    public func validate(subtree element: XMLElement) -> [XMLDiagnostic] {
        let source = element.document.pointer
        guard let copyDoc = xmlNewDoc("1.0") else { return [] }
        defer { xmlFreeDoc(copyDoc) }
        if let url = source.pointee.URL { copyDoc.pointee.URL = UnsafePointer(xmlStrdup(url)) }
        guard let copy = xmlDocCopyNode(element.node, copyDoc, 1) else { return [] }
        xmlDocSetRootElement(copyDoc, copy)
        xmlReconciliateNs(copyDoc, copy)
        return validate(copyDoc, fallbackFile: element.document.sourceName)
    }

    private func validate(_ doc: xmlDocPtr, fallbackFile: String) -> [XMLDiagnostic] {
        let file = fallbackFile.isEmpty ? "(built document)" : fallbackFile
        let (status, diagnostics) = LibXML2.collectingDiagnostics(file: file) { context -> Int32 in
            guard let validator = xmlSchemaNewValidCtxt(pointer) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(validator) }
            xmlSchemaSetValidStructuredErrors(validator, LibXML2.handler, context)
            return xmlSchemaValidateDoc(validator, doc)
        }
        if status != 0 && diagnostics.isEmpty {
            return [
                XMLDiagnostic(
                    file: file, line: 0, column: 0, message: "schema validation failed (libxml2 status \(status))",
                    severity: .error)
            ]
        }
        return diagnostics
    }
}
