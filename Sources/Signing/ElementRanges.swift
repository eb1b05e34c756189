/// Where each element of a document sits in its bytes, in document order — so the signer can splice
/// the signature into the original bytes and leave every other byte exactly as it was.
///
/// A small scanner, not a parser: the bytes were already parsed by libxml2, which rejected anything
/// malformed. It skips comments, CDATA sections, processing instructions and quoted attribute values.
struct ElementRanges {
    struct Element {
        /// Offset of `<` of the start tag.
        var start: Int
        /// Offset just after `>` of the start tag.
        var startTagEnd: Int
        /// Offset of `<` of the end tag (== `startTagEnd` for an empty-element tag `<a/>`).
        var endTagStart: Int
        /// Offset just after the element.
        var end: Int
        var isEmptyTag: Bool { startTagEnd == end }
    }

    private(set) var elements: [Element] = []

    init(_ bytes: [UInt8]) throws(SigningError) {
        let count = bytes.count
        var open: [Int] = []  // indexes into `elements`
        var index = 0
        func starts(_ literal: StaticString, at position: Int) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard position + length <= count else { return false }
            return literal.withUTF8Buffer { literalBytes in
                (0..<length).allSatisfy { bytes[position + $0] == literalBytes[$0] }
            }
        }
        func skip(past terminator: StaticString, from position: Int) throws(SigningError) -> Int {
            var cursor = position
            while cursor < count {
                if starts(terminator, at: cursor) { return cursor + terminator.utf8CodeUnitCount }
                cursor += 1
            }
            throw SigningError(.malformedDocument, "unterminated markup at byte \(position)")
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts("<!--", at: index) {
                index = try skip(past: "-->", from: index + 4)
            } else if starts("<![CDATA[", at: index) {
                index = try skip(past: "]]>", from: index + 9)
            } else if starts("<?", at: index) {
                index = try skip(past: "?>", from: index + 2)
            } else if starts("<!", at: index) {
                throw SigningError(.malformedDocument, "a DOCTYPE is not allowed (byte \(index))")
            } else {
                // A start or end tag: find its `>` outside quotes.
                var cursor = index + 1
                var quote: UInt8?
                while cursor < count {
                    let byte = bytes[cursor]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    cursor += 1
                }
                guard cursor < count else { throw SigningError(.malformedDocument, "unterminated tag at byte \(index)") }
                let tagEnd = cursor + 1
                if bytes[index + 1] == UInt8(ascii: "/") {
                    guard let top = open.popLast() else {
                        throw SigningError(.malformedDocument, "unbalanced end tag at byte \(index)")
                    }
                    elements[top].endTagStart = index
                    elements[top].end = tagEnd
                } else if bytes[cursor - 1] == UInt8(ascii: "/") {
                    elements.append(Element(start: index, startTagEnd: tagEnd, endTagStart: tagEnd, end: tagEnd))
                } else {
                    elements.append(Element(start: index, startTagEnd: tagEnd, endTagStart: -1, end: -1))
                    open.append(elements.count - 1)
                }
                index = tagEnd
            }
        }
        guard open.isEmpty else { throw SigningError(.malformedDocument, "unclosed element") }
    }
}
