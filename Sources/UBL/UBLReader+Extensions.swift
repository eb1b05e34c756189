import DocumentModel
import XMLTree

extension UBLReader {
    /// What `sts:DianExtensions` carries; everything is `nil` when the document has none.
    struct DianExtensionValues {
        var control: InvoiceControl?
        var software: SoftwareProvider?
        var qrText: String?
    }

    /// Reads `sts:DianExtensions` in the 2.1 namespace or the legacy one.
    static func readDianExtensions(_ root: UBLNode) throws -> DianExtensionValues {
        guard let element = UBLValidator.dianExtensions(of: root.element), let namespace = element.namespaceURI else {
            return DianExtensionValues()
        }
        let dian = UBLNode(
            element, path: "\(root.path)/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/sts:DianExtensions",
            sourceName: root.sourceName)
        var values = DianExtensionValues(qrText: dian.child("QRCode", namespace)?.text)
        if let control = dian.child("InvoiceControl", namespace) {
            let period = try control.required("AuthorizationPeriod", namespace)
            let range = try control.required("AuthorizedInvoices", namespace)
            values.control = InvoiceControl(
                authorization: try control.required("InvoiceAuthorization", namespace).trimmed,
                startDate: try period.required("StartDate").date(), endDate: try period.required("EndDate").date(),
                prefix: range.value("Prefix", namespace) ?? "", from: try range.required("From", namespace).integer(),
                to: try range.required("To", namespace).integer())
        }
        if let provider = dian.child("SoftwareProvider", namespace) {
            let providerID = try provider.required("ProviderID", namespace)
            values.software = SoftwareProvider(
                providerNIT: providerID.trimmed, providerCheckDigit: checkDigit(of: providerID),
                softwareID: provider.value("SoftwareID", namespace) ?? "",
                securityCode: dian.value("SoftwareSecurityCode", namespace) ?? "")
        }
        return values
    }

    /// `@schemeID` when it is a check digit; otherwise (DIAN's 2019 sample writes the type code `31`
    /// there) the DV computed from the NIT, or 0 when the NIT is not numeric.
    private static func checkDigit(of providerID: UBLNode) -> Int {
        if let scheme = providerID.attribute("schemeID"), scheme.count == 1, let digit = Int(scheme) { return digit }
        return NIT.checkDigit(of: providerID.trimmed) ?? 0
    }
}
