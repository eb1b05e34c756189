import DIANRules
import DocumentModel

extension Check {
    /// The CUFE/CUDE (FAD06) and the SoftwareSecurityCode (FAB19b), recomputed when the context holds the key.
    mutating func codes(_ context: ValidationContext) {
        let key = document.kind == .invoice ? context.resolution?.technicalKey : context.softwarePIN
        if let key {
            let expected = UniqueCode.compute(UniqueCode.fields(of: document, key: key))
            if document.uniqueCode != expected {
                let name = document.kind.uniqueCodeName
                let what = document.kind == .invoice ? "the resolution's technical key" : "the software PIN"
                let detail = document.uniqueCode.map {
                    "\($0.prefix(12))… is not the SHA-384 of the document's 15 \(name) fields with \(what)"
                } ?? "the document has no \(name)"
                report("FAD06", detail, at: "uniqueCode")
            }
        }
        if let pin = context.softwarePIN, let software = document.software {
            let expected = UniqueCode.softwareSecurityCode(softwareID: software.softwareID, pin: pin, number: document.number)
            if software.securityCode != expected {
                report(
                    "FAB19b", "\(software.securityCode.prefix(12))… is not SHA-384(SoftwareID + PIN + \(document.number))",
                    at: "software.securityCode")
            }
        }
    }
}
