import Foundation
import Render
import Testing

/// Golden PNGs and frame-dump snapshots next to the tests (`Goldens/`, `Snapshots/`).
///
/// A missing reference is written and the test fails (so a new golden is always looked at); with
/// `RECORD_SNAPSHOTS=1` every reference is re-recorded. A PNG that differs by more than `tolerance` per
/// channel in more than `maximumDifferingFraction` of its pixels fails, and `expected.png`, `actual.png` and
/// `diff.png` (mismatches in red) are written under `.build/golden-failures/<name>/`.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func checkPNG(
        _ actual: [UInt8], named name: String, tolerance: Int = 2, maximumDifferingFraction: Double = 0.001,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.appendingPathComponent("Goldens/\(name).png")
        guard !recording, let expected = FileManager.default.contents(atPath: url.path) else {
            try Data(actual).write(to: url)
            Issue.record(Comment(rawValue: "recorded Goldens/\(name).png (\(actual.count) bytes); check it and run again"), sourceLocation: sourceLocation)
            return
        }
        #expect(expected.count <= 20 * 1024, "golden \(name) is larger than 20 KiB", sourceLocation: sourceLocation)
        let expectedImage = try RasterImage(png: [UInt8](expected))
        let actualImage = try RasterImage(png: actual)
        let (differing, diff) = expectedImage.difference(from: actualImage, tolerance: tolerance)
        let fraction = Double(differing) / Double(max(1, expectedImage.pixels.count))
        if fraction > maximumDifferingFraction {
            let failures = Repository.root + "/.build/golden-failures/\(name)"
            try FileManager.default.createDirectory(atPath: failures, withIntermediateDirectories: true)
            try Data(expected).write(to: URL(fileURLWithPath: failures + "/expected.png"))
            try Data(actual).write(to: URL(fileURLWithPath: failures + "/actual.png"))
            try Data(try diff.png()).write(to: URL(fileURLWithPath: failures + "/diff.png"))
            let sizes = "\(expectedImage.width)x\(expectedImage.height) expected, \(actualImage.width)x\(actualImage.height) actual"
            let message = "\(name): \(differing) of \(expectedImage.pixels.count) pixels differ (\(sizes)); see \(failures)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    static func checkText(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent("Snapshots/\(name).txt")
        guard !recording, let data = FileManager.default.contents(atPath: url.path) else {
            try Data((actual + "\n").utf8).write(to: url)
            Issue.record(Comment(rawValue: "recorded Snapshots/\(name).txt; check it and run again"), sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual + "\n" == expected, "Snapshots/\(name).txt differs (RECORD_SNAPSHOTS=1 re-records)", sourceLocation: sourceLocation)
    }
}
