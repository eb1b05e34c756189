import FolioApp
import FolioTesting
import Foundation
import HTTPServer
import Testing

/// The designers' preview page in `folio serve`, over a working copy of `Layouts/` that the test edits.
@Suite struct PreviewPageTests {
    /// A resource root whose `Layouts/` is a private copy; fonts, schemas, code lists and samples are the checkout's.
    static func workingCopy() throws -> FolioResources {
        let root = try makeTemporaryDirectory(prefix: "preview-root")
        let manager = FileManager.default
        try manager.copyItem(at: TestWorld.root.appendingPathComponent("Layouts"), to: root.appendingPathComponent("Layouts"))
        for name in ["Fonts", "Schemas", "CodeLists", "Examples"] {
            try manager.createSymbolicLink(at: root.appendingPathComponent(name), withDestinationURL: TestWorld.root.appendingPathComponent(name))
        }
        return FolioResources(root: root.path)
    }

    static func get(_ router: Router, _ path: String, query: [String: String] = [:]) async -> HTTPResponse {
        await router.handle(HTTPRequest(method: "GET", path: path, query: query))
    }

    @Test func showsEveryPageAndFollowsTheDesignersSaves() async throws {
        let resources = try Self.workingCopy()
        let directory = try makeTemporaryDirectory(prefix: "preview")
        let config = try FolioConfiguration.load(path: try TestWorld.writeConfiguration(in: directory).path)
        let service = try FolioService(
            configuration: config, resources: resources, printQueue: RecordingPrintQueue(), world: .live)
        let router = service.router()

        let index = String(decoding: await Self.get(router, "/preview").body, as: UTF8.self)
        #expect(index.contains("credit-note.xml"))
        #expect(index.contains("/preview/invoice.xml?sample=04-long-description.json"))

        let sample = ["sample": "04-long-description.json"]
        let page = await Self.get(router, "/preview/invoice.xml", query: sample)
        #expect(page.status == 200)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("no diagnostics"))
        let images = html.components(separatedBy: "<img ").count - 1
        #expect(images >= 2)  // the 3,000-character description flows onto a second page
        let png = await Self.get(router, "/preview/invoice.xml/pages/1", query: sample)
        #expect(png.header("Content-Type") == "image/png")
        #expect(Array(png.body.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let before = String(decoding: await Self.get(router, "/preview/invoice.xml/version", query: sample).body, as: UTF8.self)

        // The designer saves a broken template: the page reloads (new version) and names the file and line.
        let file = URL(fileURLWithPath: resources.layouts).appendingPathComponent("invoice.xml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "<page ", with: "<page colr=\"red\" ")
        try await Task.sleep(for: .milliseconds(1100))  // a later modification time than the first rendering's
        try text.write(to: file, atomically: true, encoding: .utf8)
        let after = String(decoding: await Self.get(router, "/preview/invoice.xml/version", query: sample).body, as: UTF8.self)
        #expect(after != before)
        let broken = String(decoding: await Self.get(router, "/preview/invoice.xml", query: sample).body, as: UTF8.self)
        #expect(broken.contains("invoice.xml:"))
        #expect(broken.contains("colr"))
        #expect(!broken.contains("no diagnostics"))

        // Unknown names are 404, and nothing outside Layouts/ and the samples can be named.
        #expect(await Self.get(router, "/preview/nope.xml").status == 404)
        #expect(await Self.get(router, "/preview/invoice.xml", query: ["sample": "../../config.json"]).status == 404)
    }
}
