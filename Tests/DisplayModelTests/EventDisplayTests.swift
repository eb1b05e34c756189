import DisplayModel
import DocumentModel
import Testing

@Suite struct EventDisplayTests {
    private let acuse = EventDisplay.make(
        SampleEvent.acuse(), branding: Branding(logoPath: "assets/logo.png", legalTexts: ["Texto legal."]))
    private let rejection = EventDisplay.make(SampleEvent.dianRejection(), branding: Branding())

    @Test func eventFields() {
        #expect(acuse[path: "event.title"]?.text == "EVENTO RADIAN 030 — ACUSE DE RECIBO DE LA FACTURA ELECTRÓNICA DE VENTA")
        #expect(acuse[path: "event.number"]?.text == "EVT-001")
        #expect(acuse[path: "event.codeLabel"]?.text == "CUDE")
        #expect(acuse[path: "event.code"]?.text == "0d91ba25b01f")
        #expect(acuse[path: "event.issueDate"]?.text == "10/03/2024")
        #expect(acuse[path: "event.issueTime"]?.text == "14:22:00")
        #expect(acuse[path: "event.environment"]?.text == "Pruebas")
        #expect(acuse[path: "event.responseCode"]?.text == "030")
        #expect(acuse[path: "event.responseName"]?.text == "Acuse de recibo de la factura electrónica de venta")
        #expect(acuse[path: "event.response"]?.text == "030 – Acuse de recibo de la factura electrónica de venta")
        #expect(acuse[path: "event.responseDescription"]?.text == "")
        #expect(acuse[path: "event.notes"] == .list([.text("Recibida en la bodega 3.")]))
        #expect(acuse[path: "event.isDIANResponse"] == .flag(false))
    }

    @Test func partiesReferenceAndPerson() {
        #expect(acuse[path: "sender.name"]?.text == "José Peña & Hijos Ñandú S.A.S.")
        #expect(acuse[path: "sender.id"]?.text == "NIT 860.069.804-2")
        #expect(acuse[path: "sender.idLabel"]?.text == "NIT")
        #expect(acuse[path: "sender.idNumber"]?.text == "860.069.804-2")
        #expect(acuse[path: "receiver.name"]?.text == "Distribuidora Ñandú Andina S.A.S.")
        #expect(acuse[path: "receiver.id"]?.text == "NIT 900.108.281-3")
        #expect(acuse[path: "reference.number"]?.text == "SETP990000042")
        #expect(acuse[path: "reference.typeCode"]?.text == "01")
        #expect(acuse[path: "reference.typeName"]?.text == "Factura electrónica de venta")
        #expect(acuse[path: "reference.codeLabel"]?.text == "CUFE")
        #expect(acuse[path: "reference.code"]?.text == "8bb7f4e5")
        #expect(acuse[path: "person.name"]?.text == "Andrea Gómez")
        #expect(acuse[path: "person.id"]?.text == "C.C. 1.020.304.050")
        #expect(acuse[path: "person.jobTitle"]?.text == "Analista de recepción")
        #expect(acuse[path: "person.department"]?.text == "Compras")
        #expect(acuse[path: "findings"] == .list([]))
        #expect(acuse[path: "branding.logo"]?.text == "assets/logo.png")
        #expect(acuse[path: "branding.tradeName"]?.text == "")
        #expect(acuse[path: "branding.primaryColor"]?.text == "#14306E")
    }

    @Test func dianRejectionShowsItsVerdictAndFindings() throws {
        #expect(rejection[path: "event.title"]?.text == "RESPUESTA DE LA DIAN")
        #expect(rejection[path: "event.response"]?.text == "04 – Documento rechazado por la DIAN")
        #expect(rejection[path: "event.responseDescription"]?.text == "Documento con errores en campos mandatorios.")
        #expect(rejection[path: "event.isDIANResponse"] == .flag(true))
        #expect(rejection[path: "event.environment"]?.text == "")
        #expect(rejection[path: "event.codeLabel"]?.text == "CUDE")
        #expect(rejection[path: "event.code"]?.text == "")
        #expect(rejection[path: "sender.id"]?.text == "NIT 800.197.268-4")
        #expect(rejection[path: "receiver.name"]?.text == "")
        #expect(rejection[path: "receiver.id"]?.text == "NIT 900.108.281")  // no DV in the document, none printed
        #expect(rejection[path: "reference.typeName"]?.text == "")
        #expect(rejection[path: "reference.codeLabel"]?.text == "CUFE")
        #expect(rejection[path: "person.name"]?.text == "")
        let findings = try #require(rejection[path: "findings"]?.items)
        #expect(findings.map { $0[path: "code"]?.text } == ["FAJ43b", "FAD06"])
        #expect(findings[1][path: "description"]?.text == "Primera línea\nSegunda línea")
    }

    @Test func codesOutsideTheTableUseTheDocumentsDescription() {
        let aval = EventDisplay.make(SampleEvent.acuse(code: "035", description: "Aval"), branding: Branding())
        #expect(aval[path: "event.title"]?.text == "EVENTO RADIAN 035")
        #expect(aval[path: "event.responseName"]?.text == "Aval")
        #expect(aval[path: "event.response"]?.text == "035 – Aval")
        #expect(aval[path: "event.responseDescription"]?.text == "")
        let bare = EventDisplay.make(SampleEvent.acuse(code: "099"), branding: Branding())
        #expect(bare[path: "event.title"]?.text == "EVENTO RADIAN 099")
        #expect(bare[path: "event.response"]?.text == "099")
        // A known code keeps the table's name; the document's own wording is shown beside it.
        let worded = EventDisplay.make(
            SampleEvent.acuse(code: "033", description: "Aceptación expresa de la factura"), branding: Branding())
        #expect(worded[path: "event.title"]?.text == "EVENTO RADIAN 033 — ACEPTACIÓN EXPRESA")
        #expect(worded[path: "event.responseDescription"]?.text == "Aceptación expresa de la factura")
    }

    @Test(arguments: ["030", "031", "032", "033", "034", "035", "02"])
    func outputHasExactlyTheSchemasShape(code: String) {
        let value = EventDisplay.make(SampleEvent.acuse(code: code), branding: Branding(legalTexts: ["x"]))
        #expect(EventDisplay.schema.mismatches(in: value, allowExtraFields: false) == [])
        let rejection = EventDisplay.make(SampleEvent.dianRejection(), branding: Branding())
        #expect(EventDisplay.schema.mismatches(in: rejection, allowExtraFields: false) == [])
    }

    @Test func eachProductionLayoutHasItsSchema() {
        let schemas = LayoutSchemas.production
        #expect(schemas.schema(forLayout: "event") == EventDisplay.schema)
        #expect(schemas.schema(forLayout: "invoice") == DocumentDisplay.schema)
        #expect(schemas.schema(forLayout: "preview-de-prueba") == DocumentDisplay.schema)
        #expect(EventDisplay.schema != DocumentDisplay.schema)
        let single = LayoutSchemas(default: .record(["x": .text]))
        #expect(single.schema(forLayout: "event") == .record(["x": .text]))
    }
}
