public import DocumentModel
import XMLTree

/// Any DIAN UBL 2.1 document Folio reads, by its root element.
public enum UBLDocument: Sendable, Hashable {
    /// An `Invoice`, `CreditNote` or `DebitNote`.
    case document(ElectronicDocument)
    /// An `ApplicationResponse`: a RADIAN event or DIAN's verdict on a document.
    case applicationResponse(ApplicationResponseDocument)
}

extension UBLReader {
    /// Reads whichever document `bytes` hold, parsing them once: an Invoice, CreditNote or DebitNote as
    /// ``read(_:sourceName:)`` does, an ApplicationResponse as ``readApplicationResponse(_:sourceName:)`` does.
    ///
    /// - Parameters:
    ///   - bytes: The XML document.
    ///   - sourceName: The name used in errors (a path or a label).
    /// - Throws: ``UBLReadError``; `.notUBL` when the root is none of the four.
    public static func readAny(_ bytes: [UInt8], sourceName: String) throws -> UBLDocument {
        let root = try parse(bytes, sourceName: sourceName)
        if let kind = DocumentKind(rootName: root.localName, namespace: root.namespaceURI) {
            return .document(try read(UBLNode(root, path: kind.rootName, sourceName: sourceName), kind: kind))
        }
        guard isApplicationResponse(root) else {
            throw notUBL(
                root, expected: "a UBL 2.1 Invoice, CreditNote, DebitNote or ApplicationResponse", sourceName: sourceName)
        }
        return .applicationResponse(
            try readApplicationResponse(UBLNode(root, path: applicationResponseRoot, sourceName: sourceName)))
    }
}
