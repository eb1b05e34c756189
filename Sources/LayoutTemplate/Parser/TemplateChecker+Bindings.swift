import DisplayModel

/// The loop variables visible at a place in a template, with the schema of their items.
struct BindingScope {
    private(set) var variables: [(name: String, schema: DisplaySchema)] = []

    func with(_ name: String, _ schema: DisplaySchema) -> BindingScope {
        var copy = self
        copy.variables.append((name, schema))
        return copy
    }

    func schema(of name: String) -> DisplaySchema? { variables.last { $0.name == name }?.schema }
}

extension TemplateChecker {
    /// Checks a dotted path against the schema and the loop variables.
    /// - Returns: the reference and the schema of what it reaches, or `nil` after reporting the problem.
    func checkPath(_ path: String, scope: BindingScope, at location: SourceSpan) -> (FieldReference, DisplaySchema)? {
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.allSatisfy(Self.isIdentifier) else {
            report(
                .error, .invalidBinding, "`\(path)` is not a field path", at: location,
                hints: ["paths are names joined by dots, e.g. `buyer.name`"])
            return nil
        }
        var variable: String?
        var current: DisplaySchema
        var rest = components[...]
        if let variableSchema = scope.schema(of: components[0]) {
            variable = components[0]
            current = variableSchema
            rest = components.dropFirst()
        } else {
            current = schema
        }
        var walked: [String] = variable.map { [$0] } ?? []
        for component in rest {
            guard let next = current[field: component] else {
                let prefix = walked.isEmpty ? "" : walked.joined(separator: ".") + "."
                var candidates = current.fieldNames.map { prefix + $0 }
                if walked.isEmpty { candidates += scope.variables.map(\.name) }
                var hints = Suggestions.hint(for: prefix + component, in: candidates)
                switch current {
                case .list: hints.append("`\(walked.joined(separator: "."))` is a list: loop over it with each=\"item in \(walked.joined(separator: "."))\"")
                case .text, .flag, .value: hints.append("`\(walked.joined(separator: "."))` is \(current.kindName) and has no fields")
                case .record: if hints.isEmpty { hints.append("the fields here are: " + candidates.prefix(12).joined(separator: ", ")) }
                }
                report(.error, .unknownField, "`\(path)` is not a field", at: location, hints: hints)
                return nil
            }
            walked.append(component)
            current = next
        }
        return (FieldReference(variable: variable, components: Array(rest), location: location), current)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Text with `{field}` bindings (`{{` and `}}` write braces). Literal text is whitespace-collapsed when
    /// `collapse` is true (element content); attribute values are kept as written.
    func textContent(_ raw: String, in element: Element, scope: BindingScope, collapse: Bool) -> TextContent {
        var segments: [TextContent.Segment] = []
        var literal = ""
        var characters = raw[...]
        func flush() {
            if !literal.isEmpty {
                segments.append(.literal(collapse ? literal.collapsingWhitespace() : literal))
                literal = ""
            }
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "{" {
                if characters.first == "{" {
                    characters = characters.dropFirst()
                    literal.append("{")
                    continue
                }
                guard let close = characters.firstIndex(of: "}") else {
                    report(
                        .error, .invalidBinding, "`{` without a closing `}`", at: bindingLocation("{", in: element),
                        hints: ["write `{{` for a literal brace"])
                    literal.append(character)
                    continue
                }
                let inner = String(characters[..<close])
                characters = characters[characters.index(after: close)...]
                flush()
                if let segment = binding(inner, in: element, scope: scope) { segments.append(segment) }
            } else if character == "}" && characters.first == "}" {
                characters = characters.dropFirst()
                literal.append("}")
            } else {
                literal.append(character)
            }
        }
        flush()
        return TextContent(segments)
    }

    private func binding(_ inner: String, in element: Element, scope: BindingScope) -> TextContent.Segment? {
        let location = bindingLocation("{" + inner + "}", in: element)
        let path = inner.trimmingWhitespace()
        if path == "page" || path == "pages" {
            if !inRegion {
                report(
                    .error, .pageCounterInBody, "`{\(path)}` is only known in headers and footers", at: location,
                    hints: ["move it into <page-header>, <first-page-header> or <page-footer>"])
            }
            return path == "page" ? .page : .pages
        }
        if path.contains("|") { return formattedBinding(path, scope: scope, at: location) }
        guard let (field, kind) = checkPath(path, scope: scope, at: location) else { return nil }
        switch kind {
        case .text, .list(.text), .value:
            return .field(field)
        case .list:
            report(
                .error, .invalidBinding, "`{\(path)}` is a list", at: location,
                hints: ["repeat an element over it: each=\"item in \(path)\""])
        case .record:
            report(
                .error, .invalidBinding, "`{\(path)}` is a group of fields, not text", at: location,
                hints: ["pick one of its fields: " + kind.fieldNames.prefix(8).map { "`\(path).\($0)`" }.joined(separator: ", ")])
        case .flag:
            report(.error, .invalidBinding, "`{\(path)}` is a flag, not text", at: location, hints: ["use it as a condition: if=\"\(path)\""])
        }
        return nil
    }

    /// `{path | formatter | formatter("argument")}`: the field, then each formatter checked by name, by the
    /// kind of what it receives (the field's for the first, text for the others) and by its argument.
    private func formattedBinding(_ text: String, scope: BindingScope, at location: SourceSpan) -> TextContent.Segment? {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard let (field, kind) = checkPath(parts[0], scope: scope, at: location) else { return nil }
        var received = kind
        var calls: [FormatterCall] = []
        var failed = false
        for part in parts.dropFirst() {
            var name = part
            var argument: String?
            if let open = part.firstIndex(of: "(") {
                name = String(part[..<open]).trimmingWhitespace()
                let inside = part[part.index(after: open)...]
                let quoted = String(inside.dropLast()).trimmingWhitespace()
                guard inside.hasSuffix(")"), quoted.count >= 2, quoted.first == "\"", quoted.last == "\""
                else {
                    report(.error, .invalidBinding, "`\(part)` is not a formatter call", at: location,
                           hints: ["write the argument in double quotes: `date(\"dd.MM.yyyy\")`"])
                    failed = true
                    continue
                }
                argument = String(quoted.dropFirst().dropLast())
            }
            guard let formatter = DisplayFormatter(rawValue: name) else {
                let known = DisplayFormatter.allCases.map(\.rawValue)
                report(
                    .error, .unknownFormatter, name.isEmpty ? "`|` with no formatter after it" : "unknown formatter `\(name)`",
                    at: location,
                    hints: Suggestions.hint(for: name, in: known) + ["formatters: " + known.map { "`\($0)`" }.joined(separator: ", ")])
                failed = true
                continue
            }
            if let problem = formatter.problem(withArgument: argument) {
                report(.error, .invalidValue, problem, at: location)
                failed = true
            }
            if !formatter.accepts(received) {
                let what = calls.isEmpty ? "`\(parts[0])` is \(Self.phrase(received))" : "it receives text from `\(calls.last!.formatter.rawValue)`"
                report(
                    .error, .invalidBinding, "`\(formatter.rawValue)` formats \(formatter.accepted); \(what)", at: location,
                    hints: Self.formatterHints(formatter, for: received))
                failed = true
            }
            calls.append(FormatterCall(formatter, argument: argument))
            received = .text
        }
        return failed ? nil : .formatted(field, calls)
    }

    static func phrase(_ schema: DisplaySchema) -> String {
        switch schema {
        case .value(let kind): kind.phrase
        case .text: "text"
        default: "a " + schema.kindName
        }
    }

    private static func formatterHints(_ formatter: DisplayFormatter, for schema: DisplaySchema) -> [String] {
        switch (formatter, schema) {
        case (.money, .text), (.words, .text), (.percent, .text):
            ["text is printed as it comes: bind a field that holds an amount or number (see Layouts/README.md, Fields)"]
        case (.date, .text): ["bind a date field such as `document.issueDate`"]
        case (.nit, _): ["bind the bare number, e.g. `{issuer.idDigits | nit}`"]
        default: []
        }
    }

    func bindingLocation(_ text: String, in element: Element) -> SourceSpan {
        guard let position = locator.text(text, after: element.position) else { return element.location }
        return locator.location(position, length: text.count)
    }

    /// `if="path"` or `if="not path"`.
    func condition(_ element: Element, scope: BindingScope) -> Condition? {
        guard let text = element.attributes["if"] else { return nil }
        let location = valueLocation(element, "if")
        var words = text.splitOnWhitespace()
        var negated = false
        if words.first == "not" {
            negated = true
            words.removeFirst()
        }
        guard words.count == 1 else {
            report(
                .error, .invalidBinding, "`\(text)` is not a condition", at: location,
                hints: ["write if=\"field.path\" or if=\"not field.path\"; conditions test one field"])
            return nil
        }
        let path = words[0].hasPrefix("{") && words[0].hasSuffix("}") ? String(words[0].dropFirst().dropLast()) : words[0]
        guard let (field, _) = checkPath(path, scope: scope, at: location) else { return nil }
        return Condition(field: field, negated: negated)
    }

    /// `each="line in lines"`: the loop and the scope inside it.
    func loop(_ element: Element, scope: BindingScope) -> (Loop, BindingScope)? {
        guard let text = element.attributes["each"] else { return nil }
        let location = valueLocation(element, "each")
        let words = text.splitOnWhitespace()
        guard words.count == 3, words[1] == "in", Self.isIdentifier(words[0]) else {
            report(.error, .invalidBinding, "`\(text)` is not a loop", at: location, hints: ["write each=\"line in lines\""])
            return nil
        }
        guard let (field, kind) = checkPath(words[2], scope: scope, at: location) else { return nil }
        guard case .list(let itemSchema) = kind else {
            report(.error, .invalidBinding, "`\(words[2])` is \(kind.kindName), not a list", at: location)
            return nil
        }
        return (Loop(variable: words[0], list: field), scope.with(words[0], itemSchema))
    }
}
