import DIANClient
import Foundation
import DocumentModel
import Issuance
import Signing

extension XAdESSigner: DocumentSigning {}

extension IssuanceWiring {
    /// The signers and DIAN gateways the configuration describes; a certificate that cannot be loaded stops
    /// the start, naming the company and the file.
    public init(configuration: FolioConfiguration, world: FolioWorld) throws {
        var signers: [String: any DocumentSigning] = [:]
        var gateways: [String: any DIANGateway] = [:]
        var problems: [String] = []
        for (index, company) in configuration.companies.enumerated() {
            guard let signing = company.signing else { continue }
            do {
                let identity = try SigningIdentity(signing)
                if identity.notAfter < world.now() {
                    problems.append("companies[\(index + 1)].signing: the certificate \(identity.subject) expired on \(identity.notAfter)")
                }
                signers[company.profile.companyID] = XAdESSigner(identity: identity)
                if let dian = configuration.dian {
                    let client = DIANClient(
                        endpoint: DIANEndpoint(url: dian.endpoint), security: SignedEnvelopes(security: WSSecurity(identity: identity)),
                        timeout: .seconds(dian.timeout), now: world.now)
                    gateways[company.profile.companyID] = DIANServiceGateway(
                        client: client, issuerNIT: company.profile.supplier.identification.number, now: world.now)
                }
            } catch {
                problems.append("companies[\(index + 1)].signing: \(error)")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(file: configuration.source, problems: problems) }
        if configuration.dian != nil {
            for (index, company) in configuration.companies.enumerated() where company.signing == nil {
                problems.append("companies[\(index + 1)].signing: a certificate is needed to transmit to DIAN")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(file: configuration.source, problems: problems) }
        self.init(signers: signers, gateways: gateways, contingencyAfter: configuration.dian?.contingencyAfter)
    }
}

extension SigningIdentity {
    /// The identity a company's `signing` settings name (PKCS#12 with its password, or PEM files).
    init(_ settings: FolioConfiguration.SigningSettings) throws {
        switch settings {
        case .pkcs12(let path, let password): try self.init(pkcs12: path, password: password)
        case .pem(let key, let chain): try self.init(privateKeyPEM: key, certificateChainPEM: chain)
        }
    }
}
