import FolioApp
import Foundation

/// `folio preview LAYOUT.xml --sample DATA [--out DIR] [--config CONFIG] [--watch]`: renders one layout with a
/// sample (an ERP JSON document, any DIAN UBL XML, or display data as JSON) to `DIR/preview.pdf` and
/// `DIR/page-N.png`, printing diagnostics in gcc format. With `--watch` it re-renders whenever the layout, any
/// other layout beside it or the sample changes (polling modification times), until interrupted. Fonts and the
/// layout grammar are loaded once; the templates again only when a layout changed (``LivePreview``).
enum PreviewCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: ["sample", "out", "config"], flags: ["watch"])
        guard args.positional.count == 1, let sample = args.options["sample"] else {
            throw CommandLineArguments.UsageError(description: "preview needs LAYOUT.xml and --sample DATA")
        }
        let layoutPath = URL(fileURLWithPath: args.positional[0]).standardizedFileURL
        guard layoutPath.pathExtension == "xml" else {
            throw CommandLineArguments.UsageError(description: "preview needs a layout file ending in .xml")
        }
        let out = args.options["out"] ?? "preview"
        let configuration = try loadConfiguration(args.options["config"])
        let layoutsDirectory = layoutPath.deletingLastPathComponent().path
        let session = Session(
            preview: try LivePreview(
                layoutsDirectory: layoutsDirectory, fontsDirectory: FolioResources.locate().fonts,
                configuration: configuration, world: .live),
            layout: layoutPath.deletingPathExtension().lastPathComponent, sample: sample, out: out)
        guard args.flags.contains("watch") else {
            if !session.render() { exit(1) }
            return
        }
        print("watching \(layoutPath.path) and \(sample); Ctrl-C stops")
        var seen = session.fingerprint()
        _ = session.render()
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let now = session.fingerprint()
            if now != seen {
                seen = now
                _ = session.render()
            }
        }
    }

    /// One previewed layout and sample, rendered again and again.
    struct Session {
        var preview: LivePreview
        var layout: String
        var sample: String
        var out: String

        var layoutsDirectory: String { preview.layoutsDirectory }

        /// Modification times of every layout in the folder and of the sample.
        func fingerprint() -> [String: Date] {
            let manager = FileManager.default
            let files = ((try? manager.contentsOfDirectory(atPath: layoutsDirectory)) ?? [])
                .filter { $0.hasSuffix(".xml") }.map { layoutsDirectory + "/" + $0 } + [sample]
            var result: [String: Date] = [:]
            for file in files {
                result[file] = (try? manager.attributesOfItem(atPath: file))?[.modificationDate] as? Date
            }
            return result
        }

        /// Renders once; prints diagnostics or a summary. Returns false when nothing could be rendered.
        func render() -> Bool {
            let started = ContinuousClock.now
            do {
                let output = try preview.render(try readInput(sample), source: sample, layout: layout)
                try Self.writeFiles(pdf: output.pdf, pages: output.pngPages, to: out)
                for warning in output.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
                let elapsed = ContinuousClock.now - started
                let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                print("\(layout): \(output.pageCount) page\(output.pageCount == 1 ? "" : "s") in \(ms) ms → \(out)/preview.pdf")
                fflush(nil)
                return true
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                return false
            }
        }

        /// Writes `out/preview.pdf` and `out/page-N.png`, and removes the pages of a longer earlier rendering.
        static func writeFiles(pdf: [UInt8], pages: [[UInt8]], to out: String) throws {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try write(pdf, to: out + "/preview.pdf")
            for (index, page) in pages.enumerated() { try write(page, to: "\(out)/page-\(index + 1).png") }
            var stale = pages.count + 1
            while FileManager.default.fileExists(atPath: "\(out)/page-\(stale).png") {
                try? FileManager.default.removeItem(atPath: "\(out)/page-\(stale).png")
                stale += 1
            }
        }
    }
}
