import Foundation

extension FolioConfiguration {
    /// The keys each object of the file may have; a misspelt key (`defualt_printer`) is an error rather than
    /// a setting silently ignored.
    static let knownKeys: [String: Set<String>] = [
        "": ["server", "cups_server", "dian", "printing", "render", "companies"],
        "render": ["workers", "timeout_seconds"],
        "dian": ["endpoint", "timeout_seconds", "contingency_after_minutes", "test_set_id"],
        "printing": ["stuck_after_seconds", "move_stuck_jobs", "rules"],
        "printing.rules[]": ["company", "branch", "warehouse", "type", "printers", "copies", "media", "duplex", "layout"],
        "server": ["address", "port", "data_directory"],
        "companies[]": ["id", "environment", "issuer", "resolution", "software", "signing", "branding", "printing", "layouts"],
        "companies[].layouts": ["invoice", "credit-note", "debit-note"],
        "companies[].signing": ["pkcs12", "password", "password_env", "private_key_pem", "certificate_chain_pem"],
        "companies[].issuer": ["name", "trade_name", "nit", "person_type", "tax_responsibilities", "tax_scheme", "address", "email", "phone"],
        "companies[].issuer.address": ["line", "city_code", "city", "department_code", "department", "postal_code"],
        "companies[].resolution": ["number", "prefix", "from", "to", "valid_from", "valid_to", "technical_key"],
        "companies[].software": ["id", "pin", "provider_nit"],
        "companies[].branding": ["logo", "primary_color", "accent_color", "legal_texts"],
        "companies[].printing": ["default_printer", "copies"],
    ]

    /// Every key of `json` that the configuration does not know, with its path (`companies[1].printing.defualt_printer`).
    static func unknownKeys(in json: Any, shape: String = "", path: String = "") -> [String] {
        guard let object = json as? [String: Any] else { return [] }
        var problems: [String] = []
        let known = knownKeys[shape] ?? []
        for key in object.keys.sorted() {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            let childShape = shape.isEmpty ? key : "\(shape).\(key)"
            guard known.contains(key) else {
                problems.append("\(keyPath): is not a configuration key (known here: \(known.sorted().joined(separator: ", ")))")
                continue
            }
            if let array = object[key] as? [Any], knownKeys[childShape + "[]"] != nil {
                for (index, element) in array.enumerated() {
                    problems += unknownKeys(in: element, shape: childShape + "[]", path: "\(keyPath)[\(index + 1)]")
                }
            } else if knownKeys[childShape] != nil {
                problems += unknownKeys(in: object[key] as Any, shape: childShape, path: keyPath)
            }
        }
        return problems
    }
}
