import Foundation
import HTTPServer

/// The designers' live preview in `folio serve`: `GET /preview` lists the layouts and the samples;
/// `GET /preview/{layout}?sample=NAME` shows the PNG pages and the diagnostics and reloads itself when a
/// layout or the sample changes on disk (it polls `…/version`). Layouts are read from the server's `Layouts/`
/// again after every change (``LivePreview``: the fonts only once), so a designer edits and watches without
/// restarting anything.
final class LayoutPreviewer: @unchecked Sendable {
    // @unchecked: `last` and `live` are only touched while `lock` is held.
    struct Rendering {
        var key: String
        var pages: [[UInt8]]
        var pageCount: Int
        var milliseconds: Int
        var problems: [String]
    }

    let resources: FolioResources
    let configuration: FolioConfiguration
    /// Held for a whole rendering: the page and its images asked for at once render once.
    private let lock = NSLock()
    private var last: Rendering?
    /// The fonts, grammar and templates, loaded at the first rendering and kept.
    private var live: LivePreview?

    init(resources: FolioResources, configuration: FolioConfiguration) {
        self.resources = resources
        self.configuration = configuration
    }

    var samplesDirectory: String { resources.root + "/Examples/documents" }

    func layouts() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: resources.layouts)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }

    func samples() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Changes whenever any layout, asset or the sample changes: the page reloads when it does.
    func version(sample: String) -> String {
        let manager = FileManager.default
        let files = layouts().map { resources.layouts + "/" + $0 } + [samplesDirectory + "/" + sample]
        let stamps = files.map { file -> String in
            let date = (try? manager.attributesOfItem(atPath: file))?[.modificationDate] as? Date
            return "\(file)=\(date?.timeIntervalSince1970 ?? 0)"
        }
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in stamps.joined(separator: "\n").utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(hash, radix: 16)
    }

    /// Renders (or reuses the rendering of this version of) `layout` with `sample`.
    func render(layout: String, sample: String) -> Rendering {
        let key = "\(layout)|\(sample)|\(version(sample: sample))"
        return lock.withLock {
            if let last, last.key == key { return last }
            let started = ContinuousClock.now
            var rendering = Rendering(key: key, pages: [], pageCount: 0, milliseconds: 0, problems: [])
            do {
                let preview = try live ?? LivePreview(
                    layoutsDirectory: resources.layouts, fontsDirectory: resources.fonts, configuration: configuration,
                    world: .live)
                live = preview
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: samplesDirectory + "/" + sample)))
                let output = try preview.render(bytes, source: sample, layout: String(layout.dropLast(4)))
                rendering.pages = output.pngPages
                rendering.pageCount = output.pageCount
                rendering.problems = output.warnings
            } catch {
                rendering.problems = "\(error)".split(separator: "\n").map(String.init)
            }
            let elapsed = ContinuousClock.now - started
            rendering.milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            last = rendering
            return rendering
        }
    }
}

extension FolioService {
    func addPreviewRoutes(to router: inout Router) {
        let previewer = LayoutPreviewer(resources: resources, configuration: configuration)
        router.add("GET", "/preview") { _, _ in
            let layouts = previewer.layouts()
            let samples = previewer.samples()
            var html = Self.page(title: "Folio — layout preview")
            html += "<p>Pick a layout and a sample; the page follows every save in <code>Layouts/</code>.</p><table>"
            html += "<tr><th>layout</th>" + samples.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr>"
            for layout in layouts {
                html += "<tr><td>\(Self.escape(layout))</td>"
                for sample in samples {
                    html += "<td><a href=\"/preview/\(Self.query(layout))?sample=\(Self.query(sample))\">open</a></td>"
                }
                html += "</tr>"
            }
            return Self.html(html + "</table></body></html>")
        }
        router.add("GET", "/preview/{layout}") { request, parameters in
            await self.answer {
                guard let (layout, sample) = Self.previewTarget(parameters["layout"]!, request, previewer) else {
                    return Self.html(Self.page(title: "not found") + "<p>No such layout or sample.</p>", status: 404)
                }
                let rendering = previewer.render(layout: layout, sample: sample)
                let version = previewer.version(sample: sample)
                var html = Self.page(title: "\(layout) — \(sample)")
                html += "<p><a href=\"/preview\">all layouts</a> · \(rendering.pageCount) page(s) in \(rendering.milliseconds) ms</p>"
                html += rendering.problems.isEmpty
                    ? "<p class=ok>no diagnostics</p>"
                    : "<ul class=problems>" + rendering.problems.map { "<li><code>\(Self.escape($0))</code></li>" }.joined() + "</ul>"
                for index in rendering.pages.indices {
                    html += "<img alt=\"page \(index + 1)\" src=\"/preview/\(Self.query(layout))/pages/\(index + 1)?sample=\(Self.query(sample))&amp;v=\(version)\">"
                }
                html += """
                    <script>
                    setInterval(async () => {
                      const answer = await fetch("/preview/\(Self.query(layout))/version?sample=\(Self.query(sample))");
                      if ((await answer.text()) !== "\(version)") location.reload();
                    }, 1000);
                    </script></body></html>
                    """
                return Self.html(html)
            }
        }
        router.add("GET", "/preview/{layout}/version") { request, parameters in
            guard let (_, sample) = Self.previewTarget(parameters["layout"]!, request, previewer) else {
                return .text("not found", status: 404)
            }
            return .text(previewer.version(sample: sample))
        }
        router.add("GET", "/preview/{layout}/pages/{page}") { request, parameters in
            await self.answer {
                guard let (layout, sample) = Self.previewTarget(parameters["layout"]!, request, previewer),
                    let page = Int(parameters["page"]!)
                else { return .text("not found", status: 404) }
                let rendering = previewer.render(layout: layout, sample: sample)
                guard rendering.pages.indices.contains(page - 1) else { return .text("no page \(page)", status: 404) }
                return HTTPResponse(
                    status: 200, headers: [("Content-Type", "image/png"), ("Cache-Control", "no-store")],
                    body: rendering.pages[page - 1])
            }
        }
    }

    /// The layout and sample a preview URL names, if both exist (names only: no paths).
    static func previewTarget(_ layout: String, _ request: HTTPRequest, _ previewer: LayoutPreviewer) -> (String, String)? {
        let sample = request.query["sample"] ?? previewer.samples().first ?? ""
        guard previewer.layouts().contains(layout), previewer.samples().contains(sample) else { return nil }
        return (layout, sample)
    }

    static func page(title: String) -> String {
        """
        <!doctype html><html lang="es"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;margin:1.5em;background:#eee}img{display:block;margin:1em 0;
        box-shadow:0 1px 4px #888;max-width:100%;background:#fff}.problems code{color:#a00}.ok{color:#070}
        td,th{padding:.2em .6em;text-align:left}</style></head><body><h1>\(escape(title))</h1>
        """
    }

    static func html(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(body.utf8))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
