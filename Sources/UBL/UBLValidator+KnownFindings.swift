import Foundation
import XMLTree

extension UBLValidator {
    /// Downgrades "ExtensionContent: Missing child element(s)" on an empty `ext:UBLExtension` after the
    /// first (the slot the XAdES signature goes into) to a warning: the document is simply not signed yet.
    static func markPendingSignature(_ diagnostics: [XMLDiagnostic], root: XMLElement) -> [XMLDiagnostic] {
        let slots = root.firstChild(named: "UBLExtensions", namespace: UBLNamespace.ext)?
            .children(named: "UBLExtension", namespace: UBLNamespace.ext).dropFirst()
            .compactMap { $0.firstChild(named: "ExtensionContent", namespace: UBLNamespace.ext) }
            .filter { $0.children.isEmpty } ?? []
        let lines = Set(slots.map(\.line))
        return diagnostics.map { diagnostic in
            guard lines.contains(diagnostic.line), diagnostic.message.contains("ExtensionContent': Missing child element(s)")
            else { return diagnostic }
            var warning = diagnostic
            warning.severity = .warning
            warning.message = "signature pending: the ext:ExtensionContent reserved for the XAdES signature is empty "
                + "until the document is signed (\(diagnostic.message))"
            return warning
        }
    }

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
