import FolioApp
import Foundation
import Render

/// `folio bench preview [--layout L.xml] [--sample DATA] [--config CONFIG] [--iterations N]`
///
/// What a designer's save costs in `folio preview --watch`: on a copy of the layout's folder (the real one is
/// never touched), each iteration saves the layout with a different comment at its end — a changed file, so
/// every layout is read and checked again — and renders the PDF and every page as a PNG (2 pixels per point)
/// and writes them to a temporary folder, as the watcher does after a save. Two ways, alternating, in the
/// same run:
/// - `new`: one ``LivePreview`` kept across saves (fonts and grammar loaded once, one layout pass for the PDF
///   and the PNGs, pages compressed in parallel);
/// - `old`: what every save did before — a new ``DocumentPreview`` (fonts, grammar and every template), the
///   PDF, then a second layout pass for the PNGs, compressed one after another.
/// Prints the pages, the median and p90 wall-clock milliseconds of each way and their ratio, the old way's
/// stages, and whether both gave the same PNG pages. The default is the three-page invoice sample
/// (`Examples/documents/07-three-pages.json` with `Layouts/invoice.xml` and `Examples/config.json`).
func runPreviewBenchmark(_ arguments: [String]) throws -> Int32 {
    let args = try CommandLineArguments(arguments[...], options: ["layout", "sample", "config", "iterations"])
    let resources = FolioResources.locate()
    let layoutPath = URL(fileURLWithPath: args.options["layout"] ?? resources.layouts + "/invoice.xml").standardizedFileURL
    let samplePath = args.options["sample"] ?? resources.root + "/Examples/documents/07-three-pages.json"
    let configuration = try loadConfiguration(args.options["config"] ?? resources.root + "/Examples/config.json")
    guard let iterations = Int(args.options["iterations"] ?? "20"), iterations > 0 else {
        throw CommandLineArguments.UsageError(description: "--iterations needs a positive number")
    }
    let layout = layoutPath.deletingPathExtension().lastPathComponent

    // A private copy of the layouts folder (templates, assets, grammar) whose layout each iteration saves.
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-preview-\(getpid())")
    try? FileManager.default.removeItem(at: work)
    defer { try? FileManager.default.removeItem(at: work) }
    let layouts = work.appendingPathComponent("Layouts")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: layoutPath.deletingLastPathComponent(), to: layouts)
    let copy = layouts.appendingPathComponent(layoutPath.lastPathComponent)
    let original = try Data(contentsOf: copy)
    var saves = 0
    func save() throws {
        saves += 1
        try (original + Data("\n<!-- bench save \(saves) -->\n".utf8)).write(to: copy)
    }

    // One instant for every rendering: a draft's issue date and time are drawn, and both ways must match.
    let instant = Date()
    let world = FolioWorld(now: { instant })
    let startStart = DispatchTime.now().uptimeNanoseconds
    let live = try LivePreview(
        layoutsDirectory: layouts.path, fontsDirectory: resources.fonts, configuration: configuration, world: world)
    let startMS = milliseconds(since: startStart)

    /// One save rendered the new way; returns the output (the watcher's files are written too).
    func renderNew() throws -> DocumentPreview.Output {
        let output = try live.render(try readInput(samplePath), source: samplePath, layout: layout)
        try PreviewCommand.Session.writeFiles(pdf: output.pdf, pages: output.pngPages, to: work.appendingPathComponent("new").path)
        return output
    }
    var stages: [String: [Double]] = [:]
    /// One save rendered the old way, stage by stage.
    func renderOld() throws -> (pageCount: Int, pdf: [UInt8], pngPages: [[UInt8]]) {
        var mark = DispatchTime.now().uptimeNanoseconds
        func stage(_ name: String) {
            stages[name, default: []].append(milliseconds(since: mark))
            mark = DispatchTime.now().uptimeNanoseconds
        }
        let preview = try DocumentPreview(
            layoutsDirectory: layouts.path, fontsDirectory: resources.fonts, configuration: configuration, world: world)
        stage("load fonts+grammar+templates")
        let display = try preview.display(of: try readInput(samplePath), source: samplePath, layout: layout)
        stage("sample to display data")
        let pdf = try preview.renderer.renderPDF(layout: display.layout, data: display.data, title: display.title, creationDate: instant)
        stage("PDF (layout + draw)")
        let pages = try preview.renderer.renderPNG(layout: display.layout, data: display.data, scale: DocumentPreview.pngScale)
        stage("PNG (layout + draw + compress, serial)")
        try PreviewCommand.Session.writeFiles(pdf: pdf.bytes, pages: pages, to: work.appendingPathComponent("old").path)
        stage("write files")
        _ = try preview.renderer.frames(layout: display.layout, data: display.data)
        stages["(layout pass alone, not in the total)", default: []].append(milliseconds(since: mark))
        return (pdf.pageCount, pdf.bytes, pages)
    }

    // The watcher's first rendering, and one of the old way: neither is timed.
    let first = try renderNew()
    let reference = try renderOld()
    stages = [:]
    var newTimes: [Double] = []
    var oldTimes: [Double] = []
    var newCPU: [Double] = []
    var oldCPU: [Double] = []
    for iteration in 0..<iterations {
        // Alternate which way goes first, so a noisy neighbour hurts both alike.
        for way in iteration % 2 == 0 ? ["new", "old"] : ["old", "new"] {
            try save()
            let cpu = processCPUSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            if way == "new" {
                _ = try renderNew()
                newTimes.append(milliseconds(since: start))
                newCPU.append((processCPUSeconds() - cpu) * 1e3)
            } else {
                _ = try renderOld()
                oldTimes.append(milliseconds(since: start))
                oldCPU.append((processCPUSeconds() - cpu) * 1e3)
            }
        }
    }
    let loads = live.templateLoads
    let samePixels = try first.pngPages.map(RasterImage.init(png:)) == reference.pngPages.map(RasterImage.init(png:))
    let sizes = first.pngPages.compactMap { try? RasterImage(png: $0) }.map { "\($0.width)x\($0.height)" }
    print("layout \(layout), sample \((samplePath as NSString).lastPathComponent): pages=\(first.pageCount) png=\(sizes.joined(separator: ","))")
    print("same PNG pixels both ways: \(first.pageCount == reference.pageCount && samePixels ? "yes" : "NO"); same PDF bytes: \(first.pdf == reference.pdf ? "yes" : "NO")")
    print("new (kept fonts, one pass, parallel PNG): median_ms=\(format(median(newTimes))) p90_ms=\(format(percentile(newTimes, 0.9))) cpu_median_ms=\(format(median(newCPU))) n=\(newTimes.count)")
    print("old (full reload, two passes, serial PNG): median_ms=\(format(median(oldTimes))) p90_ms=\(format(percentile(oldTimes, 0.9))) cpu_median_ms=\(format(median(oldCPU))) n=\(oldTimes.count)")
    print("ratio old/new (medians): \(format(median(oldTimes) / median(newTimes), digits: 2))x")
    print("old stages, median ms:")
    for (name, values) in stages.sorted(by: { $0.key < $1.key }) { print("  \(name): \(format(median(values)))") }
    print("new: watcher start (fonts + grammar) \(format(startMS)) ms once; templates loaded \(loads) times for \(iterations + 1) renders")
    return samePixels && first.pdf == reference.pdf ? 0 : 1
}

private func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// User + system CPU time of the whole process (all threads), in seconds.
private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

private func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

/// The value at `fraction` of the sorted values (nearest rank).
private func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let rank = Int((Double(values.count) * fraction).rounded(.up))
    return values.sorted()[min(values.count, max(rank, 1)) - 1]
}

private func format(_ value: Double, digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
