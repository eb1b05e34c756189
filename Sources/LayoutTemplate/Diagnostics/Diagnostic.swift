/// A place in a template source: file, 1-based line and column, and the length of the text concerned.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// How many characters the problem spans (for the caret line); at least 1.
    public var length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// `Layouts/invoice.xml:42:17`.
    public var description: String { "\(file):\(line):\(column)" }

    /// A location for things that come from no template (tests building templates in code).
    public static let unknown = SourceSpan(file: "<unknown>", line: 0, column: 0)
}

/// One problem found in a template, at load time (parsing, checking) or at layout time (a block that cannot
/// fit), with friendly hints.
///
/// Errors stop a document from rendering; warnings come with a fallback (an unknown colour draws black).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// A stable kebab-case code designers can look up in `Layouts/README.md` (`unknown-attribute`).
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceSpan
    /// Suggestions, each one line: "did you mean `color`?", "write `12pt` or `4mm`".
    public var hints: [String]

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceSpan,
        hints: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hints = hints
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }
    public var isError: Bool { severity == .error }

    /// The gcc-style form without source excerpt: `file:line:col: error: message` then `    hint: …` lines.
    public var description: String { DiagnosticRenderer.gcc([self], sources: [:]) }
}

/// The stable code of a ``Diagnostic``.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// The file is not well-formed XML.
    public static let malformedXML: DiagnosticCode = "malformed-xml"
    /// The layout does not follow the RELAX NG grammar (`Layouts/schema/layout.rng`) and Folio's own checks
    /// said nothing on that line.
    public static let schema: DiagnosticCode = "schema"
    /// The file could not be read.
    public static let unreadable: DiagnosticCode = "unreadable-file"
    /// `<layout version="…">` is missing or names a version this Folio does not know.
    public static let unsupportedVersion: DiagnosticCode = "unsupported-version"
    public static let unknownElement: DiagnosticCode = "unknown-element"
    public static let misplacedElement: DiagnosticCode = "misplaced-element"
    public static let unknownAttribute: DiagnosticCode = "unknown-attribute"
    public static let missingAttribute: DiagnosticCode = "missing-attribute"
    public static let duplicateElement: DiagnosticCode = "duplicate-element"
    /// A length without a unit, or with an unknown one.
    public static let invalidLength: DiagnosticCode = "invalid-length"
    /// An attribute value outside its allowed set.
    public static let invalidValue: DiagnosticCode = "invalid-value"
    public static let unknownColor: DiagnosticCode = "unknown-color"
    public static let unknownField: DiagnosticCode = "unknown-field"
    public static let invalidBinding: DiagnosticCode = "invalid-binding"
    /// `{x | mony}`: a formatter that does not exist.
    public static let unknownFormatter: DiagnosticCode = "unknown-formatter"
    public static let unknownStyle: DiagnosticCode = "unknown-style"
    /// A layout that `extends` another replaces a block the other does not name.
    public static let unknownBlock: DiagnosticCode = "unknown-block"
    /// `extends` names a layout that cannot be read, or that itself extends another.
    public static let invalidExtends: DiagnosticCode = "invalid-extends"
    public static let styleCycle: DiagnosticCode = "style-cycle"
    public static let missingFont: DiagnosticCode = "missing-font"
    public static let missingFontFace: DiagnosticCode = "missing-font-face"
    public static let undeclaredFont: DiagnosticCode = "undeclared-font"
    public static let missingAsset: DiagnosticCode = "missing-asset"
    public static let textOutsideSpan: DiagnosticCode = "text-outside-span"
    public static let columnCount: DiagnosticCode = "column-count"
    public static let pageCounterInBody: DiagnosticCode = "page-counter-in-body"
    /// Layout time: something that can never fit on a page or in its region.
    public static let cannotFit: DiagnosticCode = "cannot-fit"
    /// Layout time: a header or footer taller than its declared height.
    public static let regionOverflow: DiagnosticCode = "region-overflow"
    /// Layout time: `keep-together` could not be honoured (the block is taller than a page) and was split.
    public static let keepTogetherBroken: DiagnosticCode = "keep-together-broken"
    /// Layout time: a bound value has the wrong shape (a colour that is not `#RRGGBB`).
    public static let invalidData: DiagnosticCode = "invalid-data"
    /// Render time: text with characters the bundled fonts cannot draw.
    public static let missingGlyph: DiagnosticCode = "missing-glyph"

    /// Every code, for documentation and tooling.
    public static let all: [DiagnosticCode] = [
        .malformedXML, .schema, .unreadable, .unsupportedVersion, .unknownElement, .misplacedElement, .unknownAttribute,
        .missingAttribute, .duplicateElement, .invalidLength, .invalidValue, .unknownColor, .unknownField,
        .invalidBinding, .unknownFormatter, .unknownStyle, .unknownBlock, .invalidExtends, .styleCycle, .missingFont, .missingFontFace, .undeclaredFont, .missingAsset,
        .textOutsideSpan, .columnCount, .pageCounterInBody, .cannotFit, .regionOverflow, .keepTogetherBroken,
        .invalidData, .missingGlyph,
    ]
}
