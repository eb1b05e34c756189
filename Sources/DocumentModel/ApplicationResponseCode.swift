/// The codes of a DIAN `ApplicationResponse` (`cac:DocumentResponse/cac:Response/cbc:ResponseCode`) and
/// their Spanish names.
///
/// Two families share the element:
/// - DIAN's own verdict on a document it received: `02` Documento validado por la DIAN, `04` Documento
///   rechazado por la DIAN;
/// - RADIAN events on a factura electrónica de venta (Anexo técnico 1.9, Res. 000085 de 2022):
///   `030` Acuse de recibo de la factura electrónica de venta, `031` Reclamo de la factura electrónica de
///   venta, `032` Recibo del bien y/o prestación del servicio, `033` Aceptación expresa, `034` Aceptación
///   tácita.
///
/// Later RADIAN events (035 onwards: aval, endosos, mandatos, pagos…) have no name here; a document carrying
/// one shows its own `cbc:Description`. DIAN's 2019 code lists (`EventoDocumento-2.1.gc`) predate these names.
public enum ApplicationResponseCode {
    /// The Spanish name of `code`, or `nil` for a code not in the table.
    public static func name(for code: String) -> String? { names[code] }

    /// `true` for `02` and `04`, DIAN's verdict on a document; `false` for RADIAN events.
    public static func isDIANVerdict(_ code: String) -> Bool { code == "02" || code == "04" }

    private static let names: [String: String] = [
        "02": "Documento validado por la DIAN",
        "04": "Documento rechazado por la DIAN",
        "030": "Acuse de recibo de la factura electrónica de venta",
        "031": "Reclamo de la factura electrónica de venta",
        "032": "Recibo del bien y/o prestación del servicio",
        "033": "Aceptación expresa",
        "034": "Aceptación tácita",
    ]
}
