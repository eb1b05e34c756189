public import DocumentModel
import Hashing

/// DIAN's unique document codes (Anexo Técnico 1.9 §11): lowercase hex SHA-384 of a concatenation.
public enum UniqueCode {
    /// The fifteen CUFE/CUDE fields, in DIAN's order.
    public struct Fields: Sendable, Hashable {
        public var number: String
        public var issueDate: String
        public var issueTime: String
        public var lineExtension: String
        public var iva: String
        public var inc: String
        public var ica: String
        public var payable: String
        public var supplierID: String
        public var customerID: String
        /// ClTec (invoices) or the software PIN (notes, contingency types 03/04).
        public var key: String
        public var environment: String

        public init(
            number: String, issueDate: String, issueTime: String, lineExtension: String, iva: String, inc: String,
            ica: String, payable: String, supplierID: String, customerID: String, key: String, environment: String
        ) {
            self.number = number
            self.issueDate = issueDate
            self.issueTime = issueTime
            self.lineExtension = lineExtension
            self.iva = iva
            self.inc = inc
            self.ica = ica
            self.payable = payable
            self.supplierID = supplierID
            self.customerID = customerID
            self.key = key
            self.environment = environment
        }

        /// NumFac + FecFac + HorFac + ValFac + 01 + ValImp1 + 04 + ValImp2 + 03 + ValImp3 + ValTot + NitOFE + NumAdq + key + TipoAmbiente.
        public var concatenation: String {
            number + issueDate + issueTime + lineExtension + "01" + iva + "04" + inc + "03" + ica + payable
                + supplierID + customerID + key + environment
        }
    }

    /// The fields of `document` as written in its XML: amounts with two decimals, identifications without DV.
    public static func fields(of document: ElectronicDocument, key: String) -> Fields {
        Fields(
            number: document.number, issueDate: document.issueDate.iso, issueTime: document.issueTime.text,
            lineExtension: document.totals.lineExtensionAmount.fixed2,
            iva: document.taxAmount(scheme: TaxScheme.iva.id).fixed2,
            inc: document.taxAmount(scheme: TaxScheme.inc.id).fixed2,
            ica: document.taxAmount(scheme: TaxScheme.ica.id).fixed2,
            payable: document.totals.payableAmount.fixed2,
            supplierID: document.supplier.identification.number, customerID: document.customer.identification.number,
            key: key, environment: document.environment.rawValue)
    }

    /// CUFE of an invoice (key = the range's technical key) or CUDE of a note (key = the software PIN).
    public static func compute(_ fields: Fields) -> String { SHA384.hex(fields.concatenation) }

    /// `SHA384(SoftwareID + PIN + document number)`, written in `sts:SoftwareSecurityCode`.
    public static func softwareSecurityCode(softwareID: String, pin: String, number: String) -> String {
        SHA384.hex(softwareID + pin + number)
    }

    /// The CUDE of a RADIAN event (ApplicationResponse): no environment field.
    public static func eventCUDE(
        id: String, issueDate: String, issueTime: String, senderNIT: String, receiverNIT: String, responseCode: String,
        referenceID: String, referenceTypeCode: String, pin: String
    ) -> String {
        SHA384.hex(
            id + issueDate + issueTime + senderNIT + receiverNIT + responseCode + referenceID + referenceTypeCode + pin)
    }
}
