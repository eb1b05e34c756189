public import DocumentModel

/// What the validator needs besides the document: what DIAN knows about the issuer and when it was signed.
public struct ValidationContext: Sendable {
    /// The numbering resolution in force for the issuer (invoices). `nil` checks the range against the
    /// document's own `sts:InvoiceControl` only.
    public var resolution: NumberingResolution?
    /// The date of the signature (`xades:SigningTime`, Bogotá date) — or, before signing, the date Folio will
    /// sign on. DIAN requires it to equal the issue date (FAD09e).
    public var signingDate: CalendarDate
    /// The issuer's software PIN: with it the CUDE of notes (FAD06's C/D codes) and the SoftwareSecurityCode
    /// (FAB19b) are recomputed. The CUFE of invoices needs the resolution's technical key instead.
    public var softwarePIN: String?

    public init(resolution: NumberingResolution?, signingDate: CalendarDate, softwarePIN: String? = nil) {
        self.resolution = resolution
        self.signingDate = signingDate
        self.softwarePIN = softwarePIN
    }
}
