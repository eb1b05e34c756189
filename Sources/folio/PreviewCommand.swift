import FolioApp
import Foundation

/// `folio preview LAYOUT.xml --sample DATA [--out DIR] [--config CONFIG] [--watch]`: renders one layout with a
/// sample (an ERP JSON document, any DIAN UBL XML, or display data as JSON) to `DIR/preview.pdf` and
/// `DIR/page-N.png`, printing diagnostics in gcc format. With `--watch` it re-renders whenever the layout, any
/// other layout beside it or the sample changes (polling modification times), until interrupted.
enum PreviewCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: ["sample", "out", "config"], flags: ["watch"])
        guard args.positional.count == 1, let sample = args.options["sample"] else {
            throw CommandLineArguments.UsageError(description: "preview needs LAYOUT.xml and --sample DATA")
        }
        let layoutPath = URL(fileURLWithPath: args.positional[0]).standardized
        guard layoutPath.pathExtension == "xml" else {
            throw CommandLineArguments.UsageError(description: "preview needs a layout file ending in .xml")
        }
        let out = args.options["out"] ?? "preview"
        let configuration = try loadConfiguration(args.options["config"])
        let session = Session(
            layoutsDirectory: layoutPath.deletingLastPathComponent().path,
            layout: layoutPath.deletingPathExtension().lastPathComponent, sample: sample, out: out,
            configuration: configuration)
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

    struct Session {
        var layoutsDirectory: String
        var layout: String
        var sample: String
        var out: String
        var configuration: FolioConfiguration?

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
                let preview = try DocumentPreview(
                    layoutsDirectory: layoutsDirectory, fontsDirectory: FolioResources.locate().fonts,
                    configuration: configuration, world: .live)
                let output = try preview.render(try readInput(sample), source: sample, png: true, layout: layout)
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try write(output.pdf, to: out + "/preview.pdf")
                for (index, page) in output.pngPages.enumerated() { try write(page, to: "\(out)/page-\(index + 1).png") }
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
    }
}
