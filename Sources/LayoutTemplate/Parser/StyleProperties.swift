/// Style attributes as written on a `<style>` or an element: everything optional, overlaid in order
/// (`extends` chain, then the element's named styles, then its own attributes).
struct StyleProperties: Sendable {
    var fontFamily: String?
    var fontSize: Length?
    var fontWeight: FontWeight?
    var fontSlant: FontSlant?
    var color: ColorValue?
    var align: TextAlign?
    var padding: Edges?
    var borderTop: Stroke??
    var borderRight: Stroke??
    var borderBottom: Stroke??
    var borderLeft: Stroke??
    var background: ColorValue?
    var spaceBefore: Length?
    var spaceAfter: Length?

    static let textAttributes = ["font", "font-size", "font-weight", "font-style", "color", "align"]
    static let boxAttributes = [
        "padding", "border", "border-top", "border-right", "border-bottom", "border-left", "background",
        "space-before", "space-after",
    ]

    /// `other`'s set properties replace this one's.
    mutating func overlay(_ other: StyleProperties) {
        fontFamily = other.fontFamily ?? fontFamily
        fontSize = other.fontSize ?? fontSize
        fontWeight = other.fontWeight ?? fontWeight
        fontSlant = other.fontSlant ?? fontSlant
        color = other.color ?? color
        align = other.align ?? align
        padding = other.padding ?? padding
        if let value = other.borderTop { borderTop = value }
        if let value = other.borderRight { borderRight = value }
        if let value = other.borderBottom { borderBottom = value }
        if let value = other.borderLeft { borderLeft = value }
        background = other.background ?? background
        spaceBefore = other.spaceBefore ?? spaceBefore
        spaceAfter = other.spaceAfter ?? spaceAfter
    }

    /// The inherited text style changed by these properties.
    func textStyle(inheriting parent: TextStyle) -> TextStyle {
        var style = parent
        if let fontFamily { style.font.family = fontFamily }
        if let fontSize { style.font.size = fontSize.points }
        if let fontWeight { style.font.weight = fontWeight }
        if let fontSlant { style.font.slant = fontSlant }
        if let color { style.color = color }
        if let align { style.align = align }
        return style
    }

    /// The (never inherited) box style these properties describe.
    var boxStyle: BoxStyle {
        BoxStyle(
            padding: padding ?? .zero,
            borders: Borders(
                top: borderTop ?? nil, right: borderRight ?? nil, bottom: borderBottom ?? nil, left: borderLeft ?? nil),
            background: background, spaceBefore: spaceBefore ?? .zero, spaceAfter: spaceAfter ?? .zero)
    }

    var hasBoxProperties: Bool {
        padding != nil || borderTop != nil || borderRight != nil || borderBottom != nil || borderLeft != nil
            || background != nil || spaceBefore != nil || spaceAfter != nil
    }
}
