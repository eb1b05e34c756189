import DocumentModel

/// The text of every rule. Sources: DIAN.md (shared docs, with its confidence marks), DIAN's response-code
/// annex as copied on vsip.info ("Codigos respuesta DIAN FE"), DIAN answers quoted on support sites
/// (gosocket, facturasyrespuestas.com, megapractical, misfacturas). [U] marks a code not read in any of them.
extension RuleFamily {
    private static let tolerance = "within DIAN's tolerance of ±2.00 (Anexo §5.2.1.1 as cited in DIAN.md §3.3 [M]; not verified that DIAN applies it to this rule)"

    static let header: [RuleFamily] = [
        RuleFamily(
            code: "FAD09e", severity: .rejection, message: "The issue date must be the date the document is signed.",
            fix: "Issue and sign on the same Bogotá calendar day; never back-date a document, re-issue it with today's date.",
            field: "cbc:IssueDate", source: "[M] DIAN.md §3.5 (Anexo 1.9 rule; FAD09e/CAD09e/DAD09e)", noteCodesSeen: true),
        RuleFamily(
            code: "FAD10", severity: .rejection, message: "The issue time must carry Colombia's UTC offset: HH:MM:SS-05:00.",
            fix: "Write cbc:IssueTime in Bogotá time with the -05:00 offset (Colombia has no daylight saving).",
            field: "cbc:IssueTime", source: "[S] DIAN.md §3.5"),
        RuleFamily(
            code: "FAD06", severity: .rejection,
            message: "The CUFE (invoices) or CUDE (notes) must be the SHA-384 of the document's 15 fields with the resolution's technical key (CUFE) or the software PIN (CUDE).",
            fix: "Let Folio compute the code from the values written in the XML; check the configured technical key and PIN (GetNumberingRange).",
            field: "cbc:UUID",
            source: "[M] DIAN answers quoted in several public clients ('Regla: FAD06, Rechazo: Valor del CUFE no está calculado correctamente'); formula [V] DIAN.md §1. Checked when the key is known"),
        RuleFamily(
            code: "FAB19b", severity: .rejection,
            message: "The SoftwareSecurityCode must be SHA-384 of SoftwareID + software PIN + document number.",
            fix: "Check the configured software id and PIN (they are the ones registered with DIAN for this issuer).",
            field: "sts:DianExtensions/sts:SoftwareSecurityCode",
            source: "[U] code (DIAN.md §10 names FAB19b for it, unverified); formula [V] DIAN.md §1. Checked when the PIN is known"),
    ]

    static let numbering: [RuleFamily] = [
        RuleFamily(
            code: "FAB05a", severity: .rejection, message: "The invoice must state the resolution that authorizes its numbering.",
            fix: "Write sts:InvoiceControl with the resolution number, period and range (configure the company's resolution).",
            field: "sts:InvoiceControl/sts:InvoiceAuthorization", source: "[S] DIAN response-code annex (vsip.info copy)", kinds: [.invoice]),
        RuleFamily(
            code: "FAB05b", severity: .rejection, message: "The resolution number must be the one DIAN authorized for this issuer.",
            fix: "Use the resolution number DIAN returned for this prefix (GetNumberingRange / the DIAN portal).",
            field: "sts:InvoiceControl/sts:InvoiceAuthorization", source: "[S] DIAN response-code annex (vsip.info copy)", kinds: [.invoice]),
        RuleFamily(
            code: "FAB07a", severity: .rejection, message: "The issue date must not be before the start of the resolution's validity period.",
            fix: "Issue under a resolution already in force, or wait for its start date.",
            field: "cbc:IssueDate", source: "[S] DIAN response-code annex (vsip.info copy)", kinds: [.invoice]),
        RuleFamily(
            code: "FAB08a", severity: .rejection, message: "The issue date must not be after the end of the resolution's validity period.",
            fix: "Ask DIAN for a new numbering resolution and configure it; an expired one cannot number invoices.",
            field: "cbc:IssueDate", source: "[U] by analogy with FAB07a", kinds: [.invoice]),
        RuleFamily(
            code: "FAB07b", severity: .rejection, message: "The authorization period's start date must be the resolution's start date.",
            fix: "Copy the resolution's start date exactly into sts:AuthorizationPeriod/cbc:StartDate.",
            field: "sts:AuthorizationPeriod/cbc:StartDate", source: "[U] DIAN response-code annex names FAB07b for the range start date; text not read", kinds: [.invoice]),
        RuleFamily(
            code: "FAB08b", severity: .rejection, message: "The authorization period's end date must be the resolution's end date.",
            fix: "Copy the resolution's end date exactly into sts:AuthorizationPeriod/cbc:EndDate.",
            field: "sts:AuthorizationPeriod/cbc:EndDate", source: "[U]", kinds: [.invoice]),
        RuleFamily(
            code: "FAB10b", severity: .rejection, message: "The prefix of the authorized range must be the resolution's prefix.",
            fix: "Write the resolution's prefix in sts:AuthorizedInvoices/sts:Prefix and in the document number.",
            field: "sts:AuthorizedInvoices/sts:Prefix", source: "[U] (FAB10a, prefix vs branch code, is [V] in DIAN.md §3.5)", kinds: [.invoice]),
        RuleFamily(
            code: "FAB11b", severity: .rejection, message: "The first number of the authorized range must be the resolution's.",
            fix: "Copy the resolution's 'desde' into sts:AuthorizedInvoices/sts:From.",
            field: "sts:AuthorizedInvoices/sts:From", source: "[U]", kinds: [.invoice]),
        RuleFamily(
            code: "FAB12b", severity: .rejection, message: "The last number of the authorized range must be the resolution's.",
            fix: "Copy the resolution's 'hasta' into sts:AuthorizedInvoices/sts:To.",
            field: "sts:AuthorizedInvoices/sts:To", source: "[U]", kinds: [.invoice]),
        RuleFamily(
            code: "FAD05c", severity: .rejection, message: "The invoice number must be the resolution's prefix followed by a number inside its authorized range.",
            fix: "Number the invoice from the configured resolution; when its range is used up, configure the next resolution.",
            field: "cbc:ID", source: "[U] (DIAN.md §8: cbc:ID must be within From..To [S])", kinds: [.invoice]),
    ]

    static let parties: [RuleFamily] = [
        RuleFamily(
            code: "FAJ21", severity: .rejection, message: "The issuer must be identified by its NIT (schemeName 31).",
            fix: "Configure the company with its NIT (document type 31).",
            field: "AccountingSupplierParty/…/cbc:CompanyID/@schemeName", source: "[U]"),
        RuleFamily(
            code: "FAJ24", severity: .rejection, message: "The issuer's NIT check digit (schemeID) must be DIAN's DV for that NIT.",
            fix: "Write the DV DIAN computes for the NIT (weights 3, 7, 13 … mod 11, DIAN.md §3.4) in @schemeID; the DV never goes inside the number.",
            field: "AccountingSupplierParty/…/cbc:CompanyID/@schemeID", source: "[S] by analogy with FAK24 [M]; DV algorithm [V] DIAN.md §3.4"),
        RuleFamily(
            code: "FAK21", severity: .rejection,
            message: "The buyer's identification type must be in DIAN's list (TipoIdFiscal, plus 47 PEP and 48 PPT of Anexo 1.9); a legal person (AdditionalAccountID 1) is identified by NIT (31) or foreign NIT (50).",
            fix: "Send the buyer's DIAN document type (13 CC, 31 NIT, 22 CE, 41 pasaporte …); companies are identified by NIT.",
            field: "AccountingCustomerParty/…/cbc:CompanyID/@schemeName", source: "[U] code; list [V] CodeLists/TipoIdFiscal-2.1.gc + DIAN.md §3.3"),
        RuleFamily(
            code: "FAK24", severity: .rejection, message: "The buyer's NIT check digit (schemeID) must be DIAN's DV for that NIT.",
            fix: "Send the buyer's NIT without DV and its DV separately; Folio checks it with DIAN's algorithm (DIAN.md §3.4).",
            field: "AccountingCustomerParty/…/cbc:CompanyID/@schemeID",
            source: "[M] DIAN answers quoted in public clients ('Regla: FAK24, Rechazo: DV no corresponde al NIT informado', '… No está informado el DV del NIT'); DV algorithm [V] DIAN.md §3.4"),
        RuleFamily(
            code: "FAK61", severity: .rejection,
            message: "A natural-person buyer (AdditionalAccountID 2) must carry an identification number (cac:PartyIdentification/cbc:ID); a cédula is digits only.",
            fix: "Send the buyer's document number; for an anonymous sale use the consumidor final (CC 222222222222).",
            field: "AccountingCustomerParty/Party/cac:PartyIdentification/cbc:ID",
            source: "[S] DIAN.md §3.3/§3.5 (FAK61/62); one public client's test associates FAK61 with the buyer's e-mail instead — unverified"),
        RuleFamily(
            code: "FAK62", severity: .rejection, message: "A natural-person buyer must carry a name.",
            fix: "Send the buyer's full name (or 'Consumidor Final' for the consumidor final).",
            field: "AccountingCustomerParty/Party/…/cbc:RegistrationName", source: "[U] DIAN.md §3.5 pairs FAK61/FAK62 with natural-person buyers; this meaning of FAK62 is not verified"),
        RuleFamily(
            code: "FAJ26", severity: .rejection,
            message: "The issuer's fiscal responsibilities (cbc:TaxLevelCode) must be codes of DIAN's list: O-13, O-15, O-23, O-47 or R-99-PN.",
            fix: "Configure the company's responsibilities as in its RUT, with the codes of Anexo 1.9 (older codes such as O-99 are gone).",
            field: "AccountingSupplierParty/…/cbc:TaxLevelCode",
            source: "[S] DIAN answer quoted in a public client's tests ('Regla: FAJ26, Rechazo: Responsabilidad informada por emisor no valida según lista'); list [V] CodeLists/TipoResponsabilidad-2.1.gc + R-99-PN (DIAN.md §3.3)"),
        RuleFamily(
            code: "FAK26", severity: .rejection,
            message: "The buyer's fiscal responsibilities (cbc:TaxLevelCode) must be codes of DIAN's list: O-13, O-15, O-23, O-47 or R-99-PN.",
            fix: "Send the buyer's responsibilities as in its RUT; R-99-PN when none applies (consumidor final).",
            field: "AccountingCustomerParty/…/cbc:TaxLevelCode", source: "[U] by analogy with FAJ26"),
        RuleFamily(
            code: "FAK55", severity: .notification, message: "The buyer's e-mail (cac:Contact/cbc:ElectronicMail) should be given: the document is delivered to it.",
            fix: "Send the buyer's reception e-mail (the one declared to DIAN), also for natural persons when known.",
            field: "AccountingCustomerParty/Party/cac:Contact/cbc:ElectronicMail",
            source: "[M] real DIAN answers relayed by Factus ('Regla: CAK55, Notificación: Correo electrónico no informado', 2024, several documents); the invoice code is derived", noteCodesSeen: true),
    ] + address(party: "J", who: "issuer", element: "AccountingSupplierParty") + address(party: "K", who: "buyer", element: "AccountingCustomerParty")

    private static func address(party letter: String, who: String, element: String) -> [RuleFamily] {
        [
            RuleFamily(
                code: "FA\(letter)07", severity: .rejection, message: "The \(who)'s municipality code must be a DANE code of DIAN's Municipio list.",
                fix: "Send the 5-digit DANE municipality code (11001 Bogotá, 05001 Medellín, …).",
                field: "\(element)/…/cac:Address/cbc:ID", source: "[U] code; list [V] CodeLists/Municipio-2.1.gc"),
            RuleFamily(
                code: "FA\(letter)10", severity: .notification, message: "The \(who)'s city name should be the name DIAN's Municipio list gives its code.",
                fix: "Send the municipality's name as DIAN lists it (case and spacing are ignored, accents are not).",
                field: "\(element)/…/cac:Address/cbc:CityName",
                source: letter == "J" ? "[S] megapractical's copy of DIAN's FAJ10 (Notificación)" : "[U] by analogy with FAJ10"),
            RuleFamily(
                code: "FA\(letter)11", severity: .rejection,
                message: "The \(who)'s department code must be in DIAN's Departamentos list and be the first two digits of its municipality code.",
                fix: "Send the 2-digit DANE department code of the municipality (11 Bogotá, 05 Antioquia, …).",
                field: "\(element)/…/cac:Address/cbc:CountrySubentityCode", source: "[U] code; list [V] CodeLists/Departamentos-2.1.gc"),
        ]
    }

    static let payment: [RuleFamily] = [
        RuleFamily(
            code: "FAN02", severity: .rejection, message: "The payment method (cac:PaymentMeans/cbc:ID) must be 1 contado or 2 crédito (FormasPago).",
            fix: "Send payment method cash (1) or credit (2).",
            field: "cac:PaymentMeans/cbc:ID", source: "[U] code; list [V] CodeLists/FormasPago-2.1.gc"),
        RuleFamily(
            code: "FAN03", severity: .rejection, message: "The payment means code must be in DIAN's MediosPago list.",
            fix: "Send a MediosPago code: 10 efectivo, 42 consignación, 47 transferencia, 48 tarjeta crédito, ZZZ otro …",
            field: "cac:PaymentMeans/cbc:PaymentMeansCode", source: "[U] (DIAN.md lists FAN03 as an Anexo 1.9 rule without its text); list [V] CodeLists/MediosPago-2.1.gc"),
        RuleFamily(
            code: "FAN04", severity: .rejection, message: "A credit sale (payment method 2) must state a due date, not before the issue date.",
            fix: "Send payment.due_date for credit sales (on or after the issue date), or make the sale cash (1).",
            field: "cac:PaymentMeans/cbc:PaymentDueDate", source: "[U]"),
    ]

    static let taxes: [RuleFamily] = [
        RuleFamily(
            code: "FAS01b", severity: .rejection,
            message: "Each tax appears in one document-level cac:TaxTotal with one cac:TaxSubtotal per rate; every tax and rate on the lines (0 % included) has its document-level subtotal, and an IVA or INC TaxTotal needs a line with that tax.",
            fix: "Group the taxes: one TaxTotal per tax scheme (01 IVA, 04 INC …), one subtotal per rate (also 0 % for exempt lines) with the summed base and tax; remove a document-level tax no line carries.",
            field: "cac:TaxTotal/cac:TaxSubtotal",
            source: "[M] DIAN answers quoted: 'Existe mas de un grupo con informacion de totales para un mismo tributo' (FAS01b, a Java client's constants), CAS01b 'Debe existir un TaxTotal a nivel de cabecera por cada tipo de impuesto que se informa a nivel de línea' (facturasyrespuestas.com); 'one subtotal per rate' is Folio's reading",
            noteCodesSeen: true),
        RuleFamily(
            code: "FAS02", severity: .rejection, message: "A TaxTotal's amount must be the sum of its subtotals' amounts, \(tolerance).",
            fix: "Write TaxTotal/cbc:TaxAmount as the sum of its TaxSubtotal/cbc:TaxAmount.",
            field: "cac:TaxTotal/cbc:TaxAmount", source: "[U]"),
        RuleFamily(
            code: "FAS07", severity: .rejection, message: "A subtotal's tax must be its taxable base × rate ÷ 100, \(tolerance).",
            fix: "Compute the tax from the base and the rate (round to 2 decimals per rate), not from a total.",
            field: "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", source: "[M] DIAN answers quoted (CAS07 'El valor del tributo informado no corresponde al producto del porcentaje aplicado sobre la base imponible')", noteCodesSeen: true),
        RuleFamily(
            code: "FAX03", severity: .rejection, message: "The tax scheme code must be in DIAN's TipoImpuesto list (plus 30, 32–36 of Anexo 1.9).",
            fix: "Send DIAN tax codes: 01 IVA, 04 INC, 03 ICA, 22 bolsas, ZZ no aplica …",
            field: "cac:TaxCategory/cac:TaxScheme/cbc:ID", source: "[U] code; list [V] CodeLists/TipoImpuesto-2.1.gc + DIAN.md §3.3"),
        RuleFamily(
            code: "FAX07", severity: .rejection, message: "A line's tax must be its taxable base × rate ÷ 100, \(tolerance).",
            fix: "Compute each line's tax from its own base and rate.",
            field: "cac:InvoiceLine/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", source: "[U] by analogy with FAS07"),
        RuleFamily(
            code: "FAX14", severity: .notification, message: "The IVA or INC rate should be one of DIAN's rates for that tax (IVA 0, 5, 16, 19; INC 2, 4, 8, 16).",
            fix: "Check the rate: DIAN accepts the document but reports a rate outside its table.",
            field: "cac:TaxSubtotal/cac:TaxCategory/cbc:Percent", source: "[M] DIAN answer quoted (CAX14 'Reporta una tarifa diferente para uno de los tributos enunciados en la tabla'); rates [V] CodeLists/TarifaImpuesto*", noteCodesSeen: true),
    ]

    static let totals: [RuleFamily] = [
        RuleFamily(
            code: "FAU02", severity: .rejection, message: "The line extension total must be the sum of the lines' line extension amounts, \(tolerance).",
            fix: "Write LegalMonetaryTotal/cbc:LineExtensionAmount as Σ line amounts (let Folio compute totals from the lines).",
            field: "cac:LegalMonetaryTotal/cbc:LineExtensionAmount", source: "[M] gosocket DIAN rejection articles; a public validator's tests (FAU02, CAU02)", noteCodesSeen: true),
        RuleFamily(
            code: "FAU04", severity: .rejection, message: "The taxable total must be the sum of the taxable bases of the lines that carry a tax, \(tolerance).",
            fix: "Write TaxExclusiveAmount as Σ of the taxed lines' bases (each line once; lines without any tax add nothing).",
            field: "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount",
            source: "[M] gosocket (DSAU04, DIAN's XPath sums every line TaxSubtotal/TaxableAmount); Folio counts a line with two taxes once, as its model does — unverified for such lines", noteCodesSeen: true),
        RuleFamily(
            code: "FAU06", severity: .rejection, message: "The tax-inclusive total must be the line extension total plus the document-level taxes, \(tolerance).",
            fix: "Write TaxInclusiveAmount = LineExtensionAmount + Σ TaxTotal/TaxAmount.",
            field: "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", source: "[M] a public validator's tests; DIAN.md §3.3"),
        RuleFamily(
            code: "FAU14", severity: .rejection, message: "The payable amount must be tax-inclusive − allowances + charges − prepaid, \(tolerance).",
            fix: "Write PayableAmount = TaxInclusiveAmount − AllowanceTotalAmount + ChargeTotalAmount − PrepaidAmount.",
            field: "cac:LegalMonetaryTotal/cbc:PayableAmount", source: "[M] gosocket FAU14 article; CAU14 in DIAN answers; DIAN.md §3.3", noteCodesSeen: true),
    ]

    static let lines: [RuleFamily] = [
        RuleFamily(
            code: "FAV04", severity: .rejection, message: "A line's quantity must be greater than 0.",
            fix: "Send a positive quantity; returns are credit notes, not negative lines.",
            field: "cac:InvoiceLine/cbc:InvoicedQuantity", source: "[U]"),
        RuleFamily(
            code: "FAV05", severity: .rejection, message: "A line's unit code must be in DIAN's UnidadesMedida list (UN/ECE rec. 20 as DIAN publishes it).",
            fix: "Send a DIAN unit code: 94 unidad, KGM kilogramo, HUR hora, MTR metro, LTR litro …",
            field: "cac:InvoiceLine/cbc:InvoicedQuantity/@unitCode", source: "[U] code; list [V] CodeLists/UnidadesMedida-2.1.gc"),
        RuleFamily(
            code: "VLR01", severity: .rejection, message: "No amount or rate may be negative (only PayableRoundingAmount may).",
            fix: "Send positive prices, discounts and rates; reduce a sale with a credit note.",
            field: "every amount", source: "[S] DIAN.md §3.3/§3.5 (DIAN 1.7 slides)", sameCode: true),
    ]

    static let notes: [RuleFamily] = [
        RuleFamily(
            code: "CAD02a", severity: .rejection, message: "A credit note's CustomizationID is 20 when it references an invoice and 22 when it does not.",
            fix: "Reference the corrected invoice (number, CUFE, date) with 20, or issue a 22 note with an invoice period.",
            field: "cbc:CustomizationID", source: "[S] DIAN.md §3.5 + 1.9 summary (bryamzxz/facho docs)", kinds: [.creditNote]),
        RuleFamily(
            code: "DAD02a", severity: .rejection, message: "A debit note's CustomizationID is 30 when it references an invoice and 32 when it does not.",
            fix: "Reference the invoice with 30, or issue a 32 note with an invoice period.",
            field: "cbc:CustomizationID", source: "[U] by analogy with CAD02a", kinds: [.debitNote]),
        RuleFamily(
            code: "CBE04", severity: .rejection, message: "A credit note must state its concept, a code of DIAN's ConceptoNotaCredito list.",
            fix: "Send the concept: 1 devolución parcial, 2 anulación, 3 rebaja o descuento, 4 ajuste de precio, 5 otros (Anexo 1.9 changes 5–7 [U]).",
            field: "cac:DiscrepancyResponse/cbc:ResponseCode", source: "[U] code; list [V] CodeLists/ConceptoNotaCredito-2.1.gc (pre-1.9)", kinds: [.creditNote]),
        RuleFamily(
            code: "DBE04", severity: .rejection, message: "A debit note must state its concept, a code of DIAN's ConceptoNotaDebito list.",
            fix: "Send the concept: 1 intereses, 2 gastos por cobrar, 3 cambio del valor, 4 otros.",
            field: "cac:DiscrepancyResponse/cbc:ResponseCode", source: "[U] code; list [V] CodeLists/ConceptoNotaDebito-2.1.gc", kinds: [.debitNote]),
        RuleFamily(
            code: "CBF02", severity: .notification, message: "A credit note's referenced invoice should carry its number.",
            fix: "Send billing_reference.number (prefix + consecutive of the invoice the note corrects).",
            field: "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID",
            source: "[M] real DIAN answers relayed by Factus ('Regla: CBF02, Notificación: No se informo el numero de la factura referenciada', 2024)", kinds: [.creditNote]),
        RuleFamily(
            code: "DBF02", severity: .notification, message: "A debit note's referenced invoice should carry its number.",
            fix: "Send billing_reference.number (prefix + consecutive of the invoice the note refers to).",
            field: "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", source: "[U] by analogy with CBF02", kinds: [.debitNote]),
        RuleFamily(
            code: "CBF03a", severity: .rejection, message: "A credit note that voids an invoice (concept 2) must reference it with its CUFE (96 hex characters).",
            fix: "Send billing_reference with the voided invoice's number, CUFE and issue date.",
            field: "cac:BillingReference/cac:InvoiceDocumentReference/cbc:UUID", source: "[S] DIAN.md §3.5 (Anexo 1.9 note/reference rule); exact text not read", kinds: [.creditNote]),
        RuleFamily(
            code: "CAE02", severity: .rejection, message: "A credit note without a referenced invoice must carry an invoice period inside one calendar month.",
            fix: "Send the period the note covers (start and end in the same month), or reference the invoice.",
            field: "cac:InvoicePeriod", source: "[U] (rule stated in Folio's issue 4; code not read)", kinds: [.creditNote]),
        RuleFamily(
            code: "DAE02", severity: .rejection, message: "A debit note without a referenced invoice must carry an invoice period inside one calendar month.",
            fix: "Send the period the note covers (start and end in the same month), or reference the invoice.",
            field: "cac:InvoicePeriod", source: "[U] by analogy with CAE02", kinds: [.debitNote]),
    ]
}
