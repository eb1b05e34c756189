import DocumentModel
import Testing

struct ApplicationResponseTests {
    // Names from DIAN.md §7 (RADIAN events) and DIAN's TiposEventos code list (02, 04).
    @Test(arguments: [
        ("02", "Documento validado por la DIAN"), ("04", "Documento rechazado por la DIAN"),
        ("030", "Acuse de recibo de la factura electrónica de venta"),
        ("031", "Reclamo de la factura electrónica de venta"), ("032", "Recibo del bien y/o prestación del servicio"),
        ("033", "Aceptación expresa"), ("034", "Aceptación tácita"),
    ])
    func namesTheKnownCodes(_ code: String, _ name: String) {
        #expect(ApplicationResponseCode.name(for: code) == name)
    }

    @Test func unknownCodesHaveNoNameAndOnlyDIANsAreVerdicts() {
        #expect(ApplicationResponseCode.name(for: "035") == nil)
        #expect(ApplicationResponseCode.name(for: "30") == nil)
        #expect(["02", "04"].allSatisfy(ApplicationResponseCode.isDIANVerdict))
        #expect(!["030", "031", "032", "033", "034", "2", ""].contains(where: ApplicationResponseCode.isDIANVerdict))
    }

    @Test func personFullNameSkipsAbsentParts() {
        let both = ApplicationResponseDocument.Person(
            identification: nil, firstName: "Andrea", familyName: "Gómez", jobTitle: nil, department: nil)
        #expect(both.fullName == "Andrea Gómez")
        let first = ApplicationResponseDocument.Person(
            identification: nil, firstName: "Andrea", familyName: nil, jobTitle: nil, department: nil)
        #expect(first.fullName == "Andrea")
        let none = ApplicationResponseDocument.Person(
            identification: nil, firstName: nil, familyName: nil, jobTitle: "Jefe", department: nil)
        #expect(none.fullName == "")
    }
}
