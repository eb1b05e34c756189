import FolioTesting
import DocumentModel
import Testing
import UBL

/// The writer reports what UBL cannot carry instead of dropping it.
@Suite struct WriterRefusalTests {
    @Test func missingSoftwareProvider() throws {
        var document = SampleDocuments.invoice
        document.software = nil
        let error = try #require(throws: UBLWriteError.self) { try UBLWriter.write(document) }
        #expect(error.code == .missingField)
        #expect(error.message.contains("sts:SoftwareProvider"))
    }

    @Test func noLines() throws {
        var document = SampleDocuments.creditNote
        document.lines = []
        let error = try #require(throws: UBLWriteError.self) { try UBLWriter.write(document) }
        #expect(error.message.contains("cac:CreditNoteLine"))
    }

    @Test func invoiceWithDiscrepancy() throws {
        var document = SampleDocuments.invoice
        document.discrepancy = Discrepancy(referenceID: nil, code: "1", description: "x")
        let error = try #require(throws: UBLWriteError.self) { try UBLWriter.write(document) }
        #expect(error.code == .unsupportedField)
    }

    @Test func noteDueDateDifferentFromPaymentDueDate() throws {
        var document = SampleDocuments.debitNote
        document.dueDate = CalendarDate(year: 2024, month: 6, day: 1)
        let error = try #require(throws: UBLWriteError.self) { try UBLWriter.write(document) }
        #expect(error.code == .unsupportedField)
        #expect(error.message.contains("PaymentDueDate"))
    }
}
