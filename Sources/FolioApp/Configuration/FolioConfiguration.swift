import Foundation
import DocumentModel
public import Issuance

/// The company configuration file (JSON): server, CUPS server and one entry per issuing company.
/// Relative paths inside it are resolved against the file's own folder. Documented in Docs/configuration.md.
public struct FolioConfiguration: Sendable {
    public struct Server: Sendable {
        public var address: String
        public var port: UInt16
        public var dataDirectory: String
    }

    public struct Company: Sendable {
        public var profile: IssuerProfile
        public var branding: BrandingSettings
        public var defaultPrinter: String?
        public var copies: Int
    }

    /// Branding as configured; turned into the display model's branding by the app.
    public struct BrandingSettings: Sendable {
        public var logoPath: String?
        public var primaryColor: String?
        public var accentColor: String?
        public var legalTexts: [String]
    }

    public var source: String
    public var server: Server
    /// `host:port` of the CUPS server; `nil` → the `CUPS_SERVER` environment variable or libcups' default.
    public var cupsServer: String?
    /// The print service's own settings (`printing` at the top of the file).
    public var printService: PrintService = PrintService()
    public var companies: [Company]

    public func company(_ id: String) -> Company? { companies.first { $0.profile.companyID == id } }
}

/// A configuration file that cannot be used, naming the file and the field.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [String]
    public var description: String {
        "\(file): invalid configuration\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
