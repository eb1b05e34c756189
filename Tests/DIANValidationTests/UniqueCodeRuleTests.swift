import DIANValidation
import DocumentModel
import Foundation
import Testing

/// FAD06 (CUFE/CUDE) and FAB19b (SoftwareSecurityCode), against DIAN's own vectors (DIAN.md §1.2).
struct UniqueCodeRuleTests {
    private func amount(_ text: String) -> Amount { Amount(exactly: text)! }

    /// The document of Anexo 1.9 §11.2: 323200000129, 2019-01-16 10:53:10-05:00, 1,500,000.00 + IVA 285,000.00 =
    /// 1,785,000.00, NIT 700085371 to 800199436, ClTec 693ff6f2…, production; CUFE 8bb918b1….
    private func annexInvoice() -> (ElectronicDocument, ValidationContext) {
        var document = Fixtures.invoice()
        document.number = "323200000129"
        document.environment = .production
        document.issueDate = CalendarDate(year: 2019, month: 1, day: 16)
        document.issueTime = OffsetTime(hour: 10, minute: 53, second: 10, offsetMinutes: -300)
        document.totals = MonetaryTotal(
            lineExtensionAmount: amount("1500000.00"), taxExclusiveAmount: amount("1500000.00"),
            taxInclusiveAmount: amount("1785000.00"), payableAmount: amount("1785000.00"))
        document.taxTotals = [
            TaxTotal(
                scheme: .iva, taxAmount: amount("285000.00"),
                subtotals: [TaxSubtotal(scheme: .iva, taxableAmount: amount("1500000.00"), taxAmount: amount("285000.00"), percent: 19)])
        ]
        document.supplier.identification = Identification(type: .nit, number: "700085371", checkDigit: 1)
        document.customer.identification = Identification(type: .nit, number: "800199436", checkDigit: 4)
        document.uniqueCode = "8bb918b19ba22a694f1da11c643b5e9de39adf60311cf179179e9b33381030bcd4c3c3f156c506ed5908f9276f5bd9b4"
        var resolution = Fixtures.resolution
        resolution.technicalKey = "693ff6f2a553c3646a063436fd4dd9ded0311471"
        return (document, ValidationContext(resolution: resolution, signingDate: document.issueDate))
    }

    @Test func theAnnexCUFEPassesAndAnyChangedFieldFails() throws {
        let validator = try Fixtures.validator()
        let (document, context) = annexInvoice()
        #expect(!validator.validate(document, context: context).contains { $0.rule.code == "FAD06" })
        var changed = document
        changed.totals.payableAmount = amount("1785000.01")
        let finding = try #require(validator.validate(changed, context: context).first { $0.rule.code == "FAD06" })
        #expect(finding.path == "uniqueCode")
        #expect(finding.detail == "8bb918b19ba2… is not the SHA-384 of the document's 15 CUFE fields with the resolution's technical key")
    }

    @Test func aWrongOrMissingCodeIsFAD06() throws {
        let validator = try Fixtures.validator()
        var invoice = Fixtures.invoice()
        invoice.uniqueCode = String(repeating: "0", count: 96)
        let findings = validator.validate(invoice, context: Fixtures.context)
        #expect(findings.map(\.rule.code) == ["FAD06"])
        #expect(findings.first?.detail == "000000000000… is not the SHA-384 of the document's 15 CUFE fields with the resolution's technical key")
        var note = Fixtures.creditNote()
        note.uniqueCode = nil
        let noteFindings = validator.validate(note, context: Fixtures.context)
        #expect(noteFindings.map(\.rule.code) == ["CAD06"])
        #expect(noteFindings.first?.detail == "the document has no CUDE")
        // Without the key (a received document), the code is not checked.
        #expect(validator.validate(invoice, context: ValidationContext(resolution: nil, signingDate: Fixtures.today)).isEmpty)
    }

    @Test func softwareSecurityCode() throws {
        let validator = try Fixtures.validator()
        var document = Fixtures.invoice()
        // DIAN.md §1.2: SHA384("abc" + "12345" + "SETP990000001").
        document.software?.softwareID = "abc"
        document.software?.securityCode = "ef061d791ea17f22a34df2d5d18726509bcbe69139a7527a7e3d94c5d534899d5ff886f5a360c0fe87a71d600b67e3eb"
        #expect(validator.validate(document, context: Fixtures.context).isEmpty)
        document.software?.softwareID = "abd"
        let findings = validator.validate(document, context: Fixtures.context)
        #expect(findings.map(\.rule.code) == ["FAB19b"])
        #expect(findings.first?.detail == "ef061d791ea1… is not SHA-384(SoftwareID + PIN + SETP990000001)")
    }
}
