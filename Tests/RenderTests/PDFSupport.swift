import DisplayModel
import DocumentModel
import Foundation
import Render

/// A document rendered to a PDF file for the external checkers.
struct RenderedFile {
    let pdf: RenderedPDF
    let path: String
    let scratch: Scratch

    init(_ document: ElectronicDocument, copy: Bool = false, title: String = "Factura SETP990000042") throws {
        try self.init(layout: "invoice", data: TestDocuments.display(document, copy: copy), title: title)
    }

    /// Any layout with any display data.
    init(layout: String, data: DisplayValue, title: String) throws {
        let renderer = try Repository.renderer.get()
        pdf = try renderer.renderPDF(layout: layout, data: data, title: title, creationDate: TestDocuments.creation)
        scratch = try Scratch()
        path = try scratch.write(pdf.bytes, as: "document.pdf")
    }

    /// `pdftotext` output, pages separated by form feeds.
    func text(raw: Bool = false) throws -> String {
        try ExternalTool.output("pdftotext", (raw ? ["-raw"] : []) + ["-enc", "UTF-8", path, "-"])
    }

    /// The text of each page.
    func pageTexts(raw: Bool = false) throws -> [String] {
        var pages = try text(raw: raw).split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// `pdfinfo` fields.
    func info() throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try ExternalTool.output("pdfinfo", [path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// What `zbarimg` decodes on page `page` rasterised by `pdftoppm` at `dpi`.
    func decodeQR(page: Int, dpi: Int = 150) throws -> String {
        let prefix = scratch.path("page\(page)")
        _ = try ExternalTool.output("pdftoppm", ["-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-png", "-singlefile", path, prefix])
        return try ExternalTool.output("zbarimg", ["--raw", "-q", prefix + ".png"])
    }
}

extension String {
    /// Runs of whitespace (including no-break spaces and newlines) as one space, ends trimmed.
    var whitespaceNormalised: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
