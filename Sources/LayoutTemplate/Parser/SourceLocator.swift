import Foundation

/// Finds columns in a template's source text. libxml2 reports only a line per element, so the parser walks
/// the elements in document order and this locator follows along in the text, finding each start tag after
/// the previous one, then attributes and `{bindings}` inside it.
struct SourceLocator {
    let file: String
    private let lines: [String]
    /// Where the previous element's start tag was found: (0-based line, character offset).
    private var cursor = (line: 0, column: 0)

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Starts searching from the top of the file again (for a file whose elements are read twice).
    mutating func rewind(toLine line: Int = 1) { cursor = (max(0, line - 1), 0) }

    /// A position within the source.
    struct Position {
        var line: Int  // 0-based
        var column: Int  // 0-based, in characters
    }

    /// The start tag `<name` of the next element in document order, which libxml2 placed on `reportedLine`.
    mutating func element(_ name: String, reportedLine: Int) -> Position {
        if let found = find("<" + name, from: Position(line: cursor.line, column: cursor.column), until: reportedLine - 1, isTag: true) {
            cursor = (found.line, found.column + 1)
            return found
        }
        let line = max(0, reportedLine - 1)
        return Position(line: line, column: 0)
    }

    func location(_ position: Position, length: Int = 1) -> SourceSpan {
        SourceSpan(file: file, line: position.line + 1, column: position.column + 1, length: length)
    }

    /// The attribute `name=` in the start tag beginning at `start`, and where its value begins.
    func attribute(_ name: String, after start: Position) -> (name: Position, value: Position)? {
        var line = start.line
        var column = start.column
        while line < lines.count && line <= start.line + 40 {
            let characters = Array(lines[line])
            let target = Array(name)
            var index = column
            while index + target.count <= characters.count {
                if characters[index] == ">" { return nil }
                if Array(characters[index..<(index + target.count)]) == target,
                    index > 0, characters[index - 1].isWhitespace
                {
                    var after = index + target.count
                    while after < characters.count, characters[after].isWhitespace { after += 1 }
                    if after < characters.count, characters[after] == "=" {
                        var quote = after + 1
                        while quote < characters.count, characters[quote] != "\"", characters[quote] != "'" { quote += 1 }
                        return (Position(line: line, column: index), Position(line: line, column: min(quote + 1, characters.count)))
                    }
                }
                index += 1
            }
            line += 1
            column = 0
        }
        return nil
    }

    /// The first occurrence of `text` at or after `start`, searching a few dozen lines.
    func text(_ text: String, after start: Position) -> Position? {
        find(text, from: start, until: start.line + 60, isTag: false)
    }

    private func find(_ needle: String, from start: Position, until lastLine: Int, isTag: Bool) -> Position? {
        let target = Array(needle)
        var line = start.line
        var column = start.column
        while line < lines.count && line <= max(lastLine, start.line) {
            let characters = Array(lines[line])
            var index = column
            while index + target.count <= characters.count {
                if Array(characters[index..<(index + target.count)]) == target {
                    let end = index + target.count
                    let delimited = !isTag || end == characters.count || characters[end].isWhitespace || characters[end] == ">" || characters[end] == "/"
                    if delimited { return Position(line: line, column: index) }
                }
                index += 1
            }
            line += 1
            column = 0
        }
        return nil
    }
}
