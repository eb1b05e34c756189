/// An sRGB colour with alpha, components in 0…1.
public struct RGBAColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public static let black = RGBAColor(red: 0, green: 0, blue: 0)
    public static let white = RGBAColor(red: 1, green: 1, blue: 1)

    /// Parses `#RGB`, `#RRGGBB`, `#RRGGBBAA` or one of the few names in ``named``; `nil` otherwise.
    public init?(css text: String) {
        if let named = RGBAColor.named[text.lowercased()] {
            self = named
            return
        }
        guard text.hasPrefix("#") else { return nil }
        var digits = Array(text.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6 || digits.count == 8,
            let value = UInt32(String(digits), radix: 16)
        else { return nil }
        let hasAlpha = digits.count == 8
        let rgb = hasAlpha ? value >> 8 : value
        self.init(
            red: Double((rgb >> 16) & 0xFF) / 255, green: Double((rgb >> 8) & 0xFF) / 255,
            blue: Double(rgb & 0xFF) / 255, alpha: hasAlpha ? Double(value & 0xFF) / 255 : 1)
    }

    /// The colour names templates may use besides `#hex`.
    public static let named: [String: RGBAColor] = [
        "black": .black, "white": .white, "gray": RGBAColor(red: 0.5, green: 0.5, blue: 0.5),
        "grey": RGBAColor(red: 0.5, green: 0.5, blue: 0.5), "red": RGBAColor(red: 1, green: 0, blue: 0),
        "green": RGBAColor(red: 0, green: 0.5, blue: 0), "blue": RGBAColor(red: 0, green: 0, blue: 1),
        "transparent": RGBAColor(red: 0, green: 0, blue: 0, alpha: 0),
    ]
}

/// A colour in a template: written out, or bound to display data (`{branding.primaryColor}`) and read when an
/// invoice is laid out.
public enum ColorValue: Sendable, Hashable {
    case fixed(RGBAColor)
    case bound(FieldReference)

    public static let black = ColorValue.fixed(.black)
}
