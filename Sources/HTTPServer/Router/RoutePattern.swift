/// A parsed route pattern such as `/v1/documents/{number}/pdf`.
struct RoutePattern: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    /// The number of literal segments; more literals means a more specific pattern.
    var literalCount: Int {
        segments.reduce(0) { count, segment in
            if case .literal = segment { count + 1 } else { count }
        }
    }

    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "route pattern \(pattern) must start with /")
        segments = Self.segments(of: pattern).map { part in
            guard part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 else { return .literal(part) }
            return .parameter(String(part.dropFirst().dropLast()))
        }
        let names = segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
        precondition(Set(names).count == names.count, "route pattern \(pattern) repeats a parameter name")
    }

    /// The non-empty `/`-separated parts of a path: `/a//b/` gives `["a", "b"]`.
    static func segments(of path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    /// The parameter values if `path` (already split into segments) matches, else `nil`.
    func match(_ path: [String]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let literal):
                guard literal == part else { return nil }
            case .parameter(let name):
                parameters[name] = part
            }
        }
        return parameters
    }
}
