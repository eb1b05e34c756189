import DIANClient
import DIANSimulator
import DocumentModel
import Foundation
import FolioTesting
import UBL

/// A test double for both security seams: it **checks nothing and signs nothing**. The documents these
/// tests send are unsigned UBL from UBLWriter (the Signing module is wired in by the lead, who re-runs
/// these tests with real XAdES and WS-Security). `rejectEnvelopes` makes the envelope check fail, to
/// exercise the simulator's InvalidSecurity path through the real seam.
struct UncheckedSecurity: EnvelopeSecurity, SimulatorSecurity {
    var rejectEnvelopes = false
    var rejectDocuments = false

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    func secure(_ envelope: [UInt8], now: Date) throws -> [UInt8] { envelope }

    func verifyEnvelope(_ envelope: [UInt8], now: Date) throws {
        if rejectEnvelopes { throw Refused(description: "test double refuses every envelope") }
    }

    func verifyDocument(_ signedXML: [UInt8]) throws {
        if rejectDocuments { throw Refused(description: "test double refuses every signature") }
    }

    func signApplicationResponse(_ unsignedXML: [UInt8], at: Date) throws -> [UInt8] { unsignedXML }
}

/// Paths inside the repository (the root is three levels above this file).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("Schemas/ubl-2.1").path
    static func schema(_ name: String) -> String { schemas + "/maindoc/" + name }
}

/// The annex's CUFE example (Anexo Técnico 1.9 §11.2, DIAN.md §1.2) as a whole invoice: every value of
/// the CUFE string is written here by hand, and so is the expected CUFE.
enum AnnexInvoice {
    static let technicalKey = "693ff6f2a553c3646a063436fd4dd9ded0311471"
    static let cufe = "8bb918b19ba22a694f1da11c643b5e9de39adf60311cf179179e9b33381030bcd4c3c3f156c506ed5908f9276f5bd9b4"
    /// 2019-01-16 10:00:00 in Bogotá (15:00 UTC), the annex example's issue date.
    static let issueDay = Date(timeIntervalSince1970: 1_547_650_800)

    static func amount(_ text: String) -> Amount { Amount(exactly: text)! }

    static let control = InvoiceControl(
        authorization: "18760000001", startDate: CalendarDate(year: 2019, month: 1, day: 1),
        endDate: CalendarDate(year: 2030, month: 1, day: 19), prefix: "3232", from: 1, to: 999_999)

    static let range = NumberingRange(
        resolutionNumber: "18760000001", resolutionDate: "2019-01-01", prefix: "3232", fromNumber: 1,
        toNumber: 999_999, validDateFrom: "2019-01-01", validDateTo: "2030-01-19", technicalKey: technicalKey)

    static func party(_ name: String, nit: String, dv: Int) -> Party {
        Party(
            personType: .legal, name: name, tradeName: nil,
            identification: Identification(type: .nit, number: nit, checkDigit: dv), taxLevelCodes: ["O-13"],
            taxScheme: .iva,
            address: Address(
                line: "Calle 1 # 2-3", cityCode: "11001", cityName: "Bogotá, D.C.", departmentCode: "11",
                departmentName: "Bogotá"),
            email: nil, phone: nil)
    }

    /// One line of 1,500,000.00 with IVA 19 % = 285,000.00; payable 1,785,000.00.
    static func document(number: String = "323200000129", uuid: String? = cufe) -> ElectronicDocument {
        let iva = TaxTotal(
            scheme: .iva, taxAmount: amount("285000.00"),
            subtotals: [
                TaxSubtotal(scheme: .iva, taxableAmount: amount("1500000.00"), taxAmount: amount("285000.00"), percent: 19)
            ])
        return ElectronicDocument(
            kind: .invoice, environment: .production, customizationID: "10", number: number, uniqueCode: uuid,
            issueDate: CalendarDate(year: 2019, month: 1, day: 16),
            issueTime: OffsetTime(hour: 10, minute: 53, second: 10, offsetMinutes: -300), dueDate: nil, typeCode: "01",
            notes: [], currency: "COP", orderReference: nil, billingReference: nil, discrepancy: nil,
            supplier: party("Emisor Anexo S.A.S.", nit: "700085371", dv: 1),
            customer: party("Adquiriente Anexo S.A.", nit: "800199436", dv: 4),
            paymentMeans: PaymentMeans(methodID: "1", code: "10"), taxTotals: [iva],
            totals: MonetaryTotal(
                lineExtensionAmount: amount("1500000.00"), taxExclusiveAmount: amount("1500000.00"),
                taxInclusiveAmount: amount("1785000.00"), payableAmount: amount("1785000.00")),
            lines: [
                DocumentLine(
                    id: 1, code: "A-1", description: "Servicio anexo", quantity: 1, unitCode: "94",
                    unitPrice: amount("1500000.00"), discount: .zero, lineExtensionAmount: amount("1500000.00"),
                    taxes: [iva])
            ],
            control: control,
            software: SoftwareProvider(
                providerNIT: "700085371", providerCheckDigit: 1, softwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0",
                securityCode: String(repeating: "a", count: 96)),
            qrText: "CUFE: \(uuid ?? "")")
    }

    /// The UBL bytes (unsigned: see ``UncheckedSecurity``) zipped under a DIAN file name.
    static func zip(_ document: ElectronicDocument = document()) throws -> (name: String, zip: [UInt8], xml: [UInt8]) {
        let xml = try UBLWriter.write(document)
        let names = try DIANFileName(kind: .invoice, nit: "700085371", year: 2019, sequence: 1)
        return (names.zip, try DIANZip.make(fileName: names.xml, xml: xml, modified: issueDay), xml)
    }
}

/// A running simulator on a free loopback port, stopped when the value goes away.
final class RunningSimulator {
    let simulator: DIANSimulator

    init(
        technicalKey: String = AnnexInvoice.technicalKey, security: UncheckedSecurity = UncheckedSecurity(),
        ranges: [NumberingRange] = [AnnexInvoice.range], now: Date = AnnexInvoice.issueDay
    ) throws {
        let configuration = SimulatorConfiguration(
            technicalKey: technicalKey, softwarePIN: "12301", ranges: ranges, schemasDirectory: Repository.schemas,
            now: { now })
        simulator = try DIANSimulator(configuration: configuration, security: security, port: try freePort())
        try simulator.start()
    }

    func client(timeout: Duration = .seconds(20)) -> DIANClient {
        DIANClient(endpoint: simulator.endpoint, security: UncheckedSecurity(), timeout: timeout, now: { AnnexInvoice.issueDay })
    }

    deinit { simulator.stop() }
}

/// Writes bytes to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    let directory = try makeTemporaryDirectory(prefix: "dian-client-tests")
    let path = directory.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// The annex's credit-note CUDE example (Anexo 1.9 §11.4, DIAN.md §1.2): software PIN 12301, producción.
enum AnnexCreditNote {
    static let cude = "907e4444decc9e59c160a2fb3b6659b33dc5b632a5008922b9a62f83f757b1c448e47f5867f2b50dbdb96f48c7681168"
    /// 2019-01-12 08:00 in Bogotá.
    static let day = Date(timeIntervalSince1970: 1_547_298_000)

    static func document() -> ElectronicDocument {
        let amount = AnnexInvoice.amount
        let iva = TaxTotal(
            scheme: .iva, taxAmount: amount("950.00"),
            subtotals: [TaxSubtotal(scheme: .iva, taxableAmount: amount("5000.00"), taxAmount: amount("950.00"), percent: 19)])
        var buyer = AnnexInvoice.party("Comprador Nota", nit: "8355990", dv: 0)
        buyer.identification = Identification(type: .cedulaCiudadania, number: "8355990")
        return ElectronicDocument(
            kind: .creditNote, environment: .production, customizationID: "20", number: "8110007871", uniqueCode: cude,
            issueDate: CalendarDate(year: 2019, month: 1, day: 12),
            issueTime: OffsetTime(hour: 7, minute: 0, second: 0, offsetMinutes: -300), dueDate: nil, typeCode: "91",
            notes: [], currency: "COP", orderReference: nil,
            billingReference: BillingReference(id: "323200000129", uuid: AnnexInvoice.cufe, issueDate: CalendarDate(year: 2019, month: 1, day: 16)),
            discrepancy: Discrepancy(referenceID: "323200000129", code: "2", description: "Anulación"),
            supplier: AnnexInvoice.party("Emisor Nota S.A.S.", nit: "900373076", dv: 4), customer: buyer,
            paymentMeans: PaymentMeans(methodID: "1", code: "10"), taxTotals: [iva],
            totals: MonetaryTotal(
                lineExtensionAmount: amount("5000.00"), taxExclusiveAmount: amount("5000.00"),
                taxInclusiveAmount: amount("5950.00"), payableAmount: amount("5950.00")),
            lines: [
                DocumentLine(
                    id: 1, code: nil, description: "Devolución", quantity: 1, unitCode: "94", unitPrice: amount("5000.00"),
                    discount: .zero, lineExtensionAmount: amount("5000.00"), taxes: [iva])
            ],
            control: nil,
            software: SoftwareProvider(
                providerNIT: "900373076", providerCheckDigit: 4, softwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0",
                securityCode: String(repeating: "b", count: 96)),
            qrText: "CUDE: \(cude)")
    }
}
