public import DocumentModel

/// What the validator needs besides the document: what DIAN knows about the issuer and when it was signed.
public struct ValidationContext: Sendable {
    /// The numbering resolution in force for the issuer (invoices). `nil` checks the range against the
    /// document's own `sts:InvoiceControl` only.
    public var resolution: NumberingResolution?
    /// The date of the signature (`xades:SigningTime`, Bogotá date) — or, before signing, the date Folio will
    /// sign on. DIAN requires it to equal the issue date (FAD09e).
    public var signingDate: CalendarDate

    public init(resolution: NumberingResolution?, signingDate: CalendarDate) {
        self.resolution = resolution
        self.signingDate = signingDate
    }
}
