/// A length, always stored in PDF points (1/72 in). Templates must write a unit: `pt`, `mm`, `cm`, `in`.
public struct Length: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var points: Double

    public init(points: Double) { self.points = points }

    public static let zero = Length(points: 0)
    public static func pt(_ value: Double) -> Length { Length(points: value) }
    public static func mm(_ value: Double) -> Length { Length(points: value * 72 / 25.4) }
    public static func cm(_ value: Double) -> Length { Length(points: value * 720 / 25.4) }
    public static func inches(_ value: Double) -> Length { Length(points: value * 72) }

    public static func < (lhs: Length, rhs: Length) -> Bool { lhs.points < rhs.points }
    public static func + (lhs: Length, rhs: Length) -> Length { Length(points: lhs.points + rhs.points) }

    public var description: String { "\(points)pt" }
}

/// Lengths for the four sides of a box, CSS order (top, right, bottom, left).
public struct Edges: Sendable, Hashable {
    public var top: Length
    public var right: Length
    public var bottom: Length
    public var left: Length

    public init(top: Length, right: Length, bottom: Length, left: Length) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public init(all: Length) { self.init(top: all, right: all, bottom: all, left: all) }

    public static let zero = Edges(all: .zero)

    public var horizontal: Double { left.points + right.points }
    public var vertical: Double { top.points + bottom.points }
}

/// The width of a table or row column: a fixed length, a percentage of the available width, or a share
/// (`fr`) of what fixed and percentage columns leave.
public enum ColumnWidth: Sendable, Hashable {
    case fixed(Length)
    case percent(Double)
    case fraction(Double)

    /// The widths in points of `columns` sharing `available` points with `gap` between neighbours.
    public static func resolve(_ columns: [ColumnWidth], available: Double, gap: Double = 0) -> [Double] {
        let inner = max(0, available - gap * Double(max(0, columns.count - 1)))
        var fixed = 0.0
        var fractions = 0.0
        for column in columns {
            switch column {
            case .fixed(let length): fixed += length.points
            case .percent(let percent): fixed += inner * percent / 100
            case .fraction(let share): fractions += share
            }
        }
        let free = max(0, inner - fixed)
        return columns.map { column in
            switch column {
            case .fixed(let length): length.points
            case .percent(let percent): inner * percent / 100
            case .fraction(let share): fractions > 0 ? free * share / fractions : 0
            }
        }
    }
}
