import DisplayModel
import LayoutEngine
import LayoutTemplate

/// The fonts the tests pretend are in Fonts/.
let testFonts = FontCatalog(faces: [
    FontFace(family: "Test Sans"), FontFace(family: "Test Sans", weight: .bold), FontFace(family: "Test Mono"),
])

/// A small display schema for template tests.
let testSchema = DisplaySchema.record([
    "doc": .record(["number": .text, "title": .text, "qr": .text, "isCopy": .flag, "color": .text, "notes": .list(.text)]),
    "buyer": .record(["name": .text, "email": .text]),
    "lines": .list(.record(["code": .text, "description": .text, "total": .text])),
    "totals": .record(["payable": .text, "inWords": .text]),
])

func parse(_ xml: String, file: String = "test.xml") -> TemplateParseResult {
    TemplateParser.parse(source: Array(xml.utf8), file: file, schema: testSchema, fonts: testFonts)
}

/// A template whose source must be free of diagnostics.
func template(_ xml: String) throws -> Template {
    let result = parse(xml)
    guard let template = result.template, result.diagnostics.isEmpty else {
        throw TemplateProblem(message: result.renderedDiagnostics)
    }
    return template
}

struct TemplateProblem: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// `lines` with codes R1…Rn and the given descriptions (default: a one-word description).
func data(lines count: Int, description: (Int) -> String = { _ in "item" }) -> DisplayValue {
    .record([
        "doc": .record(["number": "F-1", "title": "FACTURA", "qr": "QR-PAYLOAD", "isCopy": false, "color": "#FF0000", "notes": .list([])]),
        "buyer": .record(["name": "Ana", "email": ""]),
        "lines": .list((1...max(1, count)).prefix(count).map { .record(["code": .text("R\($0)"), "description": .text(description($0)), "total": "9"]) }),
        "totals": .record(["payable": "$ 9,00", "inWords": "NUEVE PESOS M/CTE"]),
    ])
}

func layout(_ template: Template, _ data: DisplayValue) -> LayoutResult {
    Typesetter.layout(template, data: data, measurer: FixedSizeMeasurer())
}

/// Wraps body content in a layout with one 10pt font on a page `width`×`height` pt without margins.
func page(width: Int = 100, height: Int = 100, regions: String = "", body: String) -> String {
    """
    <layout version="1">
      <fonts><font family="Test Sans"/><font family="Test Sans" weight="bold"/></fonts>
      <page size="\(width)pt \(height)pt" margin="0" font-size="10pt">
    \(regions)
    \(body)
      </page>
    </layout>
    """
}
