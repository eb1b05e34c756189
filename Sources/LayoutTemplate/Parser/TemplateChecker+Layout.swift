import DisplayModel
import Foundation
import XMLTree

extension TemplateChecker {
    /// Reads `<layout>`: version, then fonts, styles and page (in this order of dependence).
    func layout(_ xml: XMLElement) -> Template? {
        let root = element(xml)
        guard root.name == "layout" else {
            report(.error, .unknownElement, "the root element must be <layout>, not <\(root.name)>", at: root.location,
                   hints: ["start the file with <layout version=\"1\">"])
            return nil
        }
        guard let versionText = require(root, "version", example: "1") else { return nil }
        guard let version = Int(versionText), Template.supportedVersions.contains(version) else {
            report(
                .error, .unsupportedVersion, "layout version `\(versionText)` is not supported", at: valueLocation(root, "version"),
                hints: ["this Folio reads version " + Template.supportedVersions.map(String.init).joined(separator: ", ")])
            return nil
        }
        // Families are needed by styles; collect them first (checked and located in the ordered pass below).
        for child in xml.children where child.localName == "fonts" {
            for font in child.children where font.localName == "font" {
                if let family = font.attribute("family"), fonts.families.contains(family), !declaredFamilies.contains(family) {
                    declaredFamilies.append(family)
                }
            }
        }
        // Elements are read strictly in document order: the source locator only moves forward.
        var seen: [String] = []
        var page: (PageSetup, Region?, Region?, Region?, [Node])?
        for child in xml.children {
            let part = element(child)
            let order = ["fonts", "styles", "page"]
            guard let rank = order.firstIndex(of: part.name) else {
                reportUnexpected(part, allowed: order, context: "in <layout>")
                continue
            }
            if seen.contains(part.name) {
                report(.error, .duplicateElement, "<\(part.name)> appears twice", at: part.location, hints: ["merge them into one"])
                continue
            }
            if let later = seen.first(where: { order.firstIndex(of: $0)! > rank }) {
                report(
                    .error, .misplacedElement, "<\(part.name)> must come before <\(later)>", at: part.location,
                    hints: ["write <fonts>, then <styles>, then <page>"])
            }
            seen.append(part.name)
            switch part.name {
            case "fonts": fontDeclarations(part)
            case "styles": styleDeclarations(part)
            default: page = self.page(part)
            }
        }
        let fontsElement = seen.contains("fonts") ? true : nil
        let pageElement = seen.contains("page") ? true : nil
        if fontsElement == nil {
            report(.error, .missingFont, "the layout declares no font", at: root.location,
                   hints: ["add <fonts><font family=\"DejaVu Sans\"/></fonts>; fonts come from Fonts/ only"])
        }
        guard pageElement != nil else {
            report(.error, .missingAttribute, "the layout has no <page>", at: root.location, hints: ["add <page size=\"A4\" margin=\"15mm\">…</page>"])
            return nil
        }
        guard let (setup, firstHeader, header, footer, body) = page else { return nil }
        return Template(
            file: file, version: version,
            fonts: declaredFaces, page: setup, firstPageHeader: firstHeader, pageHeader: header, pageFooter: footer, body: body)
    }

    private var declaredFaces: [FontFace] { declaredFaceList }

    // MARK: Fonts

    private func fontDeclarations(_ fonts: Element) {
        for child in fonts.xml.children {
            let font = element(child)
            guard font.name == "font" else {
                reportUnexpected(font, allowed: ["font"], context: "in <fonts>")
                continue
            }
            guard let family = require(font, "family", example: "DejaVu Sans") else { continue }
            let weight = choice(font, "weight", as: FontWeight.self) ?? .normal
            var slant = FontSlant.normal
            if let style = font.attributes["style"] {
                if style == "oblique" { slant = .italic } else { slant = choice(font, "style", as: FontSlant.self) ?? .normal }
            }
            guard self.fonts.families.contains(family) else {
                report(
                    .error, .missingFont, "font family `\(family)` is not in Fonts/", at: valueLocation(font, "family"),
                    hints: Suggestions.hint(for: family, in: self.fonts.families)
                        + ["templates use only the fonts bundled in Fonts/: add the font files (and their licence) there"])
                continue
            }
            let face = FontFace(family: family, weight: weight, slant: slant)
            if !self.fonts.faces.contains(face) {
                report(
                    .warning, .missingFontFace, "`\(family)` has no \(weight.rawValue) \(slant.rawValue) face in Fonts/; it will be synthesised",
                    at: font.location, hints: ["add the matching font file to Fonts/"])
            }
            declaredFaceList.append(face)
        }
    }

    // MARK: Styles

    private func styleDeclarations(_ styles: Element) {
        var raw: [(name: String, extends: String?, element: Element, properties: StyleProperties)] = []
        for child in styles.xml.children {
            let style = element(child)
            guard style.name == "style" else {
                reportUnexpected(style, allowed: ["style"], context: "in <styles>")
                continue
            }
            guard let name = require(style, "name", example: "body") else { continue }
            if raw.contains(where: { $0.name == name }) {
                report(.error, .duplicateElement, "style `\(name)` is defined twice", at: valueLocation(style, "name"))
                continue
            }
            raw.append((name, style.attributes["extends"], style, properties(style, scope: BindingScope())))
        }
        // A layout that extends this one: its styles replace those of the same name, or are added.
        inExtension {
            for child in extensionPieces?.styles ?? [] {
                let style = element(child)
                guard style.name == "style", let name = require(style, "name", example: "body") else {
                    if style.name != "style" { reportUnexpected(style, allowed: ["style"], context: "in <styles>") }
                    continue
                }
                let entry = (name, style.attributes["extends"], style, properties(style, scope: BindingScope()))
                if let index = raw.firstIndex(where: { $0.name == name }) { raw[index] = entry } else { raw.append(entry) }
            }
        }
        let byName = Dictionary(raw.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func resolve(_ name: String, chain: [String]) -> StyleProperties? {
            if let done = namedStyles[name] { return done }
            guard let entry = byName[name] else { return nil }
            var resolved = StyleProperties()
            if let parent = entry.extends {
                if chain.contains(parent) || parent == name {
                    report(
                        .error, .styleCycle, "style `\(name)` extends itself through " + (chain + [name, parent]).map { "`\($0)`" }.joined(separator: " → "),
                        at: valueLocation(entry.element, "extends"), hints: ["remove one of the `extends`"])
                    namedStyles[name] = entry.properties
                    return entry.properties
                }
                if let parentProperties = resolve(parent, chain: chain + [name]) {
                    resolved = parentProperties
                } else {
                    report(
                        .error, .unknownStyle, "style `\(name)` extends unknown style `\(parent)`", at: valueLocation(entry.element, "extends"),
                        hints: Suggestions.hint(for: parent, in: byName.keys))
                }
            }
            resolved.overlay(entry.properties)
            namedStyles[name] = resolved
            return resolved
        }
        for entry in raw { _ = resolve(entry.name, chain: []) }
    }

    /// The style attributes written on `element` (not its named styles).
    func properties(_ element: Element, scope: BindingScope) -> StyleProperties {
        var properties = StyleProperties()
        let attributes = element.attributes
        if let family = attributes["font"] {
            if declaredFamilies.contains(family) {
                properties.fontFamily = family
            } else {
                let known = fonts.families.contains(family)
                report(
                    .error, known ? .undeclaredFont : .missingFont,
                    known ? "font family `\(family)` is not declared in <fonts>" : "font family `\(family)` is not in Fonts/",
                    at: valueLocation(element, "font"),
                    hints: Suggestions.hint(for: family, in: declaredFamilies + fonts.families.sorted())
                        + (known ? ["add <font family=\"\(family)\"/> to <fonts>"] : []))
            }
        }
        if let size = length(element, "font-size") { properties.fontSize = size }
        properties.fontWeight = choice(element, "font-weight", as: FontWeight.self)
        if let slant = attributes["font-style"] {
            properties.fontSlant = slant == "oblique" ? .italic : choice(element, "font-style", as: FontSlant.self)
        }
        if let text = attributes["color"] { properties.color = color(text, at: valueLocation(element, "color"), scope: scope) }
        properties.align = choice(element, "align", as: TextAlign.self)
        if let text = attributes["padding"] {
            do { properties.padding = try ValueParsers.edges(text) } catch { report(error, at: valueLocation(element, "padding")) }
        }
        if let text = attributes["border"] {
            let stroke = self.stroke(text, at: valueLocation(element, "border"), scope: scope)
            if let stroke {
                properties.borderTop = stroke
                properties.borderRight = stroke
                properties.borderBottom = stroke
                properties.borderLeft = stroke
            }
        }
        for side in ["top", "right", "bottom", "left"] {
            guard let text = attributes["border-" + side], let stroke = self.stroke(text, at: valueLocation(element, "border-" + side), scope: scope) else { continue }
            switch side {
            case "top": properties.borderTop = stroke
            case "right": properties.borderRight = stroke
            case "bottom": properties.borderBottom = stroke
            default: properties.borderLeft = stroke
            }
        }
        if let text = attributes["background"] { properties.background = color(text, at: valueLocation(element, "background"), scope: scope) }
        properties.spaceBefore = length(element, "space-before")
        properties.spaceAfter = length(element, "space-after")
        return properties
    }

    /// The element's named styles (`style="th money"`) overlaid in order, then its own attributes.
    func combinedProperties(_ element: Element, scope: BindingScope) -> StyleProperties {
        var combined = StyleProperties()
        if let names = element.attributes["style"] {
            for name in names.splitOnWhitespace() {
                if let style = namedStyles[name] {
                    combined.overlay(style)
                } else {
                    report(
                        .error, .unknownStyle, "unknown style `\(name)`", at: valueLocation(element, "style"),
                        hints: Suggestions.hint(for: name, in: namedStyles.keys))
                }
            }
        }
        combined.overlay(properties(element, scope: scope))
        return combined
    }

    // MARK: Page

    private func page(_ parentPage: Element) -> (PageSetup, Region?, Region?, Region?, [Node])? {
        // A layout that extends this one replaces page attributes (its own were checked when it was read).
        var page = parentPage
        if let childPage = extensionPieces?.page {
            var attributes = parentPage.attributes
            for attribute in childPage.attributes where attribute.namespaceURI == nil { attributes[attribute.name] = attribute.value }
            page = Element(xml: parentPage.xml, name: "page", position: parentPage.position, location: parentPage.location, attributes: attributes)
        }
        var width = Length.mm(210)
        var height = Length.mm(297)
        var continuous = false
        if let size = page.attributes["size"] {
            let parts = size.splitOnWhitespace()
            if parts.count == 1, let roll = PageSetup.namedRolls[size.lowercased()] {
                (width, height, continuous) = (roll, .zero, true)
            } else if parts.count == 2, parts[1] == "auto" {
                do { width = try ValueParsers.length(parts[0]) } catch { report(error, at: valueLocation(page, "size")) }
                (height, continuous) = (.zero, true)
            } else if parts.count == 1, let named = PageSetup.namedSizes.first(where: { $0.key.lowercased() == size.lowercased() })?.value {
                (width, height) = named
            } else if parts.count == 2 {
                do {
                    width = try ValueParsers.length(parts[0])
                    height = try ValueParsers.length(parts[1])
                } catch { report(error, at: valueLocation(page, "size")) }
            } else {
                report(
                    .error, .invalidValue, "`\(size)` is not a page size", at: valueLocation(page, "size"),
                    hints: ["use A4, A5, letter, half-letter, legal, roll-80mm, roll-58mm, two lengths such as `80mm 200mm`, or `80mm auto` for a roll"]
                        + Suggestions.hint(for: size, in: Array(PageSetup.namedSizes.keys) + Array(PageSetup.namedRolls.keys)))
            }
        }
        var margins = Edges(all: .mm(15))
        if let text = page.attributes["margin"] {
            do { margins = try ValueParsers.edges(text) } catch { report(error, at: valueLocation(page, "margin")) }
        }
        let family = declaredFamilies.first ?? fonts.families.sorted().first ?? "DejaVu Sans"
        let base = TextStyle(font: FontSpec(family: family, size: 10))
        let style = combinedProperties(page, scope: BindingScope()).textStyle(inheriting: base)
        var firstHeader: Region?
        var header: Region?
        var footer: Region?
        var body: [Node] = []
        for child in page.xml.children {
            let part = element(child)
            switch part.name {
            case "first-page-header", "page-header", "page-footer":
                let region = self.region(part, style: style)
                let already = part.name == "first-page-header" ? firstHeader : part.name == "page-header" ? header : footer
                if already != nil || !body.isEmpty {
                    report(
                        .error, already != nil ? .duplicateElement : .misplacedElement,
                        already != nil ? "<\(part.name)> appears twice" : "<\(part.name)> must come before the body content",
                        at: part.location, hints: ["put headers and footers first inside <page>"])
                }
                switch part.name {
                case "first-page-header": firstHeader = region
                case "page-header": header = region
                default: footer = region
                }
            default:
                if let node = flowNode(part, style: style, scope: BindingScope(), allowPageBreak: true) { body.append(node) }
            }
        }
        let setup = PageSetup(width: width, height: height, margins: margins, style: style, isContinuous: continuous)
        let footerHeight = footer?.height.points ?? 0
        for top in [firstHeader ?? header, header] where !continuous {
            if height.points - margins.vertical - (top?.height.points ?? 0) - footerHeight <= 0 {
                report(.error, .cannotFit, "the margins, header and footer are taller than the page", at: page.location,
                       hints: ["reduce the margins or the regions' heights"])
                break
            }
        }
        return (setup, firstHeader, header, footer, body)
    }

    private func region(_ element: Element, style parent: TextStyle) -> Region {
        let height = require(element, "height", example: "20mm") != nil ? length(element, "height") ?? .zero : .zero
        let style = combinedProperties(element, scope: BindingScope()).textStyle(inheriting: parent)
        inRegion = true
        defer { inRegion = false }
        var content: [Node] = []
        for child in element.xml.children {
            if let node = flowNode(self.element(child), style: style, scope: BindingScope(), allowPageBreak: false) { content.append(node) }
        }
        return Region(height: height, content: content, location: element.location)
    }
}
