import Foundation
import XMLTree

extension UBLValidator {
    /// Downgrades the enumeration finding on `@schemeID` of `sts:ProviderID` / `sts:AuthorizationProviderID`
    /// when the value is a NIT check digit: Anexo 1.9 (FAB31/FAB34) puts the DV there, while the 2019
    /// `DIAN_UBL_Structures.xsd` enumerates identification types.
    static func markCheckDigitConflict(_ diagnostic: XMLDiagnostic) -> XMLDiagnostic {
        let message = diagnostic.message
        let isProviderID = message.contains("}ProviderID'") || message.contains("}AuthorizationProviderID'")
        guard isProviderID, message.contains("attribute 'schemeID': [facet 'enumeration']"),
            let valueStart = message.range(of: "The value '")?.upperBound,
            let valueEnd = message[valueStart...].firstIndex(of: "'"),
            message[valueStart..<valueEnd].count == 1, message[valueStart].isNumber
        else { return diagnostic }
        var warning = diagnostic
        warning.severity = .warning
        warning.message = "known schema conflict: Anexo 1.9 puts the NIT check digit in @schemeID, "
            + "DIAN_UBL_Structures.xsd (2019) lists identification types there (\(message))"
        return warning
    }
}
