/// A checked layout: the page, its fixed regions and the body flow, with every style resolved and every
/// binding checked against the display schema.
///
/// Build one with ``TemplateParser`` from `Layouts/*.xml`; an invoice never renders with a template that
/// has error diagnostics.
public struct Template: Sendable, Hashable {
    /// The source file name, as used in diagnostics (`Layouts/invoice.xml`).
    public var file: String
    public var version: Int
    /// The font families (and faces) the template declared in `<fonts>`.
    public var fonts: [FontFace]
    public var page: PageSetup
    /// On page 1 instead of ``pageHeader`` when present.
    public var firstPageHeader: Region?
    public var pageHeader: Region?
    public var pageFooter: Region?
    public var body: [Node]

    public init(
        file: String, version: Int = 1, fonts: [FontFace], page: PageSetup, firstPageHeader: Region? = nil,
        pageHeader: Region? = nil, pageFooter: Region? = nil, body: [Node]
    ) {
        self.file = file
        self.version = version
        self.fonts = fonts
        self.page = page
        self.firstPageHeader = firstPageHeader
        self.pageHeader = pageHeader
        self.pageFooter = pageFooter
        self.body = body
    }

    /// The versions of the layout format this Folio reads.
    public static let supportedVersions = [1]
}

/// Page size and margins.
public struct PageSetup: Sendable, Hashable {
    public var width: Length
    /// The page height; for a continuous roll, the least height (the page grows with its content).
    public var height: Length
    /// A continuous roll (`size="80mm auto"`, `roll-80mm`, `roll-58mm`): one page as tall as its content.
    public var isContinuous: Bool
    public var margins: Edges
    /// The text style everything inherits from (`style` on `<page>`).
    public var style: TextStyle

    public init(width: Length, height: Length, margins: Edges, style: TextStyle, isContinuous: Bool = false) {
        self.isContinuous = isContinuous
        self.width = width
        self.height = height
        self.margins = margins
        self.style = style
    }

    /// Named sizes for `size="…"`.
    public static let namedSizes: [String: (width: Length, height: Length)] = [
        "A4": (.mm(210), .mm(297)), "A5": (.mm(148), .mm(210)), "letter": (.inches(8.5), .inches(11)),
        "half-letter": (.inches(5.5), .inches(8.5)), "legal": (.inches(8.5), .inches(14)),
    ]

    /// Named continuous rolls for `size="…"` (POS printers): their width; the height grows with the content.
    public static let namedRolls: [String: Length] = ["roll-80mm": .mm(80), "roll-58mm": .mm(58)]
}

/// A header or footer: fixed height, drawn on every page it applies to; may use `{page}` and `{pages}`.
public struct Region: Sendable, Hashable {
    public var height: Length
    public var content: [Node]
    public var location: SourceSpan

    public init(height: Length, content: [Node], location: SourceSpan) {
        self.height = height
        self.content = content
        self.location = location
    }
}

/// A font face a template asked for, or one available in `Fonts/`.
public struct FontFace: Sendable, Hashable {
    public var family: String
    public var weight: FontWeight
    public var slant: FontSlant

    public init(family: String, weight: FontWeight = .normal, slant: FontSlant = .normal) {
        self.family = family
        self.weight = weight
        self.slant = slant
    }
}

/// The faces available to templates (those found in `Fonts/`), given to the parser so a template asking for
/// a font that is not bundled is refused when it loads.
public struct FontCatalog: Sendable, Hashable {
    public var faces: Set<FontFace>

    public init(faces: Set<FontFace>) { self.faces = faces }

    public var families: Set<String> { Set(faces.map(\.family)) }
}
