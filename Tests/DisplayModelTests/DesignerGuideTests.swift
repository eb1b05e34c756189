import DisplayModel
import Foundation
import Testing

/// `Layouts/README.md` lists every display field of every production layout, so the designer guide cannot
/// drift from the model.
@Test(arguments: [DocumentDisplay.layoutName, EventDisplay.layoutName])
func designerGuideDocumentsEveryField(layout: String) throws {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let guide = try String(contentsOf: url.appendingPathComponent("Layouts/README.md"), encoding: .utf8)
    let undocumented = LayoutSchemas.production.schema(forLayout: layout).allPaths.filter { !guide.contains("`\($0)`") }
    #expect(undocumented == [], "\(layout)")
}
