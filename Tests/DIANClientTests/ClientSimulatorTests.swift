import DIANClient
import DIANSimulator
import DocumentModel
import FolioTesting
import Foundation
import Testing
import Synchronization
import UBL

/// The client against the simulator on loopback, one operation after another.
@Suite("DIAN client ↔ simulator", .serialized)
struct ClientSimulatorTests {
    @Test("an invoice with the annex CUFE is accepted with DIAN's ApplicationResponse 02")
    func accepted() throws {
        let running = try RunningSimulator()
        let package = try AnnexInvoice.zip()
        let response = try running.client().sendBillSync(fileName: package.name, zip: package.zip)
        #expect(response.isAccepted, "\(response.messages)")
        #expect(response.statusCode == "00")
        #expect(response.statusDescription == "Procesado Correctamente.")
        #expect(response.statusMessage == "La Factura electrónica 323200000129, ha sido autorizada.")
        #expect(response.documentKey == AnnexInvoice.cufe)
        // The issue date is today on the simulator's clock: no notification.
        #expect(response.messages.isEmpty)
        let xml = try #require(response.applicationResponse)
        // xmllint (independent) validates DIAN's ApplicationResponse against the UBL 2.1 XSD.
        let path = try temporaryFile(xml, name: "ar.xml")
        let lint = try TestProcess.run(
            "xmllint", ["--noout", "--schema", Repository.schema("UBL-ApplicationResponse-2.1.xsd"), path])
        #expect(lint.status == 0, "\(lint.stderr)")
        let read = try UBLReader.readApplicationResponse(xml, sourceName: "ar.xml")
        #expect(read.responseCode == "02")
        #expect(read.sender.identification.number == "800197268")
        #expect(read.receiver.identification.number == "700085371")
        #expect(read.reference.id == "323200000129")
        #expect(read.reference.uuid == AnnexInvoice.cufe)
        #expect(read.reference.uuidScheme == "CUFE-SHA384")
        try response.requireAccepted()
    }

    @Test("GetStatus answers the stored verdict again; an unknown CUFE answers 66")
    func getStatus() throws {
        let running = try RunningSimulator()
        let client = running.client()
        let package = try AnnexInvoice.zip()
        let sent = try client.sendBillSync(fileName: package.name, zip: package.zip)
        let again = try client.getStatus(trackId: AnnexInvoice.cufe)
        #expect(again == sent)
        let unknown = try client.getStatus(trackId: String(repeating: "0", count: 96))
        #expect(!unknown.isValid && unknown.statusCode == "66" && unknown.isNotFound)
    }

    @Test("an accepted document sent again is rule 90, and GetStatus still answers the acceptance")
    func duplicate() throws {
        let running = try RunningSimulator()
        let client = running.client()
        let package = try AnnexInvoice.zip()
        _ = try client.sendBillSync(fileName: package.name, zip: package.zip)
        let second = try client.sendBillSync(fileName: package.name, zip: package.zip)
        #expect(!second.isValid && second.statusCode == "99")
        #expect(second.rejections.map(\.rule) == ["90"])
        #expect(second.messages.first?.text == "Regla: 90, Rechazo: Documento con CUFE \(AnnexInvoice.cufe) procesado anteriormente.")
        #expect(try client.getStatus(trackId: AnnexInvoice.cufe).isAccepted)
    }

    @Test("a CUFE that does not match the simulator's technical key is rejected with FAD06")
    func cufeMismatch() throws {
        let running = try RunningSimulator(technicalKey: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c")
        let package = try AnnexInvoice.zip()
        let response = try running.client().sendBillSync(fileName: package.name, zip: package.zip)
        #expect(!response.isValid && response.statusCode == "99")
        #expect(response.statusDescription == "Validación contiene errores en campos mandatorios.")
        #expect(response.messages.map(\.text) == ["Regla: FAD06, Rechazo: Valor del CUFE no está calculado correctamente."])
        #expect(response.applicationResponse == nil)
        #expect {
            try response.requireAccepted()
        } throws: { error in
            (error as? DIANClientError).map { $0.code == .rejected && !$0.isRetryable } ?? false
        }
        // The rejection is remembered under the declared CUFE too.
        #expect(try running.client().getStatus(trackId: AnnexInvoice.cufe).statusCode == "99")
    }

    @Test("a document that breaks the UBL 2.1 XSD is rejected with the schema's message")
    func schemaInvalid() throws {
        let running = try RunningSimulator()
        let xml = try UBLWriter.write(AnnexInvoice.document())
        let broken = String(decoding: xml, as: UTF8.self).replacingOccurrences(
            of: "<cbc:LineCountNumeric>", with: "<cbc:Colour>rojo</cbc:Colour><cbc:LineCountNumeric>")
        #expect(broken != String(decoding: xml, as: UTF8.self))
        let zip = try DIANZip.make(fileName: "fv.xml", xml: Array(broken.utf8), modified: AnnexInvoice.issueDay)
        let response = try running.client().sendBillSync(fileName: "z.zip", zip: zip)
        #expect(!response.isValid && response.statusCode == "99")
        #expect(response.rejections.first?.rule == "ZB02")
        #expect(response.rejections.first?.message.contains("Colour") == true, "\(response.messages)")
    }

    @Test("rules: number outside the range, issue date after today, wrong payable total")
    func rules() throws {
        let running = try RunningSimulator(now: Date(timeIntervalSince1970: 1_547_564_400))  // 2019-01-15 10:00 Bogotá
        var document = AnnexInvoice.document(number: "3232999999999")
        document.totals.payableAmount = Amount(exactly: "1785010.00")!
        let response = try running.client().sendBillSync(fileName: "z.zip", zip: try AnnexInvoice.zip(document).zip)
        let rules = Set(response.rejections.compactMap(\.rule))
        #expect(rules.isSuperset(of: ["FAD06", "FAD05b", "FAD09a", "FAU14"]), "\(response.messages)")
    }

    @Test("a bad signature (through the seam) is rule ZE02")
    func badSignature() throws {
        let running = try RunningSimulator(security: UncheckedSecurity(rejectDocuments: true))
        let package = try AnnexInvoice.zip()
        let response = try running.client().sendBillSync(fileName: package.name, zip: package.zip)
        #expect(response.rejections.map(\.rule) == ["ZE02"])
    }

    @Test("SendTestSetAsync gives a ZipKey; GetStatusZip answers its verdict; an unknown key answers 90")
    func testSet() throws {
        let running = try RunningSimulator()
        let client = running.client()
        let package = try AnnexInvoice.zip()
        let upload = try client.sendTestSetAsync(fileName: package.name, zip: package.zip, testSetId: "f1d3a7c2-test-set")
        let key = try #require(upload.zipKey)
        #expect(upload.messages.isEmpty)
        let verdicts = try client.getStatusZip(trackId: key)
        #expect(verdicts.count == 1)
        #expect(verdicts.first?.isAccepted == true)
        #expect(verdicts.first?.documentKey == AnnexInvoice.cufe)
        let unknown = try client.getStatusZip(trackId: "00000000-0000-0000-0000-000000000000")
        #expect(unknown.map(\.statusCode) == ["90"])
        let refused = try client.sendTestSetAsync(fileName: package.name, zip: package.zip, testSetId: "")
        #expect(refused.zipKey == nil && refused.messages.count == 1)
    }

    @Test("GetNumberingRange returns the ranges with their technical key")
    func numberingRange() throws {
        let running = try RunningSimulator()
        let answer = try running.client().getNumberingRange(
            accountCode: "700085371", accountCodeT: "700085371", softwareCode: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0")
        #expect(answer.operationCode == "100")
        #expect(answer.ranges == [AnnexInvoice.range])
    }

    @Test("SendEventUpdateStatus accepts an event on an accepted invoice once")
    func event() throws {
        let running = try RunningSimulator()
        let client = running.client()
        let package = try AnnexInvoice.zip()
        let eventZip = try DIANZip.make(
            fileName: "ar08001994360001900000001.xml", xml: Array(Self.event030.utf8), modified: AnnexInvoice.issueDay)
        // Before the invoice exists for DIAN: refused.
        let early = try client.sendEventUpdateStatus(zip: eventZip)
        #expect(!early.isValid && early.statusCode == "99")
        _ = try client.sendBillSync(fileName: package.name, zip: package.zip)
        let accepted = try client.sendEventUpdateStatus(zip: eventZip)
        #expect(accepted.isAccepted, "\(accepted.messages)")
        let twice = try client.sendEventUpdateStatus(zip: eventZip)
        #expect(!twice.isValid)
        // An event that breaks the ApplicationResponse XSD (IssueDate before ID) is refused by the schema.
        let broken = Self.event030.replacingOccurrences(of: "<cbc:ID>EV1</cbc:ID>", with: "")
            .replacingOccurrences(of: "<cbc:IssueTime>", with: "<cbc:ID>EV1</cbc:ID><cbc:IssueTime>")
        let brokenZip = try DIANZip.make(fileName: "ar.xml", xml: Array(broken.utf8), modified: AnnexInvoice.issueDay)
        let refused = try client.sendEventUpdateStatus(zip: brokenZip)
        #expect(refused.rejections.map(\.rule) == ["ZB02"], "\(refused.messages)")
    }

    /// Acuse de recibo (030) by the buyer, written by hand after DIAN.md §7.
    static let event030 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
          xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
          <cbc:CustomizationID>1</cbc:CustomizationID>
          <cbc:ProfileID>DIAN 2.1: ApplicationResponse de la Factura Electrónica de Venta</cbc:ProfileID>
          <cbc:ProfileExecutionID>1</cbc:ProfileExecutionID>
          <cbc:ID>EV1</cbc:ID>
          <cbc:UUID schemeName="CUDE-SHA384">abc123</cbc:UUID>
          <cbc:IssueDate>2019-01-16</cbc:IssueDate>
          <cbc:IssueTime>12:00:00-05:00</cbc:IssueTime>
          <cac:SenderParty><cac:PartyTaxScheme><cbc:RegistrationName>Adquiriente Anexo S.A.</cbc:RegistrationName>
            <cbc:CompanyID schemeID="4" schemeName="31">800199436</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:SenderParty>
          <cac:ReceiverParty><cac:PartyTaxScheme><cbc:RegistrationName>Emisor Anexo S.A.S.</cbc:RegistrationName>
            <cbc:CompanyID schemeID="1" schemeName="31">700085371</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:ReceiverParty>
          <cac:DocumentResponse>
            <cac:Response><cbc:ResponseCode>030</cbc:ResponseCode><cbc:Description>Acuse de recibo</cbc:Description></cac:Response>
            <cac:DocumentReference><cbc:ID>323200000129</cbc:ID>
              <cbc:UUID schemeName="CUFE-SHA384">8bb918b19ba22a694f1da11c643b5e9de39adf60311cf179179e9b33381030bcd4c3c3f156c506ed5908f9276f5bd9b4</cbc:UUID>
              <cbc:DocumentTypeCode>01</cbc:DocumentTypeCode></cac:DocumentReference>
          </cac:DocumentResponse>
        </ApplicationResponse>
        """
}

@Suite("DIAN simulator notifications and notes", .serialized)
struct SimulatorNotificationTests {
    @Test("an issue date a month old is accepted with a Notificación, also in DIAN's ApplicationResponse")
    func notification() throws {
        let running = try RunningSimulator(now: Date(timeIntervalSince1970: 1_550_329_200))  // 2019-02-16 10:00 Bogotá
        let package = try AnnexInvoice.zip()
        let response = try running.client().sendBillSync(fileName: package.name, zip: package.zip)
        #expect(response.isAccepted)
        #expect(response.notifications.map(\.rule) == ["FAD09b"])
        #expect(response.messages.first?.text.hasPrefix("Regla: FAD09b, Notificación: La fecha de emisión 2019-01-16") == true)
        let read = try UBLReader.readApplicationResponse(try #require(response.applicationResponse), sourceName: "ar")
        #expect(read.lineResponses.map(\.code) == ["FAD09b"])
        #expect(read.issueDate == CalendarDate(year: 2019, month: 2, day: 16))
    }
}

@Suite("DIAN simulator credit notes", .serialized)
struct SimulatorCreditNoteTests {
    @Test("a credit note with the annex CUDE (PIN 12301) is accepted; a wrong CUDE is CAD06")
    func creditNote() throws {
        let running = try RunningSimulator(now: AnnexCreditNote.day)
        let names = try DIANFileName(kind: .creditNote, nit: "900373076", year: 2019, sequence: 1)
        let xml = try UBLWriter.write(AnnexCreditNote.document())
        let response = try running.client().sendBillSync(
            fileName: names.zip, zip: try DIANZip.make(fileName: names.xml, xml: xml, modified: AnnexCreditNote.day))
        #expect(response.isAccepted, "\(response.messages)")
        #expect(response.statusMessage == "La Nota Crédito 8110007871, ha sido autorizada.")
        let read = try UBLReader.readApplicationResponse(try #require(response.applicationResponse), sourceName: "ar")
        #expect(read.reference.uuid == AnnexCreditNote.cude && read.reference.uuidScheme == "CUDE-SHA384")

        var wrong = AnnexCreditNote.document()
        wrong.uniqueCode = String(repeating: "e", count: 96)
        let rejected = try running.client().sendBillSync(
            fileName: names.zip, zip: try DIANZip.make(fileName: names.xml, xml: try UBLWriter.write(wrong), modified: AnnexCreditNote.day))
        #expect(rejected.messages.map(\.text) == ["Regla: CAD06, Rechazo: Valor del CUDE no está calculado correctamente."])
    }
}

@Suite("DIAN client concurrency", .serialized)
struct ClientConcurrencyTests {
    @Test("32 calls through concurrentPerform: every answer complete and right")
    func concurrent() throws {
        let running = try RunningSimulator()
        let client = running.client()
        let package = try AnnexInvoice.zip()
        _ = try client.sendBillSync(fileName: package.name, zip: package.zip)
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            let outcome: String
            do {
                outcome = index.isMultiple(of: 2)
                    ? try client.getStatus(trackId: AnnexInvoice.cufe).statusCode
                    : try client.getStatus(trackId: "unknown-\(index)").statusCode
            } catch {
                outcome = "\(error)"
            }
            results.withLock { $0.append("\(index % 2):\(outcome)") }
        }
        let counted = results.withLock { Dictionary($0.map { ($0, 1) }, uniquingKeysWith: +) }
        #expect(counted == ["0:00": 16, "1:66": 16])
    }
}
