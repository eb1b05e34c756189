import XMLTree

/// `<layout version="1" extends="invoice.xml">`: a layout made of another one and a few changes, so a
/// company's variant (other paper, its own legal block, other colours) never copies the template.
///
/// The extending file may hold `<styles>` (styles that replace the parent's of the same name, or new ones)
/// and a `<page>` whose attributes replace the parent page's (`size`, `margin`, text style) and whose
/// children are `<block name="…">` elements, each replacing the parent's block of that name. The parent is
/// checked with these changes applied; problems in the extending file are reported in that file.
struct LayoutExtension {
    /// Follows the extending file's text, for its diagnostics.
    var locator: SourceLocator
    var styles: [XMLElement]
    var page: XMLElement?
    /// The replacement blocks by name, in the extending file's order.
    var blocks: [(name: String, element: XMLElement)]
    var used: Set<String> = []

    /// The element names of the parent that an extension may replace: its `<block name="…">`s.
    static func namedBlocks(in element: XMLElement) -> [String] {
        var names: [String] = []
        if element.localName == "block", let name = element.attribute("name") { names.append(name) }
        for child in element.children { names += namedBlocks(in: child) }
        return names
    }
}

extension TemplateChecker {
    /// Runs `body` with the extending file's locator, so elements read in it are located in that file.
    func inExtension<Result>(_ body: () -> Result) -> Result {
        guard var pieces = extensionPieces else { return body() }
        swap(&locator, &pieces.locator)
        extensionPieces = pieces
        defer {
            var after = extensionPieces!
            swap(&locator, &after.locator)
            extensionPieces = after
        }
        return body()
    }

    /// Reads the extending file's root: `version`, `extends`, then only `<styles>` and `<page>`.
    func readExtension(_ root: XMLElement, parentName: String) {
        inExtension {
            let layout = element(root)
            if let version = layout.attributes["version"], Int(version).map(Template.supportedVersions.contains) != true {
                report(
                    .error, .unsupportedVersion, "layout version `\(version)` is not supported", at: valueLocation(layout, "version"),
                    hints: ["this Folio reads version " + Template.supportedVersions.map(String.init).joined(separator: ", ")])
            }
            var styles: [XMLElement] = []
            var page: XMLElement?
            var blocks: [(String, XMLElement)] = []
            for child in root.children {
                let part = element(child)
                switch part.name {
                case "styles": styles += child.children
                case "page" where page == nil:
                    page = child
                    for grandchild in child.children {
                        // Named blocks are read (and located) when they are applied, in the parent's order.
                        if grandchild.localName == "block", let name = grandchild.attribute("name") {
                            blocks.append((name, grandchild))
                            continue
                        }
                        let block = element(grandchild)
                        do {
                            report(
                                .error, .misplacedElement, "a layout that extends another holds only named blocks in <page>",
                                at: block.location, hints: ["write <block name=\"…\"> to replace the block of that name in \(parentName)"])
                        }
                    }
                default:
                    report(
                        .error, .misplacedElement, "<\(part.name)> is not allowed in a layout that extends another",
                        at: part.location, hints: ["an extending layout holds <styles> and <page> only; fonts come from \(parentName)"])
                }
            }
            extensionPieces?.styles = styles
            extensionPieces?.page = page
            extensionPieces?.blocks = blocks
            // The elements are read again, in the parent's order, when they are applied.
            extensionPieces?.locator.rewind()
        }
    }

    /// The replacement for the parent's block named `name`, once.
    func replacement(forBlockNamed name: String) -> XMLElement? {
        guard let pieces = extensionPieces, !pieces.used.contains(name),
            let found = pieces.blocks.first(where: { $0.name == name })
        else { return nil }
        extensionPieces?.used.insert(name)
        return found.element
    }

    /// Reports the extending file's blocks that replace nothing.
    func reportUnusedReplacements(parentName: String, parentBlocks: [String]) {
        guard let pieces = extensionPieces else { return }
        inExtension {
            for (name, xml) in pieces.blocks where !pieces.used.contains(name) {
                locator.rewind(toLine: xml.line)
                let block = element(xml)
                report(
                    .error, .unknownBlock, "\(parentName) has no block named `\(name)`", at: valueLocation(block, "name"),
                    hints: Suggestions.hint(for: name, in: parentBlocks)
                        + ["the blocks it names: " + parentBlocks.map { "`\($0)`" }.joined(separator: ", ")])
            }
        }
    }
}
