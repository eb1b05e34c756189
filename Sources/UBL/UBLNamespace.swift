/// The namespace URIs of DIAN UBL 2.1 documents.
public enum UBLNamespace {
    public static let invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    public static let creditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    public static let debitNote = "urn:oasis:names:specification:ubl:schema:xsd:DebitNote-2"
    /// RADIAN events and DIAN's responses.
    public static let applicationResponse = "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
    /// DIAN's container for the buyer (signed invoice + DIAN's response).
    public static let attachedDocument = "urn:oasis:names:specification:ubl:schema:xsd:AttachedDocument-2"
    /// `cac`: aggregate components.
    public static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    /// `cbc`: basic components.
    public static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    /// `ext`: UBL extensions.
    public static let ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    /// `sts`: DIAN's structures (`DIAN_UBL_Structures.xsd`), the namespace Folio writes.
    public static let sts = "dian:gov:co:facturaelectronica:Structures-2-1"
    /// The pre-2.1 DIAN structures namespace some issuers still write; read, never written.
    public static let stsLegacy = "http://www.dian.gov.co/contratos/facturaelectronica/v1/Structures"
    /// `ds`: XML digital signature.
    public static let ds = "http://www.w3.org/2000/09/xmldsig#"
    /// `xades`: XAdES 1.3.2.
    public static let xades = "http://uri.etsi.org/01903/v1.3.2#"
    /// `xades141`: XAdES 1.4.1.
    public static let xades141 = "http://uri.etsi.org/01903/v1.4.1#"

    /// `folio`: Folio's marker for the signature slot of a document not signed yet (see ``UBLWriter``).
    public static let signaturePending = "urn:folio:signature-pending"

    /// The prefixes Folio declares on the root of every document it writes (and uses in error paths).
    static let prefixes: [(prefix: String, uri: String)] = [
        ("cac", cac), ("cbc", cbc), ("ext", ext), ("sts", sts), ("ds", ds), ("xades", xades), ("xades141", xades141),
        ("folio", signaturePending),
    ]

    /// The conventional prefix of a namespace, for element paths in messages.
    static func prefix(of uri: String?) -> String? {
        if uri == stsLegacy { return "sts" }
        return prefixes.first { $0.uri == uri }?.prefix
    }
}
