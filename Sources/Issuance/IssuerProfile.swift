public import DocumentModel

/// Everything Folio needs to issue in one company's name: the issuer party, its numbering resolution and
/// the DIAN software registration.
public struct IssuerProfile: Sendable, Hashable {
    public var companyID: String
    public var supplier: Party
    public var resolution: NumberingResolution
    public var environment: DIANEnvironment
    public var softwareID: String
    public var softwarePIN: String
    /// NIT of the software provider (the issuer itself for "software propio").
    public var providerNIT: String

    public init(
        companyID: String, supplier: Party, resolution: NumberingResolution, environment: DIANEnvironment,
        softwareID: String, softwarePIN: String, providerNIT: String
    ) {
        self.companyID = companyID
        self.supplier = supplier
        self.resolution = resolution
        self.environment = environment
        self.softwareID = softwareID
        self.softwarePIN = softwarePIN
        self.providerNIT = providerNIT
    }
}
