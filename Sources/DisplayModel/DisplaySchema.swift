/// The shape of display data: which fields exist and what each holds.
///
/// Templates are checked against a schema when they load, so `{buyer.nmae}` is reported with a
/// "did you mean `buyer.name`?" before any invoice is rendered. ``DocumentDisplay/schema`` is the schema of
/// every document's display data, ``EventDisplay/schema`` that of RADIAN events and DIAN responses;
/// ``LayoutSchemas`` says which layout binds which.
public indirect enum DisplaySchema: Sendable, Hashable {
    case text
    case flag
    /// A list whose every item has the element schema.
    case list(DisplaySchema)
    case record([String: DisplaySchema])
    /// A typed value (``TypedValue``) of this kind. Display data read from JSON may give text instead.
    case value(ValueKind)

    /// The schema of field `name` of a record schema.
    public subscript(field name: String) -> DisplaySchema? {
        guard case .record(let fields) = self else { return nil }
        return fields[name]
    }

    /// The field names of a record schema, sorted; empty for other kinds.
    public var fieldNames: [String] {
        guard case .record(let fields) = self else { return [] }
        return fields.keys.sorted()
    }

    /// A short name for messages: `text`, `flag`, `list`, `record`.
    public var kindName: String {
        switch self {
        case .text: "text"
        case .flag: "flag"
        case .list: "list"
        case .record: "record"
        case .value(let kind): kind == .decimal ? "number" : kind.rawValue
        }
    }

    /// Every leaf path, sorted, with `[]` after a list (`lines[].description`), for documentation.
    public var allPaths: [String] {
        var result: [String] = []
        collect(prefix: "", into: &result)
        return result.sorted()
    }

    private func collect(prefix: String, into result: inout [String]) {
        switch self {
        case .text, .flag, .value:
            result.append(prefix)
        case .list(let element):
            if case .text = element { result.append(prefix + "[]") } else { element.collect(prefix: prefix + "[]", into: &result) }
        case .record(let fields):
            for (name, schema) in fields {
                schema.collect(prefix: prefix.isEmpty ? name : prefix + "." + name, into: &result)
            }
        }
    }

    /// Where `value` does not have this shape, as `path: expected X, found Y` lines (missing fields included;
    /// fields the schema does not know are reported only when `allowExtraFields` is false).
    public func mismatches(in value: DisplayValue, path: String = "", allowExtraFields: Bool = true) -> [String] {
        let here = path.isEmpty ? "(root)" : path
        switch (self, value) {
        case (.text, .text), (.flag, .flag), (.value, .text):
            return []
        case (.value(let kind), .value(let value)):
            return kind == value.kind ? [] : ["\(here): expected \(kindName), found \(value.kind.rawValue)"]
        case (.list(let element), .list(let items)):
            return items.enumerated().flatMap { index, item in
                element.mismatches(in: item, path: "\(path)[\(index)]", allowExtraFields: allowExtraFields)
            }
        case (.record(let fields), .record(let values)):
            var problems = fields.keys.sorted().flatMap { name -> [String] in
                let childPath = path.isEmpty ? name : path + "." + name
                guard let child = values[name] else { return ["\(childPath): missing"] }
                return fields[name]!.mismatches(in: child, path: childPath, allowExtraFields: allowExtraFields)
            }
            if !allowExtraFields {
                for name in values.keys.sorted() where fields[name] == nil {
                    problems.append("\(path.isEmpty ? name : path + "." + name): not in the schema")
                }
            }
            return problems
        default:
            return ["\(here): expected \(kindName), found \(DisplaySchema.kindName(of: value))"]
        }
    }

    private static func kindName(of value: DisplayValue) -> String {
        switch value {
        case .text: "text"
        case .flag: "flag"
        case .list: "list"
        case .record: "record"
        case .value(let value): value.kind.rawValue
        }
    }
}
