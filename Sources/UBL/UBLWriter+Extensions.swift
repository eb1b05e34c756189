import DocumentModel
import XMLTree

extension UBLWriter {
    /// `ext:UBLExtensions`: DIAN's extension first, then the slot for the XAdES signature.
    ///
    /// UBL's XSD requires exactly one element in every `ext:ExtensionContent`, so until the document is
    /// signed the slot holds `<folio:SignaturePending/>` (namespace ``UBLNamespace/signaturePending``; no
    /// schema declares it, so UBL's lax wildcard accepts it). The signing stage replaces that element with
    /// `ds:Signature`. The unsigned document therefore validates against the UBL 2.1 XSD as it stands.
    static func writeExtensions(_ document: ElectronicDocument, into root: XMLElement) {
        let extensions = root.addChild("UBLExtensions", namespace: UBLNamespace.ext)
        let content = extensions.addChild("UBLExtension", namespace: UBLNamespace.ext)
            .addChild("ExtensionContent", namespace: UBLNamespace.ext)
        writeDianExtensions(document, into: content)
        extensions.addChild("UBLExtension", namespace: UBLNamespace.ext)
            .addChild("ExtensionContent", namespace: UBLNamespace.ext)
            .addChild("SignaturePending", namespace: UBLNamespace.signaturePending)
    }

    /// `sts:DianExtensions`, in the sequence of `DIAN_UBL_Structures.xsd`.
    private static func writeDianExtensions(_ document: ElectronicDocument, into content: XMLElement) {
        let dian = content.sts("DianExtensions")
        if document.kind == .invoice, let control = document.control {
            let element = dian.sts("InvoiceControl")
            element.sts("InvoiceAuthorization", control.authorization)
            let period = element.sts("AuthorizationPeriod")
            period.cbc("StartDate", control.startDate.iso)
            period.cbc("EndDate", control.endDate.iso)
            let range = element.sts("AuthorizedInvoices")
            if !control.prefix.isEmpty { range.sts("Prefix", control.prefix) }
            range.sts("From", String(control.from))
            range.sts("To", String(control.to))
        }
        dian.sts("InvoiceSource").cbc(
            "IdentificationCode", "CO",
            [
                "listAgencyID": "6", "listAgencyName": "United Nations Economic Commission for Europe",
                "listSchemeURI": "urn:oasis:names:specification:ubl:codelist:gc:CountryIdentificationCode-2.1",
            ])
        // `check` guarantees software and QR text.
        let software = document.software!
        let provider = dian.sts("SoftwareProvider")
        provider.sts(
            "ProviderID", software.providerNIT,
            [
                "schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name,
                "schemeID": String(software.providerCheckDigit), "schemeName": IdentificationType.nit.rawValue,
            ])
        provider.sts("SoftwareID", software.softwareID, ["schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name])
        dian.sts(
            "SoftwareSecurityCode", software.securityCode,
            ["schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name])
        dian.sts("AuthorizationProvider").sts(
            "AuthorizationProviderID", DIANAgency.nit,
            [
                "schemeAgencyID": DIANAgency.id, "schemeAgencyName": DIANAgency.name,
                "schemeID": DIANAgency.checkDigit, "schemeName": IdentificationType.nit.rawValue,
            ])
        dian.sts("QRCode", document.qrText!)
    }
}
