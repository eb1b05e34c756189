import DocumentModel

/// Spanish names for the DIAN codes a document carries, as printed on the graphic representation.
enum DIANLabels {
    /// MediosPago (tabla 13.3.4.2, the usual ones).
    static func paymentMeans(_ code: String) -> String {
        switch code {
        case "1": "Instrumento no definido"
        case "10": "Efectivo"
        case "20": "Cheque"
        case "42": "Consignación bancaria"
        case "47": "Transferencia débito bancaria"
        case "48": "Tarjeta crédito"
        case "49": "Tarjeta débito"
        case "ZZZ": "Otro"
        default: "Medio de pago \(code)"
        }
    }

    /// Responsabilidades fiscales (tabla 13.2.6.1).
    static func responsibility(_ code: String) -> String {
        switch code {
        case "O-13": "O-13 Gran contribuyente"
        case "O-15": "O-15 Autorretenedor"
        case "O-23": "O-23 Agente de retención IVA"
        case "O-47": "O-47 Régimen simple de tributación"
        case "R-99-PN": "R-99-PN No aplica – Otros"
        default: code
        }
    }

    /// Units of measure (UN/ECE rec. 20) most used on Colombian invoices.
    static func unit(_ code: String) -> String {
        switch code {
        case "94", "EA", "NIU", "C62": "Unidad"
        case "KGM": "kg"
        case "GRM": "g"
        case "LTR": "L"
        case "MTR": "m"
        case "MTK": "m²"
        case "HUR": "Hora"
        case "DAY": "Día"
        case "MON": "Mes"
        case "BX": "Caja"
        case "PK": "Paquete"
        case "SET": "Juego"
        default: code
        }
    }

    /// Document types (code list TipoDocumento) a response may refer to; empty for no code.
    static func documentType(_ code: String) -> String {
        switch code {
        case "": ""
        case "01": "Factura electrónica de venta"
        case "02": "Factura de exportación"
        case "03": "Factura de contingencia"
        case "91": "Nota crédito"
        case "92": "Nota débito"
        default: "Documento tipo \(code)"
        }
    }

    /// `cbc:ProfileExecutionID` (code list TipoAmbiente).
    static func environment(_ environment: DIANEnvironment?) -> String {
        switch environment {
        case .production: "Producción"
        case .testing: "Pruebas"
        case nil: ""
        }
    }

    /// Concepts of correction for credit notes (tabla 13.2.4, notas crédito).
    static func creditNoteConcept(_ code: String) -> String? {
        switch code {
        case "1": "Devolución parcial de los bienes y/o no aceptación parcial del servicio"
        case "2": "Anulación de factura electrónica"
        case "3": "Rebaja o descuento parcial o total"
        case "4": "Ajuste de precio"
        case "5": "Otros"
        default: nil
        }
    }

    /// Concepts of correction for debit notes (tabla 13.2.4, notas débito).
    static func debitNoteConcept(_ code: String) -> String? {
        switch code {
        case "1": "Intereses"
        case "2": "Gastos por cobrar"
        case "3": "Cambio del valor"
        case "4": "Otros"
        default: nil
        }
    }
}
