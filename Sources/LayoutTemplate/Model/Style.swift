/// `normal` or `bold`.
public enum FontWeight: String, Sendable, Hashable, CaseIterable {
    case normal
    case bold
}

/// `normal` or `italic` (`oblique` is read as italic).
public enum FontSlant: String, Sendable, Hashable, CaseIterable {
    case normal
    case italic
}

/// One face of a family at a size: what a text measurer and a renderer need to pick a font.
public struct FontSpec: Sendable, Hashable {
    public var family: String
    /// In points.
    public var size: Double
    public var weight: FontWeight
    public var slant: FontSlant

    public init(family: String, size: Double, weight: FontWeight = .normal, slant: FontSlant = .normal) {
        self.family = family
        self.size = size
        self.weight = weight
        self.slant = slant
    }
}

/// Horizontal alignment of text (and of images and QR codes in their box).
public enum TextAlign: String, Sendable, Hashable, CaseIterable {
    case left
    case center
    case right
}

/// A border or rule line.
public struct Stroke: Sendable, Hashable {
    public enum Pattern: String, Sendable, Hashable, CaseIterable {
        case solid
        case dashed
    }

    public var width: Length
    public var pattern: Pattern
    public var color: ColorValue

    public init(width: Length, pattern: Pattern = .solid, color: ColorValue = .black) {
        self.width = width
        self.pattern = pattern
        self.color = color
    }
}

/// The four borders of a box; `nil` sides are not drawn.
public struct Borders: Sendable, Hashable {
    public var top: Stroke?
    public var right: Stroke?
    public var bottom: Stroke?
    public var left: Stroke?

    public init(top: Stroke? = nil, right: Stroke? = nil, bottom: Stroke? = nil, left: Stroke? = nil) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public static let none = Borders()
    public var isEmpty: Bool { top == nil && right == nil && bottom == nil && left == nil }
}

/// Text properties: inherited from the enclosing element, changed by named styles and attributes.
public struct TextStyle: Sendable, Hashable {
    public var font: FontSpec
    public var color: ColorValue
    public var align: TextAlign

    public init(font: FontSpec, color: ColorValue = .black, align: TextAlign = .left) {
        self.font = font
        self.color = color
        self.align = align
    }
}

/// Box properties: never inherited.
public struct BoxStyle: Sendable, Hashable {
    public var padding: Edges
    public var borders: Borders
    public var background: ColorValue?
    public var spaceBefore: Length
    public var spaceAfter: Length

    public init(
        padding: Edges = .zero, borders: Borders = .none, background: ColorValue? = nil, spaceBefore: Length = .zero,
        spaceAfter: Length = .zero
    ) {
        self.padding = padding
        self.borders = borders
        self.background = background
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }

    public static let plain = BoxStyle()

    /// Whether the box draws anything of its own or changes the geometry of its content.
    public var isDecorated: Bool { background != nil || !borders.isEmpty || padding != .zero }
}
