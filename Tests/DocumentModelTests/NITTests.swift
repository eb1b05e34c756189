import DocumentModel
import Testing

struct NITTests {
    // Check digits verified by hand against DIAN.md §3.4 (and DIAN's own NIT 800197268-4).
    @Test(arguments: [
        ("800197268", 4), ("890903938", 8), ("860034313", 7), ("900373115", 3), ("800199436", 4), ("700085371", 1),
        ("900108281", 3),
    ])
    func checkDigit(_ nit: String, _ expected: Int) {
        #expect(NIT.checkDigit(of: nit) == expected)
    }

    @Test(arguments: ["", "12a", "9001082813000000", "-1", "12 3"])
    func rejectsNonDigits(_ text: String) {
        #expect(NIT.checkDigit(of: text) == nil)
    }

    @Test func groupsForDisplay() {
        #expect(NIT.grouped("900108281") == "900.108.281")
        #expect(NIT.grouped("1020304050") == "1.020.304.050")
        #expect(NIT.grouped("123") == "123")
    }
}
