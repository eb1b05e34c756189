import DocumentModel
import Foundation
import XMLTree

extension UBLReader {
    /// A supplier or customer party (`cac:AccountingSupplierParty` / `cac:AccountingCustomerParty`).
    ///
    /// The identification comes from `cac:PartyTaxScheme/cbc:CompanyID`, else `cac:PartyLegalEntity`, else
    /// `cac:PartyIdentification`; a missing `@schemeName` is read as NIT. The name is the registration name
    /// (tax scheme, then legal entity, then the first `cac:PartyName`). The address is the physical
    /// location's, else the registration address.
    static func readParty(_ wrapper: UBLNode) throws -> Party {
        let party = try wrapper.required("Party", UBLNamespace.cac)
        let taxScheme = party.child("PartyTaxScheme", UBLNamespace.cac)
        let legal = party.child("PartyLegalEntity", UBLNamespace.cac)
        let name = registrationName(party) ?? ""
        let firstName = party.child("PartyName", UBLNamespace.cac)?.child("Name")?.text
        let scheme = taxScheme?.child("TaxScheme", UBLNamespace.cac)
        let contact = party.child("Contact", UBLNamespace.cac)
        let addressNode = party.child("PhysicalLocation", UBLNamespace.cac)?.child("Address", UBLNamespace.cac)
            ?? taxScheme?.child("RegistrationAddress", UBLNamespace.cac)
            ?? legal?.child("RegistrationAddress", UBLNamespace.cac)
        return Party(
            personType: try readPersonType(wrapper), name: name, tradeName: firstName == name ? nil : firstName,
            identification: try readIdentification(party, taxScheme: taxScheme, legal: legal),
            taxLevelCodes: (taxScheme?.value("TaxLevelCode") ?? "").split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            taxScheme: scheme.map { TaxScheme(id: $0.value("ID") ?? "", name: $0.child("Name")?.text ?? "") }
                ?? .notApplicable,
            address: addressNode.map(readAddress), email: contact?.value("ElectronicMail"),
            phone: contact?.value("Telephone"))
    }

    private static func readPersonType(_ wrapper: UBLNode) throws -> PersonType {
        guard let node = wrapper.child("AdditionalAccountID") else { return .legal }
        guard let type = PersonType(rawValue: node.trimmed) else {
            throw node.invalid("'\(node.trimmed)' is not 1 (persona jurídica) or 2 (persona natural)")
        }
        return type
    }

    /// The registration name of a `cac:Party` (or a party-typed element such as `cac:SenderParty`): the tax
    /// scheme's, else the legal entity's, else the first `cac:PartyName`; `nil` when there is none.
    static func registrationName(_ party: UBLNode) -> String? {
        party.child("PartyTaxScheme", UBLNamespace.cac)?.child("RegistrationName")?.text
            ?? party.child("PartyLegalEntity", UBLNamespace.cac)?.child("RegistrationName")?.text
            ?? party.child("PartyName", UBLNamespace.cac)?.child("Name")?.text
    }

    /// The identification of a `cac:Party` (or a party-typed element), as described on ``readParty(_:)``.
    static func readIdentification(_ party: UBLNode) throws -> Identification {
        try readIdentification(
            party, taxScheme: party.child("PartyTaxScheme", UBLNamespace.cac),
            legal: party.child("PartyLegalEntity", UBLNamespace.cac))
    }

    private static func readIdentification(_ party: UBLNode, taxScheme: UBLNode?, legal: UBLNode?) throws -> Identification {
        let candidates = [
            taxScheme?.child("CompanyID"), legal?.child("CompanyID"),
            party.child("PartyIdentification", UBLNamespace.cac)?.child("ID"),
        ]
        guard let node = candidates.compactMap({ $0 }).first(where: { !$0.trimmed.isEmpty }) else {
            guard let scheme = taxScheme else { throw party.missing("PartyTaxScheme", UBLNamespace.cac) }
            guard let companyID = scheme.child("CompanyID") else { throw scheme.missing("CompanyID") }
            throw companyID.invalid("empty: the party has no identification")
        }
        return try identification(node, defaultType: .nit)
    }

    /// An identifier element: its type from `@schemeName` (`defaultType` when absent), and for NITs the check
    /// digit from `@schemeID`.
    static func identification(_ node: UBLNode, defaultType: IdentificationType) throws -> Identification {
        var type = defaultType
        if let code = node.attribute("schemeName") {
            guard let known = IdentificationType(rawValue: code) else {
                throw node.invalid("@schemeName '\(code)' is not a DIAN identification type (11, 12, 13, 21, 22, 31, …)")
            }
            type = known
        }
        let checkDigit = type == .nit ? node.attribute("schemeID").flatMap { Int($0) } : nil
        return Identification(type: type, number: node.trimmed, checkDigit: checkDigit)
    }

    private static func readAddress(_ node: UBLNode) -> Address {
        let country = node.child("Country", UBLNamespace.cac)
        return Address(
            line: node.children("AddressLine", UBLNamespace.cac).compactMap { $0.child("Line")?.text }
                .joined(separator: "\n"),
            cityCode: node.value("ID") ?? "", cityName: node.child("CityName")?.text ?? "",
            departmentCode: node.value("CountrySubentityCode") ?? "",
            departmentName: node.child("CountrySubentity")?.text ?? "", postalCode: node.value("PostalZone"),
            countryCode: country?.value("IdentificationCode") ?? "CO",
            countryName: country?.child("Name")?.text ?? "Colombia")
    }
}
