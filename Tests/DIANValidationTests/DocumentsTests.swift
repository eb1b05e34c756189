import Foundation
import DIANValidation
import DocumentModel
import Issuance
import Testing
import UBL

/// Whole documents: Folio's examples (built, and read back from the UBL Folio writes) and other software's
/// UBL files (the shared DIAN fixtures, read with UBLReader).
struct DocumentsTests {
    /// No example breaks a Rechazo rule; the consumidor final sale has no buyer e-mail (FAK55, a Notificación).
    @Test(arguments: Fixtures.exampleNames)
    func examplesBreakNoRuleBuiltOrReadBack(name: String) throws {
        let validator = try Fixtures.validator()
        let expected = name == "06-consumidor-final.json" ? ["FAK55"] : []
        let built = DocumentBuilder.build(try Fixtures.example(name), issuer: Fixtures.issuer, sequence: 990_000_007, at: Fixtures.instant)
        #expect(validator.validate(built, context: Fixtures.context).map(\.rule.code) == expected, "\(name) built")
        let read = try UBLReader.read(try UBLWriter.write(built), sourceName: name)
        #expect(validator.validate(read, context: Fixtures.context).map(\.rule.code) == expected, "\(name) read back")
    }

    @Test func sevenExamplesAreChecked() {
        #expect(Fixtures.exampleNames.count == 7)
    }

    @Test func anUnreferencedNotesPeriodSurvivesTheUBLRoundTrip() throws {
        var note = Fixtures.creditNote()
        note.billingReference = nil
        note.customizationID = "22"
        note.discrepancy = Discrepancy(referenceID: nil, code: "3", description: "Descuento")
        note.invoicePeriod = InvoicePeriod(
            startDate: CalendarDate(year: 2026, month: 11, day: 1), endDate: CalendarDate(year: 2026, month: 11, day: 30))
        let read = try UBLReader.read(try UBLWriter.write(note), sourceName: "nc.xml")
        #expect(read.invoicePeriod == note.invoicePeriod)
        #expect(try Fixtures.validator().validate(read, context: Fixtures.context).isEmpty)
    }

    /// The rules each shared fixture breaks, written by hand, with why (see Docs/rules.md "Fixtures").
    /// Signing date: the Generica invoice's xades:SigningTime is 2019-06-21T19:09:35.993-05:00 (read in the
    /// file); the unsigned fixtures are checked as if signed on their issue date. No resolution is given, so
    /// the range is checked against each file's own sts:InvoiceControl.
    @Test(arguments: [
        // Every pre-1.9 fixture uses the responsibility O-99, which Anexo 1.9's list no longer has (FAJ26/FAK26).
        // DIAN's own 2019 sample: issued 2019-06-20 but signed 2019-06-21 (FAD09e, an Anexo 1.9 rule), and a
        // 0.00 INC TaxTotal that no line carries (FAS01b, Anexo 1.8+).
        ("invoice-dian-generica-signed-setp990000002.xml", "2019-06-21", ["FAD09e", "FAS01b", "FAJ26", "FAK26"], [String]()),
        // Stenfrank's invoice: only O-99; its buyer's city is written "BOGOTA" (DIAN lists "Bogotá, D.c.").
        ("invoice-stenfrank-setp990000008-unsigned.xml", nil, ["FAJ26", "FAK26"], ["FAK10"]),
        // Pre-1.8 credit note: issuer NIT 9000000 with DV 9 (its DV is 3), CustomizationID 01, no
        // DiscrepancyResponse, no BillingReference and no InvoicePeriod; O-99.
        ("credit-note-stenfrank-unsigned.xml", nil, ["CAJ24", "CAD02a", "CBE04", "CAE02", "CAJ26", "CAK26"], []),
        // Pre-1.8 debit note: CustomizationID 11, a 0.00 INC TaxTotal that no line carries; O-99.
        ("debit-note-stenfrank-unsigned.xml", nil, ["DAD02a", "DAS01b", "DAJ26", "DAK26"], []),
        // Only the CUFE inputs: no InvoiceControl, no DVs, no lines at all; no buyer e-mail (FAK55).
        ("invoice-minimal-cufe-input.xml", nil, ["FAB05a", "FAJ24", "FAK24", "FAS01b", "FAU02", "FAU04"], ["FAK55"]),
    ] as [(String, String?, [String], [String])])
    func sharedFixturesBreakOnlyTheJustifiedRules(name: String, signed: String?, rejections: [String], notifications: [String]) throws {
        let document = try Fixtures.fixture(name)
        let signingDate = signed.flatMap { CalendarDate(iso: $0) } ?? document.issueDate
        let findings = try Fixtures.validator().validate(document, context: ValidationContext(resolution: nil, signingDate: signingDate))
        #expect(findings.filter { $0.rule.severity == .rejection }.map(\.rule.code).sorted() == rejections.sorted(), "\(findings)")
        #expect(findings.filter { $0.rule.severity == .notification }.map(\.rule.code) == notifications, "\(findings)")
    }
}
