/// The Colombian tax identification number (NIT) and its check digit (DV).
public enum NIT {
    private static let weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]

    /// DIAN's check digit: weights applied right to left, `r = Σ mod 11`, `DV = r` for 0 and 1, else `11 − r`.
    /// Returns `nil` unless `number` is 1–15 ASCII digits.
    public static func checkDigit(of number: String) -> Int? {
        guard !number.isEmpty, number.count <= weights.count, number.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        var sum = 0
        for (index, character) in number.reversed().enumerated() {
            sum += Int(String(character))! * weights[index]
        }
        let remainder = sum % 11
        return remainder < 2 ? remainder : 11 - remainder
    }

    /// `900108281` → `900.108.281`, for display.
    public static func grouped(_ number: String) -> String {
        var result = ""
        for (index, character) in number.enumerated() {
            if index > 0 && (number.count - index) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return result
    }
}
