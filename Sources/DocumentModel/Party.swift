/// DIAN identification document types (`schemeName` of `cbc:CompanyID`, code list TipoIdFiscal).
public enum IdentificationType: String, Sendable, Hashable, Codable, CaseIterable {
    case registroCivil = "11", tarjetaIdentidad = "12", cedulaCiudadania = "13", tarjetaExtranjeria = "21"
    case cedulaExtranjeria = "22", nit = "31", pasaporte = "41", documentoExtranjero = "42", pep = "47"
    case ppt = "48", nitOtroPais = "50", nuip = "91"

    /// Short Spanish label for display ("NIT", "C.C.", …).
    public var label: String {
        switch self {
        case .registroCivil: "R.C."
        case .tarjetaIdentidad: "T.I."
        case .cedulaCiudadania: "C.C."
        case .tarjetaExtranjeria: "T.E."
        case .cedulaExtranjeria: "C.E."
        case .nit: "NIT"
        case .pasaporte: "Pasaporte"
        case .documentoExtranjero: "Doc. extranjero"
        case .pep: "PEP"
        case .ppt: "PPT"
        case .nitOtroPais: "NIT otro país"
        case .nuip: "NUIP"
        }
    }
}

/// A party's identification: type, number and — for NITs — the check digit.
public struct Identification: Sendable, Hashable, Codable {
    public var type: IdentificationType
    /// Digits only for NIT/CC; as issued for other types. Never contains the DV.
    public var number: String
    /// The DIAN check digit; present for NITs.
    public var checkDigit: Int?

    public init(type: IdentificationType, number: String, checkDigit: Int? = nil) {
        self.type = type
        self.number = number
        self.checkDigit = checkDigit
    }

    /// The consumidor final: CC 222222222222, no address needed.
    public static let finalConsumer = Identification(type: .cedulaCiudadania, number: "222222222222")

    public var isFinalConsumer: Bool { number == Self.finalConsumer.number }
}

/// Legal person (1, persona jurídica) or natural person (2), `cbc:AdditionalAccountID`.
public enum PersonType: String, Sendable, Hashable, Codable {
    case legal = "1"
    case natural = "2"
}

/// A postal address with DIAN/DANE codes.
public struct Address: Sendable, Hashable, Codable {
    public var line: String
    /// DANE municipality code (5 digits), e.g. `11001` Bogotá.
    public var cityCode: String
    public var cityName: String
    /// DANE department code (2 digits), e.g. `11`.
    public var departmentCode: String
    public var departmentName: String
    public var postalCode: String?
    public var countryCode: String
    public var countryName: String

    public init(
        line: String, cityCode: String, cityName: String, departmentCode: String, departmentName: String,
        postalCode: String? = nil, countryCode: String = "CO", countryName: String = "Colombia"
    ) {
        self.line = line
        self.cityCode = cityCode
        self.cityName = cityName
        self.departmentCode = departmentCode
        self.departmentName = departmentName
        self.postalCode = postalCode
        self.countryCode = countryCode
        self.countryName = countryName
    }
}

/// An issuer or a buyer.
public struct Party: Sendable, Hashable, Codable {
    public var personType: PersonType
    /// The registration name, exactly as in the RUT.
    public var name: String
    public var tradeName: String?
    public var identification: Identification
    /// DIAN fiscal responsibilities (`O-13`, `O-15`, `O-23`, `O-47`, `R-99-PN`).
    public var taxLevelCodes: [String]
    /// The party's tax scheme (`01` IVA, `ZZ` no aplica).
    public var taxScheme: TaxScheme
    public var address: Address?
    public var email: String?
    public var phone: String?

    public init(
        personType: PersonType, name: String, tradeName: String? = nil, identification: Identification,
        taxLevelCodes: [String], taxScheme: TaxScheme, address: Address? = nil, email: String? = nil,
        phone: String? = nil
    ) {
        self.personType = personType
        self.name = name
        self.tradeName = tradeName
        self.identification = identification
        self.taxLevelCodes = taxLevelCodes
        self.taxScheme = taxScheme
        self.address = address
        self.email = email
        self.phone = phone
    }
}
