/// DIAN's file names (Anexo 1.9 naming convention, [S] in DIAN.md §5):
/// XML `{tipo}{NIT 10 digits}{PPP}{AA}{8 hex}.xml`, ZIP `z{NIT 10}{PPP}{AA}{8 hex}.zip`,
/// e.g. `fv08001972680001900000011.xml` and `z08001972680001900000011.zip`.
public struct DIANFileName: Sendable, Hashable {
    /// The document type prefix.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Factura electrónica de venta.
        case invoice = "fv"
        /// Nota crédito.
        case creditNote = "nc"
        /// Nota débito.
        case debitNote = "nd"
        /// ApplicationResponse (RADIAN event).
        case applicationResponse = "ar"
        /// AttachedDocument.
        case attachedDocument = "ad"
    }

    public let kind: Kind
    /// The issuer's NIT without DV, zero-padded to 10 digits.
    public let nit: String
    /// The technology provider's code, 3 digits (`000` for software propio).
    public let providerCode: String
    /// The last two digits of the year.
    public let year: String
    /// The consecutive, 8 lowercase hex digits.
    public let sequence: String

    /// - Parameters:
    ///   - kind: The document type.
    ///   - nit: The issuer's NIT, digits only, without DV (at most 10 digits).
    ///   - providerCode: 3 digits; `000` for software propio.
    ///   - year: The calendar year (only its last two digits are used).
    ///   - sequence: The issuer's consecutive for this kind of file in the year (0 … 0xFFFFFFFF).
    /// - Throws: ``DIANClientError`` `.invalidRequest` naming the field.
    public init(kind: Kind, nit: String, providerCode: String = "000", year: Int, sequence: UInt32) throws {
        guard !nit.isEmpty, nit.count <= 10, nit.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DIANClientError(code: .invalidRequest, message: "file name: NIT '\(nit)' is not 1 to 10 digits (no DV, no dots)")
        }
        guard providerCode.count == 3, providerCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DIANClientError(code: .invalidRequest, message: "file name: provider code '\(providerCode)' is not 3 digits")
        }
        guard (2000...2099).contains(year) else {
            throw DIANClientError(code: .invalidRequest, message: "file name: year \(year) is not in 2000–2099")
        }
        self.kind = kind
        self.nit = String(repeating: "0", count: 10 - nit.count) + nit
        self.providerCode = providerCode
        self.year = String(year % 100).leftPadded(to: 2)
        self.sequence = String(sequence, radix: 16, uppercase: false).leftPadded(to: 8)
    }

    /// The part shared by the XML and the ZIP name: NIT10 + PPP + AA + 8 hex.
    public var stem: String { nit + providerCode + year + sequence }

    /// `fv…xml`.
    public var xml: String { kind.rawValue + stem + ".xml" }

    /// `z…zip`.
    public var zip: String { "z" + stem + ".zip" }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
