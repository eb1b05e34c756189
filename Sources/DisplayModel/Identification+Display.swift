import DocumentModel

extension Identification {
    /// The number as printed: NITs and cédulas grouped, with the check digit when known (`900.108.281-3`);
    /// other documents as issued.
    var displayNumber: String {
        type == .nit || type == .cedulaCiudadania ? ColombianFormat.nit(number, checkDigit: checkDigit) : number
    }

    /// Label and number: `NIT 900.108.281-3`, `C.C. 1.020.304.050`.
    var displayText: String { type.label + " " + displayNumber }
}
