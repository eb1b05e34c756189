import DocumentModel
import Foundation

extension Check {
    mutating func parties() {
        let supplier = document.supplier.identification
        if supplier.type != .nit {
            report("FAJ21", "the issuer is identified by type \(supplier.type.rawValue) (\(supplier.type.label)), not 31 (NIT)", at: "supplier.identification.type")
        } else {
            checkDigit(supplier, family: "FAJ24", at: "supplier.identification")
        }
        let customer = document.customer
        let type = customer.identification.type
        if !lists.identificationTypes.contains(type.rawValue) {
            report("FAK21", "identification type \(type.rawValue) (\(type.label)) is not in DIAN's list", at: "customer.identification.type")
        } else if customer.personType == .legal && type != .nit && type != .nitOtroPais {
            report("FAK21", "a legal person (AdditionalAccountID 1) identified by type \(type.rawValue) (\(type.label))", at: "customer.identification.type")
        }
        if type == .nit { checkDigit(customer.identification, family: "FAK24", at: "customer.identification") }
        if customer.personType == .natural {
            let number = customer.identification.number.trimmingCharacters(in: .whitespaces)
            if number.isEmpty {
                report("FAK61", "the natural-person buyer has no identification number", at: "customer.identification.number")
            } else if type == .cedulaCiudadania && !number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                report("FAK61", "cédula \"\(number)\" is not digits only", at: "customer.identification.number")
            }
            if customer.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report("FAK62", "the natural-person buyer has no name", at: "customer.name")
            }
        }
        if (customer.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            report("FAK55", "the buyer has no e-mail", at: "customer.email")
        }
        responsibilities(document.supplier, family: "FAJ26", at: "supplier.taxLevelCodes")
        responsibilities(customer, family: "FAK26", at: "customer.taxLevelCodes")
        if let address = document.supplier.address { self.address(address, letter: "J", at: "supplier.address") }
        if let address = customer.address { self.address(address, letter: "K", at: "customer.address") }
    }

    private mutating func responsibilities(_ party: Party, family: String, at path: String) {
        for (index, code) in party.taxLevelCodes.enumerated() where !lists.responsibilities.contains(code) {
            let known = lists.responsibilities.sorted().joined(separator: ", ")
            report(family, "\"\(code)\" is not a responsibility of DIAN's list (\(known))", at: path + "[\(index + 1)]")
        }
    }

    private mutating func checkDigit(_ identification: Identification, family: String, at path: String) {
        guard let expected = NIT.checkDigit(of: identification.number) else {
            report(family, "NIT \"\(identification.number)\" is not 1–15 digits", at: path + ".number")
            return
        }
        guard let given = identification.checkDigit else {
            report(family, "NIT \(identification.number) has no DV; its DV is \(expected)", at: path + ".checkDigit")
            return
        }
        if given != expected {
            report(family, "NIT \(identification.number) with DV \(given); its DV is \(expected)", at: path + ".checkDigit")
        }
    }

    /// DANE municipality and department codes of a Colombian address.
    private mutating func address(_ address: Address, letter: String, at path: String) {
        guard address.countryCode == "CO" else { return }
        if let listed = lists.municipalities[address.cityCode] {
            if Self.comparable(listed) != Self.comparable(address.cityName) {
                report("FA\(letter)10", "\"\(address.cityName)\" for \(address.cityCode); DIAN's list says \"\(listed.trimmingCharacters(in: .whitespaces))\"", at: path + ".cityName")
            }
        } else {
            report("FA\(letter)07", "\"\(address.cityCode)\" is not a DANE municipality code of DIAN's list", at: path + ".cityCode")
        }
        if lists.departments[address.departmentCode] == nil {
            report("FA\(letter)11", "\"\(address.departmentCode)\" is not a DANE department code of DIAN's list", at: path + ".departmentCode")
        } else if lists.municipalities[address.cityCode] != nil && !address.cityCode.hasPrefix(address.departmentCode) {
            report("FA\(letter)11", "department \(address.departmentCode) does not hold municipality \(address.cityCode)", at: path + ".departmentCode")
        }
    }

    /// Lower-cased with spacing collapsed; accents kept.
    private static func comparable(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
