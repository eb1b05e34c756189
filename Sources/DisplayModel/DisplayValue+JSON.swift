import Foundation

extension DisplayValue: Codable {
    /// Reads sample data: JSON strings become text, `true`/`false` flags, arrays lists, objects records.
    /// Numbers become their plain decimal text (`12.5`); `null` fields are left out. Prefer strings in sample
    /// files, since templates print values exactly as given.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let number = try? container.decode(Decimal.self) {
            var copy = number
            self = .text(NSDecimalString(&copy, Locale(identifier: "en_US_POSIX")))
        } else if let items = try? container.decode([DisplayValue].self) {
            self = .list(items)
        } else if let fields = try? container.decode([String: DisplayValue?].self) {
            self = .record(fields.compactMapValues { $0 })
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a string, number, boolean, array or object")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .flag(let flag): try container.encode(flag)
        case .list(let items): try container.encode(items)
        case .record(let fields): try container.encode(fields)
        case .value(let value): try container.encode(value.defaultText)
        }
    }

    /// Reads a sample data file's bytes (UTF-8 JSON).
    /// - Throws: `DecodingError` when the bytes are not JSON.
    public init(json bytes: [UInt8]) throws {
        self = try JSONDecoder().decode(DisplayValue.self, from: Data(bytes))
    }
}
