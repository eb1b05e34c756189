import DocumentModel
import XMLTree

extension UBLWriter {
    /// `cac:AccountingSupplierParty` / `cac:AccountingCustomerParty` in `PartyType` order.
    ///
    /// A party without an address (the consumidor final) gets no `cac:PhysicalLocation` and no
    /// `cac:RegistrationAddress`. Natural persons also get `cac:PartyIdentification` (rules FAK61/62).
    static func writeParty(_ party: Party, as role: String, registrationPrefix: String?, into root: XMLElement) {
        let wrapper = root.cac(role)
        wrapper.cbc("AdditionalAccountID", party.personType.rawValue)
        let element = wrapper.cac("Party")
        if party.personType == .natural {
            element.cac("PartyIdentification").cbc("ID", party.identification.number, identificationAttributes(party.identification))
        }
        element.cac("PartyName").cbc("Name", party.tradeName ?? party.name)
        if let address = party.address { writeAddress(address, as: "Address", into: element.cac("PhysicalLocation")) }

        let taxScheme = element.cac("PartyTaxScheme")
        taxScheme.cbc("RegistrationName", party.name)
        taxScheme.cbc("CompanyID", party.identification.number, identificationAttributes(party.identification))
        if !party.taxLevelCodes.isEmpty { taxScheme.cbc("TaxLevelCode", party.taxLevelCodes.joined(separator: ";")) }
        if let address = party.address { writeAddress(address, as: "RegistrationAddress", into: taxScheme) }
        let scheme = taxScheme.cac("TaxScheme")
        scheme.cbc("ID", party.taxScheme.id)
        scheme.cbc("Name", party.taxScheme.name)

        let legal = element.cac("PartyLegalEntity")
        legal.cbc("RegistrationName", party.name)
        legal.cbc("CompanyID", party.identification.number, identificationAttributes(party.identification))
        if let prefix = registrationPrefix, !prefix.isEmpty { legal.cac("CorporateRegistrationScheme").cbc("ID", prefix) }

        if party.email != nil || party.phone != nil {
            let contact = element.cac("Contact")
            if let phone = party.phone { contact.cbc("Telephone", phone) }
            if let email = party.email { contact.cbc("ElectronicMail", email) }
        }
    }

    /// DIAN's attributes on `cbc:CompanyID`: agency 195, the check digit (NIT only) and the type.
    private static func identificationAttributes(_ identification: Identification) -> KeyValuePairs<String, String> {
        if identification.type == .nit, let digit = identification.checkDigit {
            return [
                "schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name, "schemeID": String(digit),
                "schemeName": identification.type.rawValue,
            ]
        }
        return [
            "schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name,
            "schemeName": identification.type.rawValue,
        ]
    }

    /// An `AddressType` with DANE codes, in XSD order.
    private static func writeAddress(_ address: Address, as name: String, into parent: XMLElement) {
        let element = parent.cac(name)
        element.cbc("ID", address.cityCode)
        element.cbc("CityName", address.cityName)
        if let postal = address.postalCode { element.cbc("PostalZone", postal) }
        element.cbc("CountrySubentity", address.departmentName)
        element.cbc("CountrySubentityCode", address.departmentCode)
        element.cac("AddressLine").cbc("Line", address.line)
        let country = element.cac("Country")
        country.cbc("IdentificationCode", address.countryCode)
        country.cbc("Name", address.countryName, ["languageID": "es"])
    }
}
