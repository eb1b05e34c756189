import LayoutTemplate

extension PageFrame {
    /// A stable text dump for tests and reviews: one line per item, coordinates rounded to 0.01 pt.
    ///
    ///     page 1 595.28x841.89
    ///       text 42.52,70.87 w=200.00 "Factura No. SETP1" DejaVu Sans bold 9.00pt @invoice.xml:12
    public func debugDump() -> String {
        var lines = ["page \(number) \(Self.f(size.width))x\(Self.f(size.height))"]
        for item in items {
            let at = "@\(item.source.file.split(separator: "/").last ?? ""):\(item.source.line)"
            switch item {
            case .text(let text):
                let font = text.paragraph.font
                let escaped = text.visibleText.replacingNewlines()
                lines.append(
                    "  text \(Self.f(text.origin.x)),\(Self.f(text.origin.y)) w=\(Self.f(text.width)) \"\(escaped)\" "
                        + "\(font.family) \(font.weight.rawValue) \(Self.f(font.size))pt \(at)")
            case .rectangle(let rect):
                lines.append("  rect \(Self.rect(rect.rect)) fill \(Self.hex(rect.fill)) \(at)")
            case .line(let line):
                lines.append(
                    "  line \(Self.f(line.from.x)),\(Self.f(line.from.y))->\(Self.f(line.to.x)),\(Self.f(line.to.y)) "
                        + "\(Self.f(line.width))pt \(Self.hex(line.color))\(line.dashed ? " dashed" : "") \(at)")
            case .image(let image):
                lines.append("  image \(Self.rect(image.rect)) \"\(image.path)\" \(at)")
            case .qr(let qr):
                lines.append("  qr \(Self.rect(qr.rect)) \"\(qr.payload.prefix(24).replacingNewlines())\" \(at)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func f(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    private static func rect(_ rect: Rect) -> String {
        "\(f(rect.x)),\(f(rect.y)) \(f(rect.width))x\(f(rect.height))"
    }

    private static func hex(_ color: RGBAColor) -> String {
        let parts = [color.red, color.green, color.blue].map { component -> String in
            let value = Int((component * 255).rounded())
            let digits = String(value, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + parts.joined()
    }
}

extension StringProtocol {
    fileprivate func replacingNewlines() -> String {
        String(self).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }
}
