import DisplayModel
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

/// The bindings shown in the guide's formatter table load cleanly against the real display schema.
@Suite struct DesignerGuideFormatterExamples {
    @Test func everyFormatterExampleLoads() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let guide = try String(contentsOf: url.appendingPathComponent("Layouts/README.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "### Formatters"))
        let end = try #require(guide.range(of: "### Loops and conditions"))
        let section = guide[start.upperBound..<end.lowerBound]
        let examples = section.components(separatedBy: "`").filter { $0.hasPrefix("{") && $0.contains("\\|") }
            .map { $0.replacingOccurrences(of: "\\|", with: "|") }
        #expect(examples.count >= 8)
        for example in examples {
            let source = """
                <layout version="1">
                  <fonts><font family="Test Sans"/></fonts>
                  <page><block each="line in lines"><text>\(example)</text></block></page>
                </layout>
                """
            let result = TemplateParser.parse(source: Array(source.utf8), file: "guide.xml", schema: DocumentDisplay.schema, fonts: testFonts)
            #expect(result.diagnostics == [], "\(example): \(result.renderedDiagnostics)")
        }
    }
}
