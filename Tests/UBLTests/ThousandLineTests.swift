import FolioTesting
import DocumentModel
import Foundation
import Testing
import UBL
import XMLTree

/// A 1,000-line invoice writes, validates and reads back; timings are printed for the record.
@Suite struct ThousandLineTests {
    /// 1,000 lines of 1 × 1,000.00 with IVA 19 % (190.00 each): 1,000,000.00 + 190,000.00 = 1,190,000.00.
    static let document: ElectronicDocument = {
        var document = SampleDocuments.invoice
        document.lines = (1...1_000).map { index in
            DocumentLine(
                id: index, code: "P-\(index)", description: "Producto número \(index) — tornillo & tuerca <M\(index % 12)>",
                quantity: 1, unitCode: "94", unitPrice: SampleDocuments.amount("1000.00"), discount: .zero,
                lineExtensionAmount: SampleDocuments.amount("1000.00"),
                taxes: [SampleDocuments.iva("19", base: "1000.00", tax: "190.00")])
        }
        document.taxTotals = [SampleDocuments.iva("19", base: "1000000.00", tax: "190000.00")]
        document.totals = MonetaryTotal(
            lineExtensionAmount: SampleDocuments.amount("1000000.00"), taxExclusiveAmount: SampleDocuments.amount("1000000.00"),
            taxInclusiveAmount: SampleDocuments.amount("1190000.00"), payableAmount: SampleDocuments.amount("1190000.00"))
        return document
    }()

    @Test func writesValidatesAndReadsBack() throws {
        let validator = try SharedValidator.get()
        let clock = ContinuousClock()
        var bytes: [UInt8] = []
        let writing = try clock.measure { bytes = try UBLWriter.write(Self.document) }
        var diagnostics: [XMLDiagnostic] = []
        let validating = clock.measure { diagnostics = validator.validate(bytes, sourceName: "1000-lines.xml") }
        var read: ElectronicDocument?
        let reading = try clock.measure { read = try UBLReader.read(bytes, sourceName: "1000-lines.xml") }
        #expect(diagnostics.filter { $0.severity >= .error }.isEmpty)
        #expect(read == Self.document)
        print(
            "1,000-line invoice: \(bytes.count) bytes; write \(writing), validate \(validating), read \(reading); "
                + "schemas loaded in \(validator.loadDuration)")
    }
}
