import DocumentModel
import Foundation
public import XMLTree

/// Validates DIAN UBL 2.1 documents: the UBL 2.1 XSD on the whole document, and
/// `DIAN_UBL_Structures.xsd` on the `sts:DianExtensions` subtree (which UBL validates only laxly).
///
/// The schemas are compiled once in ``init(schemasDirectory:)`` and shared: one validator may be used
/// from many tasks at once.
///
/// Two findings are reported as **warnings**, not errors, because they are expected (see
/// `Schemas/PROVENANCE.md`): the empty signature slot of an unsigned document, and the
/// `@schemeID` check digit on `sts:ProviderID` / `sts:AuthorizationProviderID` that Anexo 1.9
/// requires but the 2019 `DIAN_UBL_Structures.xsd` enumerates differently.
public final class UBLValidator: Sendable {
    private let documentSchemas: [DocumentKind: XMLSchema]
    private let dianSchema: XMLSchema
    /// How long compiling the four schemas took.
    public let loadDuration: Duration

    /// Compiles `maindoc/UBL-{Invoice,CreditNote,DebitNote}-2.1.xsd` and `maindoc/DIAN_UBL_Structures.xsd`.
    ///
    /// - Parameter schemasDirectory: The folder holding `common/` and `maindoc/` (in this repository,
    ///   `Schemas/ubl-2.1`).
    /// - Throws: ``XMLParseError`` when a schema is missing or does not compile.
    public init(schemasDirectory: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let maindoc = URL(fileURLWithPath: schemasDirectory).appendingPathComponent("maindoc")
        var schemas: [DocumentKind: XMLSchema] = [:]
        for kind in DocumentKind.allCases {
            schemas[kind] = try XMLSchema(contentsOf: maindoc.appendingPathComponent(kind.schemaFileName).path)
        }
        documentSchemas = schemas
        dianSchema = try XMLSchema(contentsOf: maindoc.appendingPathComponent("DIAN_UBL_Structures.xsd").path)
        loadDuration = clock.now - start
    }

    /// Every finding for `bytes`: well-formedness errors, UBL XSD violations and DIAN structure violations,
    /// in that order. The document is valid when no diagnostic has severity `.error` or `.fatal`.
    public func validate(_ bytes: [UInt8], sourceName: String = "document") -> [XMLDiagnostic] {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, sourceName: sourceName)
        } catch {
            return error.diagnostics
        }
        guard let root = document.root else { return [] }
        guard let kind = DocumentKind(rootName: root.localName, namespace: root.namespaceURI),
            let schema = documentSchemas[kind]
        else {
            return [
                XMLDiagnostic(
                    file: sourceName, line: root.line, column: 0,
                    message: "the root element {\(root.namespaceURI ?? "")}\(root.localName) is not a UBL 2.1 Invoice, CreditNote or DebitNote",
                    severity: .error)
            ]
        }
        var diagnostics = schema.validate(document)
        guard let dian = Self.dianExtensions(of: root) else {
            diagnostics.append(
                XMLDiagnostic(
                    file: sourceName, line: root.line, column: 0,
                    message: "\(kind.rootName)/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/sts:DianExtensions: missing",
                    severity: .error))
            return diagnostics
        }
        diagnostics += dianSchema.validate(subtree: dian).map(Self.markCheckDigitConflict)
        return diagnostics
    }

    /// The first `sts:DianExtensions` (any DIAN structures namespace) inside `ext:UBLExtensions`.
    static func dianExtensions(of root: XMLElement) -> XMLElement? {
        let extensions = root.firstChild(named: "UBLExtensions", namespace: UBLNamespace.ext)?
            .children(named: "UBLExtension", namespace: UBLNamespace.ext) ?? []
        for content in extensions.compactMap({ $0.firstChild(named: "ExtensionContent", namespace: UBLNamespace.ext) }) {
            if let dian = content.children.first(where: { $0.localName == "DianExtensions" }) { return dian }
        }
        return nil
    }
}
