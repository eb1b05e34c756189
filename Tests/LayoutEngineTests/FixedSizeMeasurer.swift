import LayoutEngine
import LayoutTemplate

/// A measurer with fixed glyph sizes: every character is `font.size × 0.5` wide and every line `font.size`
/// tall, so layout tests assert structure, not font metrics. Wraps greedily at spaces, breaks long words
/// between characters, and always at `\n` (like Pango's WORD_CHAR mode).
struct FixedSizeMeasurer: TextMeasurer {
    func measure(_ paragraph: Paragraph, width: Double) -> TextMeasurement {
        let size = paragraph.font.size
        let perLine = max(1, Int((width / (size * 0.5)).rounded(.down)))
        let bytes = Array(paragraph.text.utf8)
        var lines: [MeasuredLine] = []
        var start = 0
        func emit(_ end: Int) {
            lines.append(MeasuredLine(range: start..<end, top: Double(lines.count) * size, height: size, baseline: Double(lines.count) * size + size * 0.8))
            start = end
        }
        // ASCII test text: one byte per character.
        while start < bytes.count {
            if let newline = bytes[start..<min(bytes.count, start + perLine + 1)].firstIndex(of: 10) {
                emit(newline + 1)
                continue
            }
            if bytes.count - start <= perLine {
                emit(bytes.count)
                break
            }
            let window = bytes[start..<(start + perLine + 1)]
            if let space = window.lastIndex(of: 32), space > start {
                emit(space + 1)
            } else {
                emit(start + perLine)
            }
        }
        if lines.isEmpty { emit(0) }
        return TextMeasurement(lines: lines)
    }
}
