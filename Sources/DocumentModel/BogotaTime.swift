public import Foundation

/// A calendar date (`YYYY-MM-DD`), no time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` with a real calendar day; `nil` otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A wall-clock time with its UTC offset as DIAN writes it: `HH:MM:SS-05:00`.
public struct OffsetTime: Sendable, Hashable, Codable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Minutes east of UTC (Bogotá: −300).
    public var offsetMinutes: Int

    public init(hour: Int, minute: Int, second: Int, offsetMinutes: Int) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `HH:MM:SS±HH:MM`, `HH:MM:SSZ` or a bare `HH:MM:SS` (offset unknown → `nil` offset is refused:
    /// a bare time is read as −05:00 only when `assumeBogota` is true, for older documents).
    public init?(_ text: String, assumeBogota: Bool = false) {
        let clock = text.prefix(8)
        let parts = clock.split(separator: ":")
        guard parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(parts[2].prefix(2)),
            (0..<24).contains(h), (0..<60).contains(m), (0..<61).contains(s)
        else { return nil }
        var rest = text.dropFirst(8)
        if rest.hasPrefix(".") { rest = rest.drop(while: { $0 == "." || $0.isNumber }) }
        let offset: Int
        if rest.isEmpty {
            guard assumeBogota else { return nil }
            offset = -300
        } else if rest == "Z" {
            offset = 0
        } else {
            let sign = rest.first == "-" ? -1 : 1
            let pieces = rest.dropFirst().split(separator: ":")
            guard rest.first == "-" || rest.first == "+", pieces.count == 2, let oh = Int(pieces[0]),
                let om = Int(pieces[1])
            else { return nil }
            offset = sign * (oh * 60 + om)
        }
        self.init(hour: h, minute: m, second: s, offsetMinutes: offset)
    }

    /// `10:53:10-05:00`.
    public var text: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return String(format: "%02d:%02d:%02d%@%02d:%02d", hour, minute, second, sign, magnitude / 60, magnitude % 60)
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = OffsetTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an HH:MM:SS±HH:MM time: \(text)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Calendar date and wall-clock time of an instant at a fixed UTC offset, computed without a time zone
/// database or locale.
public enum CivilTime {
    public static func split(_ instant: Date, offsetMinutes: Int) -> (date: CalendarDate, time: OffsetTime) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offsetMinutes * 60
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let time = OffsetTime(
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
            offsetMinutes: offsetMinutes)
        return (civilDate(daysSinceEpoch: days), time)
    }

    /// `2025-03-14T15:42:17Z`.
    public static func iso8601UTC(_ instant: Date) -> String {
        let (date, time) = split(instant, offsetMinutes: 0)
        return date.iso + "T" + time.text.prefix(8) + "Z"
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civilDate(daysSinceEpoch: Int) -> CalendarDate {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// Colombia's civil time: UTC−05:00 all year (no daylight saving).
public enum BogotaTime {
    public static let offsetMinutes = -300

    /// The Bogotá calendar date and time of an instant.
    public static func split(_ instant: Date) -> (date: CalendarDate, time: OffsetTime) {
        CivilTime.split(instant, offsetMinutes: offsetMinutes)
    }
}
