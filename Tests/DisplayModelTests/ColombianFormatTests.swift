import DisplayModel
import DocumentModel
import Foundation
import Testing

@Suite struct ColombianFormatTests {
    private static let nbsp = "\u{00A0}"

    @Test(arguments: [
        ("1234567.89", "$\u{00A0}1.234.567,89"),
        ("0", "$\u{00A0}0,00"),
        ("5", "$\u{00A0}5,00"),
        ("999.995", "$\u{00A0}1.000,00"),
        ("0.005", "$\u{00A0}0,01"),
        ("100000", "$\u{00A0}100.000,00"),
        ("-1234.5", "-$\u{00A0}1.234,50"),
        ("-0.004", "$\u{00A0}0,00"),
        ("12345678901234.567", "$\u{00A0}12.345.678.901.234,57"),
    ])
    func money(input: String, expected: String) {
        #expect(ColombianFormat.money(Amount(exactly: input)!) == expected)
    }

    @Test func moneyUsesANoBreakSpaceAndNoOrdinarySpace() {
        let text = ColombianFormat.money(Amount(exactly: "1785000")!)
        #expect(text.unicodeScalars.map(\.value) == [0x24, 0xA0, 0x31, 0x2E, 0x37, 0x38, 0x35, 0x2E, 0x30, 0x30, 0x30, 0x2C, 0x30, 0x30])
        #expect(!text.contains(" "))
    }

    @Test(arguments: [("1000", "1.000"), ("2.5", "2,5"), ("1234567.125", "1.234.567,125"), ("7", "7"), ("-12.5", "-12,5")])
    func numbers(input: String, expected: String) {
        #expect(ColombianFormat.number(Decimal(string: input)!) == expected)
    }

    @Test func percentDateAndTime() {
        #expect(ColombianFormat.percent(19) == "19%")
        #expect(ColombianFormat.percent(Decimal(string: "2.5")!) == "2,5%")
        #expect(ColombianFormat.date(CalendarDate(year: 2025, month: 1, day: 5)) == "05/01/2025")
        #expect(ColombianFormat.time(OffsetTime(hour: 9, minute: 5, second: 7, offsetMinutes: -300)) == "09:05:07")
        #expect(ColombianFormat.nit("900108281", checkDigit: 3) == "900.108.281-3")
        #expect(ColombianFormat.nit("1020304050", checkDigit: nil) == "1.020.304.050")
    }
}
