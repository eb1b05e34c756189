import Foundation
import DocumentModel
import Issuance
import Printing

extension FolioConfiguration {
    // The file's shape, decoded strictly.
    struct File: Decodable {
        struct Server: Decodable {
            var address: String?
            var port: UInt16?
            var data_directory: String?
        }
        struct Address: Decodable {
            var line: String
            var city_code: String
            var city: String
            var department_code: String?
            var department: String
            var postal_code: String?
        }
        struct Issuer: Decodable {
            var name: String
            var trade_name: String?
            var nit: String
            var person_type: String?
            var tax_responsibilities: [String]
            var tax_scheme: String?
            var address: Address
            var email: String?
            var phone: String?
        }
        struct Resolution: Decodable {
            var number: String
            var prefix: String
            var from: Int
            var to: Int
            var valid_from: String
            var valid_to: String
            var technical_key: String
        }
        struct Software: Decodable {
            var id: String
            var pin: String
            var provider_nit: String?
        }
        struct Branding: Decodable {
            var logo: String?
            var primary_color: String?
            var accent_color: String?
            var legal_texts: [String]?
        }
        struct Printing: Decodable {
            var default_printer: String?
            var copies: Int?
        }
        struct Signing: Decodable {
            var pkcs12: String?
            var password: String?
            var password_env: String?
            var private_key_pem: String?
            var certificate_chain_pem: String?
        }
        struct DIAN: Decodable {
            var endpoint: String
            var timeout_seconds: Int?
            var contingency_after_minutes: Int?
            var test_set_id: String?
        }
        struct Company: Decodable {
            var layouts: [String: String]?
            var signing: Signing?
            var id: String
            var environment: String
            var issuer: Issuer
            var resolution: Resolution
            var software: Software
            var branding: Branding?
            var printing: Printing?
        }
        struct PrintService: Decodable {
            var stuck_after_seconds: Int?
            var move_stuck_jobs: [String: String]?
            var rules: [Rule]?
        }
        struct Rule: Decodable {
            var company: String?
            var branch: String?
            var warehouse: String?
            var type: String?
            var printers: [String]
            var copies: Int?
            var media: String?
            var duplex: Bool?
            var layout: String?
        }
        struct Render: Decodable {
            var workers: Int?
            var timeout_seconds: Int?
        }
        var server: Server?
        var cups_server: String?
        var dian: DIAN?
        var printing: PrintService?
        var render: Render?
        var companies: [Company]
    }

    /// Loads and checks the configuration at `path`.
    public static func load(path: String) throws -> FolioConfiguration {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigurationError(file: path, problems: ["cannot read the file (\(error.localizedDescription))"])
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw ConfigurationError(file: path, problems: [Self.describe(error)])
        }
        if let json = try? JSONSerialization.jsonObject(with: data) {
            let unknown = unknownKeys(in: json)
            if !unknown.isEmpty { throw ConfigurationError(file: path, problems: unknown) }
        }
        let base = url.deletingLastPathComponent().path
        return try build(file, source: path, base: base)
    }

    static func build(_ file: File, source: String, base: String) throws -> FolioConfiguration {
        var problems: [String] = []
        var companies: [Company] = []
        for (index, company) in file.companies.enumerated() {
            let path = "companies[\(index + 1)]"
            let environment: DIANEnvironment
            switch company.environment {
            case "habilitacion", "habilitación", "pruebas", "2": environment = .testing
            case "produccion", "producción", "1": environment = .production
            default:
                problems.append("\(path).environment: \"\(company.environment)\" must be habilitacion or produccion")
                continue
            }
            guard let dv = NIT.checkDigit(of: company.issuer.nit) else {
                problems.append("\(path).issuer.nit: \"\(company.issuer.nit)\" is not a NIT (digits only, without DV)")
                continue
            }
            guard let from = CalendarDate(iso: company.resolution.valid_from),
                let to = CalendarDate(iso: company.resolution.valid_to)
            else {
                problems.append("\(path).resolution.valid_from/valid_to: dates must be YYYY-MM-DD")
                continue
            }
            if company.resolution.from > company.resolution.to {
                problems.append("\(path).resolution: from \(company.resolution.from) is after to \(company.resolution.to)")
            }
            let address = company.issuer.address
            let supplier = Party(
                personType: company.issuer.person_type == "natural" ? .natural : .legal, name: company.issuer.name,
                tradeName: company.issuer.trade_name,
                identification: Identification(type: .nit, number: company.issuer.nit, checkDigit: dv),
                taxLevelCodes: company.issuer.tax_responsibilities,
                taxScheme: company.issuer.tax_scheme == "ZZ" ? .notApplicable : .iva,
                address: Address(
                    line: address.line, cityCode: address.city_code, cityName: address.city,
                    departmentCode: address.department_code ?? String(address.city_code.prefix(2)),
                    departmentName: address.department, postalCode: address.postal_code),
                email: company.issuer.email, phone: company.issuer.phone)
            let resolution = NumberingResolution(
                authorization: company.resolution.number, prefix: company.resolution.prefix, from: company.resolution.from,
                to: company.resolution.to, validFrom: from, validTo: to, technicalKey: company.resolution.technical_key)
            let profile = IssuerProfile(
                companyID: company.id, supplier: supplier, resolution: resolution, environment: environment,
                softwareID: company.software.id, softwarePIN: company.software.pin,
                providerNIT: company.software.provider_nit ?? company.issuer.nit)
            let branding = BrandingSettings(
                logoPath: company.branding?.logo.map { resolve($0, base: base) },
                primaryColor: company.branding?.primary_color, accentColor: company.branding?.accent_color,
                legalTexts: company.branding?.legal_texts ?? [])
            if let logo = branding.logoPath {
                let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                if let data = FileManager.default.contents(atPath: logo) {
                    if !data.starts(with: signature) && !Self.looksLikeSVG(data) {
                        problems.append("\(path).branding.logo: \(logo) is neither a PNG nor an SVG image")
                    }
                } else {
                    problems.append("\(path).branding.logo: \(logo) does not exist")
                }
            }
            if companies.contains(where: { $0.profile.companyID == company.id }) {
                problems.append("\(path).id: \"\(company.id)\" is already the id of another company")
            }
            let prefix = company.resolution.prefix
            if prefix.count > 4 || !prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                problems.append("\(path).resolution.prefix: \"\(prefix)\" must be at most 4 letters or digits, as DIAN authorizes it")
            }
            if let copies = company.printing?.copies, !(1...99).contains(copies) {
                problems.append("\(path).printing.copies: \(copies) must be from 1 to 99")
            }
            let signing = company.signing.flatMap { signingSettings($0, path: "\(path).signing", base: base, problems: &problems) }
            var layouts: [String: String] = [:]
            for (type, layout) in (company.layouts ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard DocumentKind(rawValue: type) != nil else {
                    problems.append("\(path).layouts.\(type): is not a document type (invoice, credit-note, debit-note)")
                    continue
                }
                layouts[type] = layout.hasSuffix(".xml") ? String(layout.dropLast(4)) : layout
            }
            var entry = Company(
                profile: profile, branding: branding, defaultPrinter: company.printing?.default_printer,
                copies: company.printing?.copies ?? 1, signing: signing)
            entry.layouts = layouts
            companies.append(entry)
        }
        if file.companies.isEmpty { problems.append("companies: at least one company is needed") }
        let rules = (file.printing?.rules ?? []).map {
            PrintRule(
                company: $0.company, branch: $0.branch, warehouse: $0.warehouse, type: $0.type, printers: $0.printers,
                copies: $0.copies, media: $0.media, duplex: $0.duplex, layout: $0.layout)
        }
        let printService = PrintService(
            stuckAfterSeconds: file.printing?.stuck_after_seconds ?? 300, moveStuckJobs: file.printing?.move_stuck_jobs ?? [:],
            rules: rules)
        problems += printService.problems(companies: companies.map(\.profile.companyID))
        for (index, company) in companies.enumerated() {
            if let printer = company.defaultPrinter, let problem = PrinterAddress.problem(with: printer) {
                problems.append("companies[\(index + 1)].printing.default_printer: \(problem)")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(file: source, problems: problems) }
        let server = Server(
            address: file.server?.address ?? "127.0.0.1", port: file.server?.port ?? 8080,
            dataDirectory: resolve(file.server?.data_directory ?? "data", base: base))
        let dian = file.dian.flatMap { dianSettings($0, problems: &problems) }
        let render = RenderSettings(workers: file.render?.workers ?? 2, timeoutSeconds: file.render?.timeout_seconds ?? 120)
        problems += render.problems()
        guard problems.isEmpty else { throw ConfigurationError(file: source, problems: problems) }
        return FolioConfiguration(
            source: source, server: server, cupsServer: file.cups_server, dian: dian, printService: printService,
            render: render, companies: companies)
    }

    /// The signing certificate: a PKCS#12 file with its password (inline or from an environment variable), or PEM files.
    static func signingSettings(_ signing: File.Signing, path: String, base: String, problems: inout [String]) -> SigningSettings? {
        switch (signing.pkcs12, signing.private_key_pem, signing.certificate_chain_pem) {
        case (let pkcs12?, nil, nil):
            let password: String
            if let inline = signing.password, signing.password_env == nil {
                password = inline
            } else if let variable = signing.password_env, signing.password == nil {
                guard let value = ProcessInfo.processInfo.environment[variable] else {
                    problems.append("\(path).password_env: the environment variable \(variable) is not set")
                    return nil
                }
                password = value
            } else {
                problems.append("\(path): give exactly one of password or password_env with pkcs12")
                return nil
            }
            let file = resolve(pkcs12, base: base)
            guard FileManager.default.isReadableFile(atPath: file) else {
                problems.append("\(path).pkcs12: \(file) does not exist or cannot be read")
                return nil
            }
            return .pkcs12(path: file, password: password)
        case (nil, let key?, let chain?):
            let keyFile = resolve(key, base: base), chainFile = resolve(chain, base: base)
            for (name, file) in [("private_key_pem", keyFile), ("certificate_chain_pem", chainFile)]
            where !FileManager.default.isReadableFile(atPath: file) {
                problems.append("\(path).\(name): \(file) does not exist or cannot be read")
            }
            return .pem(privateKey: keyFile, certificateChain: chainFile)
        default:
            problems.append("\(path): give pkcs12 (with password or password_env), or private_key_pem with certificate_chain_pem")
            return nil
        }
    }

    /// Where DIAN is: `habilitacion`, `produccion`, or a URL (Folio's simulator).
    static func dianURL(_ endpoint: String, problems: inout [String]) -> String? {
        switch endpoint {
        case "habilitacion", "habilitación": return DIANSettings.habilitacion
        case "produccion", "producción": return DIANSettings.produccion
        case let other where other.hasPrefix("http://") || other.hasPrefix("https://"): return other
        default:
            problems.append("dian.endpoint: \"\(endpoint)\" must be habilitacion, produccion or an http(s) URL")
            return nil
        }
    }

    static func dianSettings(_ dian: File.DIAN, problems: inout [String]) -> DIANSettings? {
        guard let url = dianURL(dian.endpoint, problems: &problems) else { return nil }
        let timeout = dian.timeout_seconds ?? 60
        if !(1...600).contains(timeout) { problems.append("dian.timeout_seconds: \(timeout) must be from 1 to 600") }
        let contingency = dian.contingency_after_minutes
        if let contingency, contingency < 1 { problems.append("dian.contingency_after_minutes: \(contingency) must be at least 1") }
        return DIANSettings(
            endpoint: url, timeout: TimeInterval(timeout), contingencyAfter: contingency.map { TimeInterval($0 * 60) },
            testSetID: dian.test_set_id)
    }

    /// Whether a logo file is an SVG document (what the renderer draws as vectors): after a byte order mark and
    /// white space it starts with `<svg`, or with `<?xml` and has an `<svg` element further on.
    static func looksLikeSVG(_ data: Data) -> Bool {
        var bytes = data.prefix(64 * 1024)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        if bytes.starts(with: Array("<svg".utf8)) { return true }
        return bytes.starts(with: Array("<?xml".utf8)) && bytes.firstRange(of: Array("<svg".utf8)) != nil
    }

    static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: base).appendingPathComponent(path).standardized.path
    }

    /// `companies[1].resolution.from: expected Int, found a string`-style messages.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { key in key.intValue.map { "[\($0 + 1)]" } ?? ".\(key.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): is required"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
