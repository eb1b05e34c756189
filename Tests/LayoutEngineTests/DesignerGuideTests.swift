import Foundation
import LayoutTemplate
import Testing

/// `Layouts/README.md` documents every element and every diagnostic code.
@Suite struct DesignerGuideTests {
    private let guide: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return (try? String(contentsOf: url.appendingPathComponent("Layouts/README.md"), encoding: .utf8)) ?? ""
    }()

    @Test func everyElementIsDocumented() {
        #expect(!guide.isEmpty)
        let missing = TemplateParser.vocabulary.keys.sorted().filter { !guide.contains("<\($0)") }
        #expect(missing == [])
    }

    @Test func everyAttributeIsDocumented() {
        let attributes = Set(TemplateParser.vocabulary.values.joined())
        let missing = attributes.sorted().filter { !guide.contains("`\($0)`") }
        #expect(missing == [])
    }

    @Test func everyDiagnosticCodeIsDocumented() {
        let missing = DiagnosticCode.all.map(\.rawValue).filter { !guide.contains("`\($0)`") }
        #expect(missing == [])
    }
}
