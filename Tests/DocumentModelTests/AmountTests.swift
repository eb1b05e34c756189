import DocumentModel
import Foundation
import Testing

struct AmountTests {
    @Test(arguments: [
        ("1785000", "1785000.00"), ("0.005", "0.01"), ("0.0049", "0.00"), ("-0.005", "-0.01"), ("2.675", "2.68"),
        ("123456789012.345", "123456789012.35"), ("0", "0.00"), ("-0.001", "0.00"),
    ])
    func roundsHalfAwayFromZeroToTwoDecimals(_ input: String, _ expected: String) {
        #expect(Amount(exactly: input)!.fixed2 == expected)
    }

    @Test(arguments: ["1,5", "1.2.3", "", "-", "1e5", " 1", "1.", ".5", "NaN", "١٢"])
    func refusesAnythingButPlainDotDecimal(_ input: String) {
        #expect(Amount(exactly: input) == nil)
    }

    @Test func decimalArithmeticIsExact() {
        // 0.1 + 0.2 is not 0.3 in binary floating point; it is in Folio.
        let sum = Amount(exactly: "0.1")! + Amount(exactly: "0.2")!
        #expect(sum == Amount(exactly: "0.3")!)
        #expect(DecimalText.plain(sum.value) == "0.3")
    }

    @Test func jsonUsesStrings() throws {
        let data = try JSONEncoder().encode([Amount(exactly: "12.50")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["12.5"]"#)
        #expect(try JSONDecoder().decode([Amount].self, from: Data(#"["0.10"]"#.utf8)) == [Amount(exactly: "0.1")!])
    }
}
