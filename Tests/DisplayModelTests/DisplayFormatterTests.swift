import DisplayModel
import DocumentModel
import Foundation
import Testing

/// The formatters templates apply after `|`. Every expected text is written out by hand.
@Suite struct DisplayFormatterTests {
    private func format(_ formatter: DisplayFormatter, _ value: DisplayValue, _ argument: String? = nil) throws -> String {
        try formatter.format(value, argument: argument)
    }

    @Test func moneyIsColombian() throws {
        #expect(try format(.money, .value(.amount(Amount(exactly: "1234567.89")!))) == "$\u{00A0}1.234.567,89")
        #expect(try format(.money, .value(.decimal(Decimal(string: "2.5")!))) == "$\u{00A0}2,50")
        #expect(try format(.money, .value(.amount(Amount(exactly: "-1234.5")!))) == "-$\u{00A0}1.234,50")
        // Sample data read from JSON holds dot-decimal text.
        #expect(try format(.money, "1040200") == "$\u{00A0}1.040.200,00")
    }

    @Test func dates() throws {
        let date = DisplayValue.value(.date(CalendarDate(year: 2025, month: 3, day: 4)))
        #expect(try format(.date, date) == "04/03/2025")
        #expect(try format(.date, date, "dd.MM.yyyy") == "04.03.2025")
        #expect(try format(.date, date, "d/M/yy") == "4/3/25")
        #expect(try format(.date, "2025-12-31", "yyyy-MM-dd") == "2025-12-31")
        #expect(DisplayFormatter.date.problem(withArgument: "dd MMMM yyyy") != nil)
        #expect(DisplayFormatter.date.problem(withArgument: "dd/MM/yyyy") == nil)
    }

    @Test func nitGetsItsCheckDigit() throws {
        // 900108281: 1·3 + 8·7 + 2·13 + 8·17 + 0·19 + 1·23 + 0·29 + 0·37 + 9·41 = 613; 613 mod 11 = 8; DV = 11 − 8 = 3.
        #expect(try format(.nit, "900108281") == "900.108.281-3")
        // 800197268: 8·3 + 6·7 + 2·13 + 7·17 + 9·19 + 1·23 + 0·29 + 0·37 + 8·41 = 733; 733 mod 11 = 7; DV = 4.
        #expect(try format(.nit, "800197268") == "800.197.268-4")
        #expect(throws: DisplayFormatError.self) { try format(.nit, "900.108.281-3") }
    }

    @Test func percentWordsUpper() throws {
        #expect(try format(.percent, .value(.decimal(19))) == "19%")
        #expect(try format(.percent, "2.5") == "2,5%")
        #expect(try format(.words, .value(.amount(Amount(exactly: "1040200")!))) == "UN MILLÓN CUARENTA MIL DOSCIENTOS PESOS M/CTE")
        #expect(try format(.upper, "Bogotá, Peña y Ñandú") == "BOGOTÁ, PEÑA Y ÑANDÚ")
        #expect(try format(.upper, .value(.date(CalendarDate(year: 2025, month: 3, day: 4)))) == "04/03/2025")
    }

    @Test func emptyTextStaysEmptyAndWrongDataIsAnError() throws {
        for formatter in DisplayFormatter.allCases { #expect(try format(formatter, "") == "") }
        #expect(throws: DisplayFormatError.self) { try format(.money, "$ 1.234,00") }
        #expect(throws: DisplayFormatError.self) { try format(.date, "04/03/2025") }
        #expect(throws: DisplayFormatError.self) { try format(.percent, .flag(true)) }
    }

    @Test func whatEachFormatterAccepts() {
        #expect(DisplayFormatter.money.accepts(.value(.amount)))
        #expect(!DisplayFormatter.money.accepts(.text))
        #expect(DisplayFormatter.date.accepts(.value(.date)))
        #expect(!DisplayFormatter.date.accepts(.value(.amount)))
        #expect(DisplayFormatter.nit.accepts(.text))
        #expect(DisplayFormatter.upper.accepts(.value(.amount)))
        #expect(!DisplayFormatter.upper.accepts(.flag))
    }
}
