import DisplayModel
import Foundation
import XMLTree

/// The parse-and-check pass over one template. Reports problems and keeps going.
final class TemplateChecker {
    private(set) var diagnostics: [Diagnostic] = []
    var locator: SourceLocator
    let schema: DisplaySchema
    let fonts: FontCatalog
    let assetsDirectory: String?
    var declaredFamilies: [String] = []
    var declaredFaceList: [FontFace] = []
    var namedStyles: [String: StyleProperties] = [:]
    private var reportedFaces: Set<FontFace> = []
    /// Whether the element being read is inside a header or footer (where `{page}` is allowed).
    var inRegion = false
    /// The changes of a layout that `extends` the one being checked.
    var extensionPieces: LayoutExtension?

    init(file: String, text: String, schema: DisplaySchema, fonts: FontCatalog, assetsDirectory: String?) {
        self.locator = SourceLocator(file: file, text: text)
        self.schema = schema
        self.fonts = fonts
        self.assetsDirectory = assetsDirectory
    }

    var file: String { locator.file }

    func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at location: SourceSpan,
        hints: [String] = []
    ) {
        diagnostics.append(Diagnostic(severity, code, message, at: location, hints: hints))
    }

    func report(_ problem: ValueParsers.Problem, at location: SourceSpan) {
        report(problem.severity, problem.code, problem.message, at: location, hints: problem.hints)
    }

    // MARK: Elements

    /// One element being read: its attributes and where it is.
    struct Element {
        let xml: XMLElement
        let name: String
        let position: SourceLocator.Position
        let location: SourceSpan
        let attributes: [String: String]
    }

    /// Locates `xml`, reports unknown attributes, and returns its attributes by name.
    func element(_ xml: XMLElement) -> Element {
        let name = xml.localName
        let position = locator.element(name, reportedLine: xml.line)
        let location = locator.location(position, length: name.count + 1)
        var attributes: [String: String] = [:]
        let allowed = Vocabulary.attributes[name] ?? []
        for attribute in xml.attributes where attribute.namespaceURI == nil {
            attributes[attribute.name] = attribute.value
            if Vocabulary.attributes[name] != nil, !allowed.contains(attribute.name) {
                let place = locator.attribute(attribute.name, after: position).map { locator.location($0.name, length: attribute.name.count) } ?? location
                report(
                    .error, .unknownAttribute, "unknown attribute `\(attribute.name)` on <\(name)>", at: place,
                    hints: Suggestions.hint(for: attribute.name, in: allowed) + (allowed.isEmpty ? ["<\(name)> takes no attributes"] : []))
            }
        }
        return Element(xml: xml, name: name, position: position, location: location, attributes: attributes)
    }

    /// Where the value of attribute `name` starts (for value errors), or the element.
    func valueLocation(_ element: Element, _ name: String) -> SourceSpan {
        guard let found = locator.attribute(name, after: element.position) else { return element.location }
        return locator.location(found.value, length: max(1, (element.attributes[name] ?? "").count))
    }

    /// Reports an element that is not allowed here (unknown, or known but misplaced).
    func reportUnexpected(_ element: Element, allowed: [String], context: String) {
        if Vocabulary.attributes[element.name] == nil {
            report(
                .error, .unknownElement, "unknown element <\(element.name)>", at: element.location,
                hints: Suggestions.hint(for: element.name, in: Vocabulary.allElements))
        } else {
            report(
                .error, .misplacedElement, "<\(element.name)> is not allowed \(context)", at: element.location,
                hints: allowed.isEmpty ? [] : ["allowed here: " + allowed.map { "<\($0)>" }.joined(separator: ", ")])
        }
    }

    func require(_ element: Element, _ attribute: String, example: String) -> String? {
        if let value = element.attributes[attribute] { return value }
        report(
            .error, .missingAttribute, "<\(element.name)> needs a `\(attribute)` attribute", at: element.location,
            hints: ["for example \(attribute)=\"\(example)\""])
        return nil
    }

    // MARK: Typed attribute values

    func length(_ element: Element, _ name: String) -> Length? {
        guard let text = element.attributes[name] else { return nil }
        do { return try ValueParsers.length(text) } catch { report(error, at: valueLocation(element, name)) }
        return nil
    }

    func flag(_ element: Element, _ name: String) -> Bool? {
        guard let text = element.attributes[name] else { return nil }
        do { return try ValueParsers.flag(text) } catch { report(error, at: valueLocation(element, name)) }
        return nil
    }

    func choice<T: RawRepresentable & CaseIterable>(_ element: Element, _ name: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = element.attributes[name] else { return nil }
        do { return try ValueParsers.choice(text, as: type) } catch { report(error, at: valueLocation(element, name)) }
        return nil
    }

    /// A colour: `#hex`, a name, or a `{field}` binding.
    func color(_ text: String, at location: SourceSpan, scope: BindingScope) -> ColorValue? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("{") && trimmed.hasSuffix("}") {
            let path = String(trimmed.dropFirst().dropLast()).trimmingWhitespace()
            guard let (field, kind) = checkPath(path, scope: scope, at: location) else { return nil }
            if kind != .text { report(.error, .invalidBinding, "`{\(path)}` is a \(kind.kindName), not text holding a colour", at: location) }
            return .bound(field)
        }
        do { return .fixed(try ValueParsers.color(trimmed)) } catch {
            report(error, at: location)
            return .black
        }
    }

    /// `0.5pt solid #333`, in any order; `none` for no line.
    func stroke(_ text: String, at location: SourceSpan, scope: BindingScope) -> Stroke?? {
        let parts = text.splitOnWhitespace()
        if parts == ["none"] { return .some(nil) }
        var stroke = Stroke(width: .pt(0.5))
        for part in parts {
            if let pattern = Stroke.Pattern(rawValue: part) {
                stroke.pattern = pattern
            } else if part.first.map({ $0.isNumber || $0 == "." }) == true {
                do { stroke.width = try ValueParsers.length(part) } catch {
                    report(error, at: location)
                    return nil
                }
            } else if let color = color(part, at: location, scope: scope) {
                stroke.color = color
            }
        }
        return .some(stroke)
    }

    /// Warns once per face that `Fonts/` lacks (Pango then synthesises bold or slanted glyphs).
    func checkFace(_ font: FontSpec, at location: SourceSpan) {
        let face = FontFace(family: font.family, weight: font.weight, slant: font.slant)
        guard fonts.families.contains(font.family), !fonts.faces.contains(face), reportedFaces.insert(face).inserted else { return }
        report(
            .warning, .missingFontFace,
            "`\(font.family)` has no \(font.weight.rawValue) \(font.slant.rawValue) face in Fonts/; it will be synthesised",
            at: location, hints: ["add the matching font file to Fonts/"])
    }
}
