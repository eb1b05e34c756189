public import Foundation
import DisplayModel
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
        /// The company's signing certificate; required to issue.
        public var signing: SigningSettings?
        /// The company's own layouts by document type (`invoice`, `credit-note`, `debit-note`), e.g. a
        /// variant that `extends` the shipped one; absent types use the shipped layout of their kind.
        public var layouts: [String: String] = [:]

        /// The layout this company's documents of `kind` are drawn with.
        func layout(for kind: DocumentKind) -> String {
            layouts[kind.rawValue] ?? DocumentDisplay.layoutName(for: kind)
        }
    }

    /// Where a company's signing key and certificate chain are.
    public enum SigningSettings: Sendable, Hashable {
        case pkcs12(path: String, password: String)
        case pem(privateKey: String, certificateChain: String)
    }

    /// DIAN's web services as configured; absent: documents are signed and delivered, not transmitted.
    public struct DIANSettings: Sendable, Hashable {
        public static let habilitacion = "https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc"
        public static let produccion = "https://vpfe.dian.gov.co/WcfDianCustomerServices.svc"
        public var endpoint: String
        public var timeout: TimeInterval
        /// After how long DIAN may be unreachable before invoices go out as tipo 04; nil: never.
        public var contingencyAfter: TimeInterval?
        /// The habilitación test set (`folio habilitacion`).
        public var testSetID: String?

        /// `habilitacion`, `produccion` or a URL, keeping the other settings of `base`.
        public init(endpoint: String, base: DIANSettings?) throws {
            var problems: [String] = []
            guard let url = FolioConfiguration.dianURL(endpoint, problems: &problems) else {
                throw ConfigurationError(file: "--dian", problems: problems)
            }
            self.init(
                endpoint: url, timeout: base?.timeout ?? 60, contingencyAfter: base?.contingencyAfter, testSetID: base?.testSetID)
        }

        init(endpoint: String, timeout: TimeInterval, contingencyAfter: TimeInterval?, testSetID: String?) {
            self.endpoint = endpoint
            self.timeout = timeout
            self.contingencyAfter = contingencyAfter
            self.testSetID = testSetID
        }
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
    public var dian: DIANSettings?
    /// The print service's own settings (`printing` at the top of the file).
    public var printService: PrintService = PrintService()
    /// How documents are drawn (`render` at the top of the file).
    public var render: RenderSettings = RenderSettings()
    public var companies: [Company]

    /// `render`: PDFs are drawn in worker processes (`folio-render`) so that a crash or a runaway document in
    /// cairo, Pango or librsvg costs one document instead of the server, and a large document's layout
    /// memory lives and dies with a small process.
    public struct RenderSettings: Sendable, Hashable {
        /// Worker processes drawing at the same time; 0 draws in the server process. `render.workers`,
        /// default 2.
        public var workers: Int
        /// How long a worker may take to start or to draw one document before it is stopped and the document
        /// fails. `render.timeout_seconds`, default 120.
        public var timeoutSeconds: Int

        public init(workers: Int = 2, timeoutSeconds: Int = 120) {
            self.workers = workers
            self.timeoutSeconds = timeoutSeconds
        }

        /// Problems naming the key.
        func problems() -> [String] {
            var problems: [String] = []
            if !(0...32).contains(workers) { problems.append("render.workers: \(workers) must be from 0 to 32 (0 draws in the server process)") }
            if !(1...3600).contains(timeoutSeconds) { problems.append("render.timeout_seconds: \(timeoutSeconds) must be from 1 to 3600") }
            return problems
        }
    }

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
