import DIANRules
import DIANValidation
import DocumentModel
import Foundation
import Intake
import Issuance
import UBL

/// Paths, code lists and documents shared by the validation tests. Every amount of a hand-built document is
/// written here, computed on paper.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let codeListDirectory = root.appendingPathComponent("CodeLists").path

    private static let loaded = Result { try CodeLists(directory: codeListDirectory) }
    static func validator() throws -> DocumentValidator { DocumentValidator(codeLists: try loaded.get()) }

    /// 2026-12-03T16:00:00Z = 11:00:00 in Bogotá.
    static let instant = Date(timeIntervalSince1970: 1_796_313_600)
    static let today = CalendarDate(year: 2026, month: 12, day: 3)

    static let resolution = NumberingResolution(
        authorization: "18760000001", prefix: "SETP", from: 990_000_000, to: 995_000_000,
        validFrom: CalendarDate(year: 2019, month: 1, day: 19), validTo: CalendarDate(year: 2030, month: 1, day: 19),
        technicalKey: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c")

    /// The issuer of Examples/config.json.
    static let issuer = IssuerProfile(
        companyID: "folio-demo",
        supplier: Party(
            personType: .legal, name: "Folio Demo S.A.S.", tradeName: "Folio Demo",
            identification: Identification(type: .nit, number: "900108281", checkDigit: 3), taxLevelCodes: ["O-13", "O-23"],
            taxScheme: .iva,
            address: Address(
                line: "Calle 93B # 13-44, Oficina 501", cityCode: "11001", cityName: "Bogotá, D.C.", departmentCode: "11",
                departmentName: "Bogotá", postalCode: "110221")),
        resolution: resolution, environment: .testing, softwareID: "7b2f1a4c-3d5e-4f60-8a91-b2c3d4e5f607",
        softwarePIN: "12345", providerNIT: "900108281")

    static let context = ValidationContext(resolution: resolution, signingDate: today, softwarePIN: "12345")

    /// Validates `document` after re-sealing it: its CUFE/CUDE and SoftwareSecurityCode recomputed over what it
    /// now says, as software that writes a wrong field but hashes what it wrote would do. Only FAD06/FAB19b
    /// tests validate unsealed documents.
    static func check(
        _ document: ElectronicDocument, context: ValidationContext = context, validator: DocumentValidator? = nil
    ) throws -> [Finding] {
        var sealed = document
        let key = document.kind == .invoice ? (context.resolution?.technicalKey ?? "") : "12345"
        sealed.uniqueCode = UniqueCode.compute(UniqueCode.fields(of: sealed, key: key))
        if let software = sealed.software {
            sealed.software?.securityCode = UniqueCode.softwareSecurityCode(softwareID: software.softwareID, pin: "12345", number: sealed.number)
        }
        return try (validator ?? Self.validator()).validate(sealed, context: context)
    }

    static func amount(_ text: String) -> Amount { Amount(exactly: text)! }

    static let buyer = Party(
        personType: .legal, name: "Distribuidora Andina S.A.S.",
        identification: Identification(type: .nit, number: "860034313", checkDigit: 7), taxLevelCodes: ["O-13"],
        taxScheme: .iva,
        address: Address(line: "Carrera 7 # 71-21", cityCode: "05001", cityName: "Medellín", departmentCode: "05", departmentName: "Antioquia"),
        email: "compras@andina.example")

    /// 10 × 18,500.00 = 185,000.00 at IVA 19 % (35,150.00) and 2 × 45,000.00 = 90,000.00 at IVA 0 %:
    /// line extension 275,000.00, taxable 275,000.00, IVA 35,150.00, payable 310,150.00. Credit sale due 2026-12-31.
    static let draft = DocumentDraft(
        kind: .invoice, erpReference: "TEST-1", company: "folio-demo", customer: buyer,
        lines: [
            DraftLine(
                code: "P-1", description: "Resma papel carta", quantity: 10, unitCode: "94", unitPrice: amount("18500.00"),
                taxes: [TaxRate(scheme: .iva, percent: 19)]),
            DraftLine(
                code: "L-2", description: "Libro técnico", quantity: 2, unitCode: "94", unitPrice: amount("45000.00"),
                taxes: [TaxRate(scheme: .iva, percent: 0)]),
        ],
        paymentMeans: PaymentMeans(methodID: "2", code: "42", dueDate: CalendarDate(year: 2026, month: 12, day: 31)))

    /// The valid invoice every rule test starts from (built by Folio's own builder, number SETP990000001).
    static func invoice() -> ElectronicDocument {
        DocumentBuilder.build(draft, issuer: issuer, sequence: 990_000_001, at: instant)
    }

    /// A valid credit note voiding that invoice (concept 2, CustomizationID 20).
    static func creditNote() -> ElectronicDocument {
        var note = draft
        note.kind = .creditNote
        note.billingReference = BillingReference(id: "SETP990000001", uuid: invoice().uniqueCode, issueDate: today)
        note.discrepancy = Discrepancy(referenceID: "SETP990000001", code: "2", description: "Anulación de factura electrónica")
        note.paymentMeans = PaymentMeans(methodID: "1", code: "10")
        return DocumentBuilder.build(note, issuer: issuer, number: "NC1", at: instant)
    }

    /// A valid debit note charging interest on that invoice (concept 1, CustomizationID 30).
    static func debitNote() -> ElectronicDocument {
        var note = draft
        note.kind = .debitNote
        note.billingReference = BillingReference(id: "SETP990000001", uuid: invoice().uniqueCode, issueDate: today)
        note.discrepancy = Discrepancy(referenceID: "SETP990000001", code: "1", description: "Intereses")
        note.paymentMeans = PaymentMeans(methodID: "1", code: "10")
        return DocumentBuilder.build(note, issuer: issuer, number: "ND1", at: instant)
    }

    static func example(_ name: String) throws -> DocumentDraft {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("Examples/documents/\(name)")))
        return try ERPDocumentReader.read(bytes, source: name)
    }

    static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples/documents").path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    static func fixture(_ name: String) throws -> ElectronicDocument {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("Tests/UBLTests/Fixtures/\(name)")))
        return try UBLReader.read(bytes, sourceName: name)
    }
}
