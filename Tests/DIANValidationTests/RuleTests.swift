import Foundation
import DIANValidation
import DocumentModel
import Issuance
import Testing

/// One test per rule: a valid document with one field broken gives exactly that rule's DIAN code, with the
/// concrete values written here by hand.
struct RuleTests {
    /// The only finding of `document`, which must be `code` at `path` saying `detail`.
    private func expectOnly(
        _ document: ElectronicDocument, context: ValidationContext = Fixtures.context, _ code: String,
        _ severity: Rule.Severity = .rejection, at path: String, _ detail: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let findings = try Fixtures.check(document, context: context)
        #expect(findings.map(\.rule.code) == [code], "\(findings)", sourceLocation: sourceLocation)
        #expect(findings.first?.rule.severity == severity, sourceLocation: sourceLocation)
        #expect(findings.first?.path == path, sourceLocation: sourceLocation)
        #expect(findings.first?.detail == detail, sourceLocation: sourceLocation)
    }

    private func amount(_ text: String) -> Amount { Amount(exactly: text)! }

    @Test func theStartingDocumentsBreakNoRule() throws {
        let validator = try Fixtures.validator()
        #expect(validator.validate(Fixtures.invoice(), context: Fixtures.context).isEmpty)
        #expect(validator.validate(Fixtures.creditNote(), context: Fixtures.context).isEmpty)
        #expect(validator.validate(Fixtures.debitNote(), context: Fixtures.context).isEmpty)
    }

    // MARK: dates

    @Test func issueDateMustBeTheSigningDate() throws {
        let context = ValidationContext(resolution: Fixtures.resolution, signingDate: CalendarDate(year: 2026, month: 12, day: 4))
        try expectOnly(Fixtures.invoice(), context: context, "FAD09e", at: "issueDate", "issued 2026-12-03, signed 2026-12-04")
        try expectOnly(Fixtures.creditNote(), context: context, "CAD09e", at: "issueDate", "issued 2026-12-03, signed 2026-12-04")
        try expectOnly(Fixtures.debitNote(), context: context, "DAD09e", at: "issueDate", "issued 2026-12-03, signed 2026-12-04")
    }

    @Test func issueTimeMustBeAtMinusFive() throws {
        var document = Fixtures.invoice()
        document.issueTime.offsetMinutes = 0
        try expectOnly(document, "FAD10", at: "issueTime", "11:00:00+00:00 is not at -05:00")
    }

    // MARK: numbering

    @Test func invoiceControlMustBePresent() throws {
        var document = Fixtures.invoice()
        document.control = nil
        try expectOnly(document, "FAB05a", at: "control", "the invoice has no sts:InvoiceControl")
    }

    @Test func resolutionNumberMustBeTheIssuers() throws {
        var document = Fixtures.invoice()
        document.control?.authorization = "18760000002"
        try expectOnly(document, "FAB05b", at: "control.authorization", "the document states resolution 18760000002, the issuer's is 18760000001")
    }

    @Test func issueDateBeforeTheResolutionStarts() throws {
        var resolution = Fixtures.resolution
        resolution.validFrom = CalendarDate(year: 2026, month: 12, day: 4)
        var document = Fixtures.invoice()
        document.control?.startDate = resolution.validFrom
        let context = ValidationContext(resolution: resolution, signingDate: Fixtures.today)
        try expectOnly(document, context: context, "FAB07a", at: "issueDate", "issued 2026-12-03, the resolution is valid from 2026-12-04")
    }

    @Test func issueDateAfterTheResolutionExpired() throws {
        var resolution = Fixtures.resolution
        resolution.validTo = CalendarDate(year: 2026, month: 12, day: 2)
        var document = Fixtures.invoice()
        document.control?.endDate = resolution.validTo
        let context = ValidationContext(resolution: resolution, signingDate: Fixtures.today)
        try expectOnly(document, context: context, "FAB08a", at: "issueDate", "issued 2026-12-03, the resolution expired 2026-12-02")
    }

    @Test func authorizationPeriodMustBeTheResolutions() throws {
        var start = Fixtures.invoice()
        start.control?.startDate = CalendarDate(year: 2019, month: 1, day: 20)
        try expectOnly(start, "FAB07b", at: "control.startDate", "the document states 2019-01-20, the resolution starts 2019-01-19")
        var end = Fixtures.invoice()
        end.control?.endDate = CalendarDate(year: 2030, month: 1, day: 20)
        try expectOnly(end, "FAB08b", at: "control.endDate", "the document states 2030-01-20, the resolution ends 2030-01-19")
    }

    @Test func authorizedRangeMustBeTheResolutions() throws {
        var prefix = Fixtures.invoice()
        prefix.control?.prefix = "SETT"
        try expectOnly(prefix, "FAB10b", at: "control.prefix", "the document states prefix \"SETT\", the resolution's is \"SETP\"")
        var from = Fixtures.invoice()
        from.control?.from = 1
        try expectOnly(from, "FAB11b", at: "control.from", "the document states 1, the resolution's range starts at 990000000")
        var to = Fixtures.invoice()
        to.control?.to = 999_999_999
        try expectOnly(to, "FAB12b", at: "control.to", "the document states 999999999, the resolution's range ends at 995000000")
    }

    @Test func numberMustBeInsideTheRange() throws {
        var document = Fixtures.invoice()
        document.number = "SETP995000001"
        try expectOnly(document, "FAD05c", at: "number", "\"SETP995000001\" is not SETP + a number from 990000000 to 995000000")
        document.number = "FE990000001"
        try expectOnly(document, "FAD05c", at: "number", "\"FE990000001\" is not SETP + a number from 990000000 to 995000000")
    }

    // MARK: parties

    @Test func issuerMustBeANIT() throws {
        var document = Fixtures.invoice()
        document.supplier.identification = Identification(type: .cedulaCiudadania, number: "900108281")
        try expectOnly(document, "FAJ21", at: "supplier.identification.type", "the issuer is identified by type 13 (C.C.), not 31 (NIT)")
    }

    @Test func issuerNITCheckDigit() throws {
        var document = Fixtures.invoice()
        document.supplier.identification.checkDigit = 4
        try expectOnly(document, "FAJ24", at: "supplier.identification.checkDigit", "NIT 900108281 with DV 4; its DV is 3")
        document.supplier.identification.checkDigit = nil
        try expectOnly(document, "FAJ24", at: "supplier.identification.checkDigit", "NIT 900108281 has no DV; its DV is 3")
    }

    @Test func legalPersonBuyerMustBeANIT() throws {
        var document = Fixtures.invoice()
        document.customer.identification = Identification(type: .cedulaCiudadania, number: "1020304050")
        try expectOnly(document, "FAK21", at: "customer.identification.type", "a legal person (AdditionalAccountID 1) identified by type 13 (C.C.)")
    }

    @Test func buyerNITCheckDigit() throws {
        var document = Fixtures.invoice()
        document.customer.identification.checkDigit = 8
        try expectOnly(document, "FAK24", at: "customer.identification.checkDigit", "NIT 860034313 with DV 8; its DV is 7")
    }

    @Test func naturalPersonBuyerNeedsANumberAndAName() throws {
        var document = Fixtures.invoice()
        document.customer.personType = .natural
        document.customer.identification = Identification(type: .cedulaCiudadania, number: "")
        try expectOnly(document, "FAK61", at: "customer.identification.number", "the natural-person buyer has no identification number")
        document.customer.identification.number = "10.203.040"
        try expectOnly(document, "FAK61", at: "customer.identification.number", "cédula \"10.203.040\" is not digits only")
        document.customer.identification.number = "1020304050"
        document.customer.name = " "
        try expectOnly(document, "FAK62", at: "customer.name", "the natural-person buyer has no name")
    }

    @Test func aBuyerWithoutEmailIsANotification() throws {
        var document = Fixtures.invoice()
        document.customer.email = nil
        try expectOnly(document, "FAK55", .notification, at: "customer.email", "the buyer has no e-mail")
    }

    @Test func responsibilitiesComeFromDIANsList() throws {
        var issuer = Fixtures.invoice()
        issuer.supplier.taxLevelCodes = ["O-13", "O-99"]
        try expectOnly(issuer, "FAJ26", at: "supplier.taxLevelCodes[2]", "\"O-99\" is not a responsibility of DIAN's list (O-13, O-15, O-23, O-47, R-99-PN)")
        var buyer = Fixtures.invoice()
        buyer.customer.taxLevelCodes = ["ZZ"]
        try expectOnly(buyer, "FAK26", at: "customer.taxLevelCodes[1]", "\"ZZ\" is not a responsibility of DIAN's list (O-13, O-15, O-23, O-47, R-99-PN)")
    }

    @Test func municipalityCodesComeFromDIANsList() throws {
        var issuer = Fixtures.invoice()
        issuer.supplier.address?.cityCode = "11999"
        try expectOnly(issuer, "FAJ07", at: "supplier.address.cityCode", "\"11999\" is not a DANE municipality code of DIAN's list")
        var buyer = Fixtures.invoice()
        buyer.customer.address?.cityCode = "05999"
        try expectOnly(buyer, "FAK07", at: "customer.address.cityCode", "\"05999\" is not a DANE municipality code of DIAN's list")
    }

    @Test func cityNamesDifferingFromDIANsListAreNotifications() throws {
        var issuer = Fixtures.invoice()
        issuer.supplier.address?.cityName = "Bogota"
        try expectOnly(issuer, "FAJ10", .notification, at: "supplier.address.cityName", "\"Bogota\" for 11001; DIAN's list says \"Bogotá, D.c.\"")
        var buyer = Fixtures.invoice()
        buyer.customer.address?.cityName = "Medellin"
        try expectOnly(buyer, "FAK10", .notification, at: "customer.address.cityName", "\"Medellin\" for 05001; DIAN's list says \"Medellín\"")
        buyer.customer.address?.cityName = "  MEDELLÍN "
        #expect(try Fixtures.check(buyer, context: Fixtures.context).isEmpty)
    }

    @Test func departmentCodesComeFromDIANsListAndHoldTheMunicipality() throws {
        var issuer = Fixtures.invoice()
        issuer.supplier.address?.departmentCode = "05"
        try expectOnly(issuer, "FAJ11", at: "supplier.address.departmentCode", "department 05 does not hold municipality 11001")
        var buyer = Fixtures.invoice()
        buyer.customer.address?.departmentCode = "00"
        try expectOnly(buyer, "FAK11", at: "customer.address.departmentCode", "\"00\" is not a DANE department code of DIAN's list")
    }

    // MARK: payment

    @Test func paymentMethodAndMeansComeFromDIANsLists() throws {
        var method = Fixtures.invoice()
        method.paymentMeans?.methodID = "3"
        try expectOnly(method, "FAN02", at: "paymentMeans.methodID", "payment method \"3\" is not 1 (contado) or 2 (crédito)")
        var means = Fixtures.invoice()
        means.paymentMeans?.code = "999"
        try expectOnly(means, "FAN03", at: "paymentMeans.code", "\"999\" is not a code of DIAN's MediosPago list")
    }

    @Test func creditSaleNeedsADueDateNotBeforeTheIssueDate() throws {
        var missing = Fixtures.invoice()
        missing.paymentMeans?.dueDate = nil
        missing.dueDate = nil
        try expectOnly(missing, "FAN04", at: "paymentMeans.dueDate", "a credit sale without a due date")
        var early = Fixtures.invoice()
        early.paymentMeans?.dueDate = CalendarDate(year: 2026, month: 12, day: 1)
        try expectOnly(early, "FAN04", at: "paymentMeans.dueDate", "due 2026-12-01, before the issue date 2026-12-03")
    }

    // MARK: taxes

    @Test func oneTaxTotalPerTax() throws {
        var document = Fixtures.invoice()
        let iva = document.taxTotals[0]
        document.taxTotals = [
            TaxTotal(scheme: .iva, taxAmount: .zero, subtotals: [iva.subtotals[0]]),
            TaxTotal(scheme: .iva, taxAmount: amount("35150.00"), subtotals: [iva.subtotals[1]]),
        ]
        try expectOnly(document, "FAS01b", at: "taxTotals[2]", "tax 01 (IVA) has a second TaxTotal; the first is taxTotals[1]")
    }

    @Test func everyLineRateHasItsSubtotalEvenAtZeroPercent() throws {
        var document = Fixtures.invoice()
        #expect(document.taxTotals[0].subtotals[0].percent == 0)
        document.taxTotals[0].subtotals.removeFirst()
        try expectOnly(document, "FAS01b", at: "lines[2].taxes[1]", "tax 01 at 0 % has no document-level TaxSubtotal")
    }

    @Test func taxTotalIsTheSumOfItsSubtotals() throws {
        var document = Fixtures.invoice()
        document.taxTotals[0].taxAmount = amount("35160.00")
        document.totals.taxInclusiveAmount = amount("310160.00")
        document.totals.payableAmount = amount("310160.00")
        try expectOnly(document, "FAS02", at: "taxTotals[1].taxAmount", "TaxAmount 35160.00, its subtotals add up to 35150.00")
    }

    @Test func subtotalTaxIsBaseTimesRate() throws {
        var document = Fixtures.invoice()
        document.taxTotals[0].subtotals[1].taxAmount = amount("35160.00")
        document.taxTotals[0].taxAmount = amount("35160.00")
        document.totals.taxInclusiveAmount = amount("310160.00")
        document.totals.payableAmount = amount("310160.00")
        try expectOnly(document, "FAS07", at: "taxTotals[1].subtotals[2].taxAmount", "185000.00 × 19 % = 35150.00, the subtotal says 35160.00")
    }

    @Test func lineTaxIsBaseTimesRate() throws {
        var document = Fixtures.invoice()
        document.lines[0].taxes[0].subtotals[0].taxAmount = amount("35160.00")
        try expectOnly(document, "FAX07", at: "lines[1].taxes[1].taxAmount", "185000.00 × 19 % = 35150.00, the line says 35160.00")
    }

    @Test func taxCodesComeFromDIANsList() throws {
        var document = Fixtures.invoice()
        let unknown = TaxScheme(id: "XX", name: "Desconocido")
        document.taxTotals.append(
            TaxTotal(scheme: unknown, taxAmount: .zero, subtotals: [TaxSubtotal(scheme: unknown, taxableAmount: .zero, taxAmount: .zero, percent: 0)]))
        try expectOnly(document, "FAX03", at: "taxTotals[2].scheme", "\"XX\" is not a code of DIAN's TipoImpuesto list")
    }

    @Test func aRateOutsideDIANsTableIsANotification() throws {
        var draft = Fixtures.draft
        draft.lines[1].taxes = [TaxRate(scheme: .iva, percent: 7)]
        let document = DocumentBuilder.build(draft, issuer: Fixtures.issuer, sequence: 990_000_001, at: Fixtures.instant)
        try expectOnly(document, "FAX14", .notification, at: "lines[2].taxes[1].percent", "7 % is not one of DIAN's IVA rates (0, 5, 16, 19)")
    }

    @Test func aPerUnitTaxIsNotBaseTimesRate() throws {
        // Impuesto a las bolsas (22): 2 bags × 66.00 = 132.00 on base 0 at 0 %, as the reader gives it.
        var document = Fixtures.invoice()
        let bags = TaxScheme(id: "22", name: "INC Bolsas")
        let bagTax = TaxTotal(scheme: bags, taxAmount: amount("132.00"), subtotals: [TaxSubtotal(scheme: bags, taxableAmount: .zero, taxAmount: amount("132.00"), percent: 0)])
        document.lines[0].taxes.append(bagTax)
        document.taxTotals.append(bagTax)
        document.totals.taxInclusiveAmount = amount("310282.00")
        document.totals.payableAmount = amount("310282.00")
        #expect(try Fixtures.check(document, context: Fixtures.context).isEmpty)
    }

    // MARK: totals

    @Test func lineExtensionTotalIsTheSumOfTheLines() throws {
        var document = Fixtures.invoice()
        document.totals.lineExtensionAmount = amount("275005.00")
        document.totals.taxInclusiveAmount = amount("310155.00")
        document.totals.payableAmount = amount("310155.00")
        try expectOnly(document, "FAU02", at: "totals.lineExtensionAmount", "declared 275005.00, the 2 lines add up to 275000.00")
    }

    @Test func taxableTotalCountsZeroPercentLines() throws {
        var document = Fixtures.invoice()
        document.totals.taxExclusiveAmount = amount("185000.00")
        try expectOnly(document, "FAU04", at: "totals.taxExclusiveAmount", "declared 185000.00, the taxed lines' bases add up to 275000.00")
    }

    @Test func taxInclusiveTotalIsLinesPlusTaxes() throws {
        var document = Fixtures.invoice()
        document.totals.taxInclusiveAmount = amount("310160.00")
        document.totals.payableAmount = amount("310160.00")
        try expectOnly(
            document, "FAU06", at: "totals.taxInclusiveAmount", "declared 310160.00, line extension 275000.00 + taxes 35150.00 = 310150.00")
    }

    @Test func payableAmount() throws {
        var document = Fixtures.invoice()
        document.totals.payableAmount = amount("310160.00")
        try expectOnly(document, "FAU14", at: "totals.payableAmount", "declared 310160.00, 310150.00 − 0.00 + 0.00 − 0.00 = 310150.00")
    }

    /// DIAN's tolerance is ±2.00 (DIAN.md §3.3): 2.00 off passes, 2.01 off does not.
    @Test func toleranceIsTwoPesos() throws {
        var within = Fixtures.invoice()
        within.totals.payableAmount = amount("310152.00")
        #expect(try Fixtures.check(within, context: Fixtures.context).isEmpty)
        var beyond = Fixtures.invoice()
        beyond.totals.payableAmount = amount("310147.99")
        try expectOnly(beyond, "FAU14", at: "totals.payableAmount", "declared 310147.99, 310150.00 − 0.00 + 0.00 − 0.00 = 310150.00")
    }

    @Test func noteCodesFollowDIANsNumbering() throws {
        var credit = Fixtures.creditNote()
        credit.totals.payableAmount = amount("310160.00")
        try expectOnly(credit, "CAU14", at: "totals.payableAmount", "declared 310160.00, 310150.00 − 0.00 + 0.00 − 0.00 = 310150.00")
        var debit = Fixtures.debitNote()
        debit.lines[0].taxes[0].subtotals[0].taxAmount = amount("35160.00")
        try expectOnly(debit, "DAX07", at: "lines[1].taxes[1].taxAmount", "185000.00 × 19 % = 35150.00, the line says 35160.00")
    }

    // MARK: lines

    @Test func quantityMustBePositive() throws {
        var document = Fixtures.invoice()
        document.lines[1].quantity = 0
        try expectOnly(document, "FAV04", at: "lines[2].quantity", "quantity 0")
    }

    @Test func unitCodesComeFromDIANsList() throws {
        var document = Fixtures.invoice()
        document.lines[1].unitCode = "XYZ"
        try expectOnly(document, "FAV05", at: "lines[2].unitCode", "\"XYZ\" is not a code of DIAN's UnidadesMedida list")
    }

    @Test func noNegativeAmounts() throws {
        var document = Fixtures.invoice()
        document.lines[1].unitPrice = amount("-45000.00")
        try expectOnly(document, "VLR01", at: "lines[2].unitPrice", "-45000.00")
        var note = Fixtures.creditNote()
        note.lines[0].discount = amount("-1.00")
        try expectOnly(note, "VLR01", at: "lines[1].discount", "-1.00")
    }
}
