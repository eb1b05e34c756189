import DocumentModel
import Foundation

extension ERPDocumentReader {
    /// Identification types by DIAN code or common name.
    static let identificationAliases: [String: IdentificationType] = [
        "RC": .registroCivil, "TI": .tarjetaIdentidad, "CC": .cedulaCiudadania, "TE": .tarjetaExtranjeria,
        "CE": .cedulaExtranjeria, "NIT": .nit, "PASAPORTE": .pasaporte, "PA": .pasaporte, "DIE": .documentoExtranjero,
        "PEP": .pep, "PPT": .ppt, "NIT_EXTRANJERO": .nitOtroPais, "NUIP": .nuip,
    ]
    static let knownResponsibilities: Set<String> = ["O-13", "O-15", "O-23", "O-47", "R-99-PN"]

    static func buyer(_ node: JSONNode?, _ r: inout FieldReader) -> Party? {
        guard let node = r.object(node, "buyer", allowed: buyerKeys) else { return nil }
        let idNumberNode = node["id_number"]
        if r.bool(node["final_consumer"], "buyer.final_consumer") == true
            || idNumberNode?.value == .string(Identification.finalConsumer.number)
        {
            let email = r.string(node["email"], "buyer.email", required: false)
            return Party(
                personType: .natural, name: r.string(node["name"], "buyer.name", required: false) ?? "Consumidor final",
                identification: .finalConsumer, taxLevelCodes: ["R-99-PN"], taxScheme: .notApplicable, email: email)
        }

        var identification: Identification?
        if let typeText = r.string(node["id_type"], "buyer.id_type") {
            let type = IdentificationType(rawValue: typeText) ?? identificationAliases[typeText.uppercased()]
            if type == nil {
                r.fail("buyer.id_type", node["id_type"], "\"\(typeText)\" is not a DIAN identification type; use a code such as 31 (NIT), 13 (CC), 22 (CE), 41 (pasaporte) or its name")
            }
            if let type, let number = r.string(node["id_number"], "buyer.id_number", maxLength: 20) {
                identification = checkedIdentification(type: type, number: number, dvNode: node["dv"], &r)
            }
        } else {
            _ = r.string(node["id_number"], "buyer.id_number")
        }
        let name = r.string(node["name"], "buyer.name", maxLength: 450)
        let defaultPerson: PersonType = identification?.type == .nit ? .legal : .natural
        var personType = defaultPerson
        if let text = r.string(node["person_type"], "buyer.person_type", required: false) {
            switch text {
            case "legal", "1": personType = .legal
            case "natural", "2": personType = .natural
            default: r.fail("buyer.person_type", node["person_type"], "\"\(text)\" must be legal (jurídica) or natural")
            }
        }
        var responsibilities = ["R-99-PN"]
        if let elements = r.array(node["tax_responsibilities"], "buyer.tax_responsibilities", required: false) {
            responsibilities = []
            for (i, element) in elements.enumerated() {
                guard let code = r.string(element, "buyer.tax_responsibilities[\(i + 1)]") else { continue }
                if knownResponsibilities.contains(code) {
                    responsibilities.append(code)
                } else {
                    r.fail("buyer.tax_responsibilities[\(i + 1)]", element, "\"\(code)\" is not a DIAN responsibility; use O-13, O-15, O-23, O-47 or R-99-PN")
                }
            }
        }
        var scheme = TaxScheme.notApplicable
        if let text = r.string(node["tax_scheme"], "buyer.tax_scheme", required: false) {
            switch text {
            case "01", "IVA": scheme = .iva
            case "ZZ": scheme = .notApplicable
            case "04", "INC": scheme = .inc
            default: r.fail("buyer.tax_scheme", node["tax_scheme"], "\"\(text)\" must be 01 (IVA), 04 (INC) or ZZ (no aplica)")
            }
        }
        let address = self.address(node["address"], "buyer.address", &r)
        let email = r.string(node["email"], "buyer.email", required: false, maxLength: 200)
        if let email, !isPlausibleEmail(email) {
            r.fail("buyer.email", node["email"], "\"\(email)\" is not an e-mail address")
        }
        let phone = r.string(node["phone"], "buyer.phone", required: false, maxLength: 50)
        let tradeName = r.string(node["trade_name"], "buyer.trade_name", required: false, maxLength: 450)
        guard let identification, let name, let address else { return nil }
        return Party(
            personType: personType, name: name, tradeName: tradeName, identification: identification,
            taxLevelCodes: responsibilities, taxScheme: scheme, address: address, email: email, phone: phone)
    }

    static func checkedIdentification(type: IdentificationType, number: String, dvNode: JSONNode?, _ r: inout FieldReader)
        -> Identification?
    {
        let numeric: Set<IdentificationType> = [.nit, .cedulaCiudadania, .registroCivil, .tarjetaIdentidad, .nuip]
        if numeric.contains(type) && !number.allSatisfy({ $0.isASCII && $0.isNumber }) {
            r.fail("buyer.id_number", nil, "\"\(number)\" must contain digits only (no dots, dashes or check digit)")
            return nil
        }
        guard type == .nit else { return Identification(type: type, number: number) }
        guard let computed = NIT.checkDigit(of: number) else {
            r.fail("buyer.id_number", nil, "\"\(number)\" is not a NIT (1 to 15 digits)")
            return nil
        }
        if let sent = r.string(dvNode, "buyer.dv", required: false) {
            if sent != String(computed) {
                r.fail("buyer.dv", dvNode, "check digit \(sent) does not match NIT \(number), whose DV is \(computed)")
                return nil
            }
        }
        return Identification(type: .nit, number: number, checkDigit: computed)
    }

    static func address(_ node: JSONNode?, _ path: String, _ r: inout FieldReader) -> Address? {
        guard let node = r.object(node, path, allowed: addressKeys) else { return nil }
        let line = r.string(node["line"], "\(path).line", maxLength: 300)
        let cityCode = r.string(node["city_code"], "\(path).city_code")
        if let cityCode, cityCode.count != 5 || !cityCode.allSatisfy(\.isNumber) {
            r.fail("\(path).city_code", node["city_code"], "\"\(cityCode)\" must be the 5-digit DANE municipality code, e.g. 11001 for Bogotá")
        }
        let city = r.string(node["city"], "\(path).city")
        let departmentCode = r.string(node["department_code"], "\(path).department_code", required: false)
            ?? cityCode.map { String($0.prefix(2)) }
        if let departmentCode, let cityCode, !cityCode.hasPrefix(departmentCode) {
            r.fail("\(path).department_code", node["department_code"], "\"\(departmentCode)\" does not match city_code \(cityCode) (its first two digits)")
        }
        let department = r.string(node["department"], "\(path).department")
        let postal = r.string(node["postal_code"], "\(path).postal_code", required: false)
        let country = r.string(node["country"], "\(path).country", required: false) ?? "CO"
        if country != "CO" {
            r.fail("\(path).country", node["country"], "only Colombian addresses (CO) are supported for now")
        }
        guard let line, let cityCode, let city, let departmentCode, let department else { return nil }
        return Address(
            line: line, cityCode: cityCode, cityName: city, departmentCode: departmentCode, departmentName: department,
            postalCode: postal)
    }

    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
