import CLibXML2
import Foundation

extension XMLDocument {
    /// Options for every parse: no network, huge line numbers kept; entities are never substituted
    /// (`XML_PARSE_NOENT` absent) and no external DTD is loaded (`XML_PARSE_DTDLOAD` absent), so an
    /// external entity pointing at a local file is never read.
    private static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses a document from bytes.
    ///
    /// Safe to call from several threads at once. libxml2's messages are never printed; they are
    /// returned in the thrown error.
    ///
    /// - Parameters:
    ///   - bytes: The document, in the encoding its declaration names (UTF-8 by default).
    ///   - sourceName: The name used in diagnostics (a path, or a label such as `request body`).
    /// - Throws: ``XMLParseError`` with code `.malformed` and every diagnostic libxml2 reported.
    public static func parse(_ bytes: [UInt8], sourceName: String) throws(XMLParseError) -> XMLDocument {
        guard bytes.count < Int(Int32.max) else {
            throw XMLParseError(code: .unreadable, message: "\(sourceName): document larger than 2 GiB")
        }
        let (document, diagnostics) = LibXML2.collectingDiagnostics(file: sourceName) { _ -> xmlDocPtr? in
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), sourceName, nil, parseOptions)
                }
            }
        }
        guard let document else {
            let first = diagnostics.first { $0.severity >= .error }
            let summary = first.map { "\($0.file):\($0.line):\($0.column): \($0.message)" } ?? "\(sourceName): not XML"
            throw XMLParseError(code: .malformed, message: summary, diagnostics: diagnostics)
        }
        return XMLDocument(takingOwnershipOf: document, sourceName: sourceName)
    }

    /// Reads and parses the file at `path`; diagnostics name `path`.
    ///
    /// - Throws: ``XMLParseError`` `.unreadable` when the file cannot be read, `.malformed` when it is not XML.
    public static func parse(contentsOf path: String) throws(XMLParseError) -> XMLDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XMLParseError(code: .unreadable, message: "\(path): cannot read the file")
        }
        return try parse([UInt8](data), sourceName: path)
    }
}
