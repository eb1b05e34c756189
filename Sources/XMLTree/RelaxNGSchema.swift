import CLibXML2

/// A compiled RELAX NG grammar (XML syntax), loaded once and used to validate many documents.
///
/// `@unchecked Sendable`: the compiled `xmlRelaxNG` is never modified after ``init(contentsOf:)``, and every
/// validation creates its own libxml2 validation context, as libxml2 requires for sharing a grammar.
public final class RelaxNGSchema: @unchecked Sendable {
    private let pointer: xmlRelaxNGPtr
    /// The path of the `.rng` file.
    public let path: String

    /// Loads and compiles the grammar at `path` (`include`/`externalRef` resolved relative to it). Messages
    /// are collected, never printed.
    ///
    /// - Throws: ``XMLParseError`` `.invalidSchema` with libxml2's diagnostics.
    public init(contentsOf path: String) throws(XMLParseError) {
        let (grammar, diagnostics) = LibXML2.collectingDiagnostics(file: path) { context -> xmlRelaxNGPtr? in
            guard let parser = xmlRelaxNGNewParserCtxt(path) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            xmlRelaxNGSetParserStructuredErrors(parser, LibXML2.handler, context)
            return xmlRelaxNGParse(parser)
        }
        guard let grammar else {
            let first = diagnostics.first { $0.severity >= .error }
            throw XMLParseError(
                code: .invalidSchema, message: "\(path): \(first?.message ?? "the grammar cannot be loaded")",
                diagnostics: diagnostics)
        }
        self.pointer = grammar
        self.path = path
    }

    deinit { xmlRelaxNGFree(pointer) }

    /// Validates a whole document. Returns every violation with the line of the offending element (libxml2
    /// reports no column); empty when the document is valid.
    public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
        let file = document.sourceName.isEmpty ? "(built document)" : document.sourceName
        let (status, diagnostics) = LibXML2.collectingDiagnostics(file: file) { context -> Int32 in
            guard let validator = xmlRelaxNGNewValidCtxt(pointer) else { return -1 }
            defer { xmlRelaxNGFreeValidCtxt(validator) }
            xmlRelaxNGSetValidStructuredErrors(validator, LibXML2.handler, context)
            return xmlRelaxNGValidateDoc(validator, document.pointer)
        }
        if status != 0 && diagnostics.isEmpty {
            return [
                XMLDiagnostic(
                    file: file, line: 0, column: 0, message: "RELAX NG validation failed (libxml2 status \(status))",
                    severity: .error)
            ]
        }
        return diagnostics
    }
}
