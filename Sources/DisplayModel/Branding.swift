/// A company's corporate image on its documents.
public struct Branding: Sendable, Hashable, Codable {
    /// The name printed as the brand (falls back to the issuer's trade or registration name).
    public var tradeName: String?
    /// The logo PNG, relative to the layouts directory (`assets/logo.png`) or absolute.
    public var logoPath: String?
    /// `#RRGGBB`, used for titles and table headers.
    public var primaryColor: String
    /// `#RRGGBB`, used for light backgrounds.
    public var accentColor: String
    /// Legal paragraphs printed at the end of the document (one per item).
    public var legalTexts: [String]

    public init(
        tradeName: String? = nil, logoPath: String? = nil, primaryColor: String = "#14306E",
        accentColor: String = "#DDE3EE", legalTexts: [String] = []
    ) {
        self.tradeName = tradeName
        self.logoPath = logoPath
        self.primaryColor = primaryColor
        self.accentColor = accentColor
        self.legalTexts = legalTexts
    }
}
