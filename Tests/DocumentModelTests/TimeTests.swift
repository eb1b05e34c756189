import DocumentModel
import Foundation
import Testing

struct TimeTests {
    @Test func bogotaIsFiveHoursBehindUTCAllYear() {
        // 2026-01-01T03:30:00Z is still 31 December 2025 in Bogotá.
        let newYear = BogotaTime.split(Date(timeIntervalSince1970: 1_767_238_200))
        #expect(newYear.date.iso == "2025-12-31")
        #expect(newYear.time.text == "22:30:00-05:00")
        // Mid-year (no daylight saving in Colombia): 2026-07-15T17:04:05Z → 12:04:05-05:00.
        let july = BogotaTime.split(Date(timeIntervalSince1970: 1_784_135_045))
        #expect(july.date.iso == "2026-07-15")
        #expect(july.time.text == "12:04:05-05:00")
    }

    @Test func utcTimestamps() {
        // Checked with `date -u -d @1767238200` and `date -u -d @-1`.
        #expect(CivilTime.iso8601UTC(Date(timeIntervalSince1970: 1_767_238_200)) == "2026-01-01T03:30:00Z")
        #expect(CivilTime.iso8601UTC(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-04-31", "hoy"])
    func invalidDates(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func leapDay() {
        #expect(CalendarDate(iso: "2028-02-29") != nil)
    }

    @Test func offsetTimes() {
        #expect(OffsetTime("10:53:10-05:00")?.text == "10:53:10-05:00")
        #expect(OffsetTime("10:53:10Z")?.offsetMinutes == 0)
        #expect(OffsetTime("10:53:10") == nil)
        #expect(OffsetTime("10:53:10", assumeBogota: true)?.text == "10:53:10-05:00")
        #expect(OffsetTime("25:00:00-05:00") == nil)
    }

    @Test func numberingRefusals() {
        let resolution = NumberingResolution(
            authorization: "18760000001", prefix: "SETP", from: 990000000, to: 990000002,
            validFrom: CalendarDate(year: 2019, month: 1, day: 19), validTo: CalendarDate(year: 2030, month: 1, day: 19),
            technicalKey: "k")
        let today = CalendarDate(year: 2026, month: 12, day: 3)
        #expect(throws: Never.self) { try resolution.check(sequence: 990000002, on: today) }
        #expect(throws: NumberingResolution.Refusal.exhausted(last: 990000002)) {
            try resolution.check(sequence: 990000003, on: today)
        }
        #expect(throws: NumberingResolution.Refusal.expired(resolution.validTo)) {
            try resolution.check(sequence: 990000001, on: CalendarDate(year: 2030, month: 1, day: 20))
        }
        #expect(resolution.documentNumber(990000001) == "SETP990000001")
    }
}
