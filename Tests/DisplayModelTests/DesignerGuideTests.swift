import DisplayModel
import Foundation
import Testing

/// `Layouts/README.md` lists every display field, so the designer guide cannot drift from the model.
@Test func designerGuideDocumentsEveryField() throws {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let guide = try String(contentsOf: url.appendingPathComponent("Layouts/README.md"), encoding: .utf8)
    let undocumented = DocumentDisplay.schema.allPaths.filter { !guide.contains("`\($0)`") }
    #expect(undocumented == [])
}
