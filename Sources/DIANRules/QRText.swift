public import DocumentModel

/// The text of the DIAN QR code (`sts:QRCode`, Anexo 1.9 §11.7), one `Label: value` per line.
public enum QRText {
    /// The public lookup address for a CUFE/CUDE in each environment.
    public static func lookupURL(uniqueCode: String, environment: DIANEnvironment) -> String {
        let host = environment == .production ? "catalogo-vpfe.dian.gov.co" : "catalogo-vpfe-hab.dian.gov.co"
        return "https://\(host)/document/searchqr?documentkey=\(uniqueCode)"
    }

    /// NumFac, FecFac, HorFac, NitFac, DocAdq, ValFac, ValIva, ValOtroIm (every tax but IVA), ValTolFac,
    /// CUFE (or CUDE for notes), then the bare lookup URL — the layout of DIAN-validated production documents.
    public static func make(for document: ElectronicDocument, uniqueCode: String) -> String {
        let iva = document.taxAmount(scheme: TaxScheme.iva.id)
        let allTaxes = document.taxTotals.reduce(Amount.zero) { $0 + $1.taxAmount }
        let lines = [
            "NumFac: \(document.number)",
            "FecFac: \(document.issueDate.iso)",
            "HorFac: \(document.issueTime.text)",
            "NitFac: \(document.supplier.identification.number)",
            "DocAdq: \(document.customer.identification.number)",
            "ValFac: \(document.totals.lineExtensionAmount.fixed2)",
            "ValIva: \(iva.fixed2)",
            "ValOtroIm: \((allTaxes - iva).fixed2)",
            "ValTolFac: \(document.totals.payableAmount.fixed2)",
            "\(document.kind.uniqueCodeName): \(uniqueCode)",
            lookupURL(uniqueCode: uniqueCode, environment: document.environment),
        ]
        return lines.joined(separator: "\n")
    }
}
