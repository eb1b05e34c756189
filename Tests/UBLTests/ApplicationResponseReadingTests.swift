import DocumentModel
import Foundation
import Testing
import UBL

/// ApplicationResponses (RADIAN events, DIAN's verdicts) read; expected values were read by hand from the
/// fixture file and from the documents written out below.
@Suite struct ApplicationResponseReadingTests {
    private static let fixture = "application-response-event-030-minimal.xml"

    private func fixtureText() throws -> String {
        String(decoding: try Repository.fixture(Self.fixture), as: UTF8.self)
    }

    @Test func minimalEvent030() throws {
        let response = try UBLReader.readApplicationResponse(try Repository.fixture(Self.fixture), sourceName: "ar.xml")
        let expected = ApplicationResponseDocument(
            environment: .testing, id: "EVT-001", uuid: "PLACEHOLDER", uuidScheme: nil,
            issueDate: CalendarDate(year: 2024, month: 3, day: 10),
            issueTime: OffsetTime(hour: 14, minute: 22, second: 0, offsetMinutes: -300), notes: [],
            sender: .init(name: nil, identification: Identification(type: .nit, number: "900373115")),
            receiver: .init(name: nil, identification: Identification(type: .nit, number: "800199436")),
            responseCode: "030", responseDescription: nil,
            reference: .init(
                id: "SETP990000002", uuid: "abc123cufe-del-documento-referenciado", uuidScheme: nil, typeCode: "01"),
            issuerPerson: nil, lineResponses: [])
        #expect(response == expected)
    }

    @Test func readAnyTellsTheRootsApart() throws {
        let event = try UBLReader.readAny(try Repository.fixture(Self.fixture), sourceName: "ar.xml")
        guard case .applicationResponse(let response) = event else {
            Issue.record("read as \(event)")
            return
        }
        #expect(response.id == "EVT-001")
        let invoice = try UBLReader.readAny(try Repository.fixture("invoice-minimal-cufe-input.xml"), sourceName: "fv.xml")
        guard case .document(let document) = invoice else {
            Issue.record("read as \(invoice)")
            return
        }
        #expect(document.kind == .invoice)
        #expect(document.number == "SETP990000002")
        let credit = try UBLReader.readAny(try Repository.fixture("credit-note-stenfrank-unsigned.xml"), sourceName: "nc.xml")
        guard case .document(let note) = credit else {
            Issue.record("read as \(credit)")
            return
        }
        #expect(note.kind == .creditNote)
    }

    @Test func otherRootsAreRefused() throws {
        let invoice = try #require(throws: UBLReadError.self) {
            try UBLReader.readApplicationResponse(try Repository.fixture("invoice-minimal-cufe-input.xml"), sourceName: "fv.xml")
        }
        #expect(invoice.code == .notUBL)
        #expect(invoice.message.contains("Invoice"))
        #expect(invoice.message.hasSuffix("is not a UBL 2.1 ApplicationResponse"))
        let plain = "<ApplicationResponse><ID>1</ID></ApplicationResponse>"
        let foreign = try #require(throws: UBLReadError.self) {
            try UBLReader.readAny(Array(plain.utf8), sourceName: "no-namespace.xml")
        }
        #expect(foreign.code == .notUBL)
        #expect(foreign.line == 1)
        #expect(foreign.message.hasSuffix("is not a UBL 2.1 Invoice, CreditNote, DebitNote or ApplicationResponse"))
        let broken = try #require(throws: UBLReadError.self) {
            try UBLReader.readAny(Array("<ApplicationResponse>".utf8), sourceName: "cut.xml")
        }
        #expect(broken.code == .malformedXML)
    }

    @Test func missingResponseCodeNamesPathAndLine() throws {
        let text = try fixtureText().replacingOccurrences(of: "      <cbc:ResponseCode>030</cbc:ResponseCode>\n", with: "")
        let error = try #require(throws: UBLReadError.self) {
            try UBLReader.readApplicationResponse(Array(text.utf8), sourceName: "no-code.xml")
        }
        #expect(error.code == .missingElement)
        #expect(error.path == "ApplicationResponse/cac:DocumentResponse/cac:Response/cbc:ResponseCode")
        #expect(error.line == 23)  // <cac:Response> in the fixture
        #expect(error.message == "ApplicationResponse/cac:DocumentResponse/cac:Response/cbc:ResponseCode (line 23): missing")
    }

    @Test func missingReceiverAndBadDateAreLocated() throws {
        let text = try fixtureText()
        let start = try #require(text.range(of: "  <cac:ReceiverParty>"))
        let end = try #require(text.range(of: "</cac:ReceiverParty>\n"))
        var noReceiver = text
        noReceiver.removeSubrange(start.lowerBound..<end.upperBound)
        let missing = try #require(throws: UBLReadError.self) {
            try UBLReader.readApplicationResponse(Array(noReceiver.utf8), sourceName: "no-receiver.xml")
        }
        #expect(missing.path == "ApplicationResponse/cac:ReceiverParty")
        #expect(missing.line == 6)  // the root's start tag spans lines 2–6; libxml2 numbers it by its last line
        let badDate = text.replacingOccurrences(of: "2024-03-10", with: "10/03/2024")
        let invalid = try #require(throws: UBLReadError.self) {
            try UBLReader.readApplicationResponse(Array(badDate.utf8), sourceName: "date.xml")
        }
        #expect(invalid.code == .invalidValue)
        #expect(invalid.message == "ApplicationResponse/cbc:IssueDate (line 10): '10/03/2024' is not a YYYY-MM-DD date")
        let emptyCode = text.replacingOccurrences(of: "<cbc:ResponseCode>030</cbc:ResponseCode>", with: "<cbc:ResponseCode> </cbc:ResponseCode>")
        let empty = try #require(throws: UBLReadError.self) {
            try UBLReader.readApplicationResponse(Array(emptyCode.utf8), sourceName: "empty.xml")
        }
        #expect(empty.code == .invalidValue)
        #expect(empty.line == 24)
    }

    /// An event with every optional part, written by hand in the shape of DIAN.md §7.
    @Test func fullEventWithPersonNotesAndSchemes() throws {
        let response = try UBLReader.readApplicationResponse(Array(Self.fullEvent.utf8), sourceName: "full.xml")
        #expect(response.environment == .production)
        #expect(response.uuidScheme == "CUDE-SHA384")
        #expect(response.notes == ["Mercancía recibida en bodega 3."])
        #expect(response.sender == .init(name: "Compras Ñandú S.A.S.", identification: Identification(type: .nit, number: "900108281", checkDigit: 3)))
        #expect(response.receiver.name == "Proveedor Andino Ltda.")
        #expect(response.receiver.identification == Identification(type: .nit, number: "860069804", checkDigit: 2))
        #expect(response.responseCode == "032")
        #expect(response.responseDescription == "Recibo del bien y/o prestación del servicio")
        #expect(response.reference.uuidScheme == "CUFE-SHA384")
        #expect(response.issuerPerson == .init(
            identification: Identification(type: .cedulaCiudadania, number: "1020304050"), firstName: "Andrea",
            familyName: "Gómez", jobTitle: "Analista de recepción", department: "Compras"))
        #expect(response.issuerPerson?.fullName == "Andrea Gómez")
        #expect(response.lineResponses == [])
    }

    /// DIAN's verdict shape: DIAN as sender (NIT 800197268-4), code 04 and the rules it found.
    @Test func dianRejectionWithFindings() throws {
        let response = try UBLReader.readApplicationResponse(Array(Self.dianRejection.utf8), sourceName: "dian.xml")
        #expect(response.sender.name == "Unidad Especial Dirección de Impuestos y Aduanas Nacionales")
        #expect(response.sender.identification == Identification(type: .nit, number: "800197268", checkDigit: 4))
        #expect(response.responseCode == "04")
        #expect(response.responseDescription == "Documento con errores en campos mandatorios.")
        #expect(response.reference == .init(id: "SETP990000101", uuid: nil, uuidScheme: nil, typeCode: nil))
        #expect(response.lineResponses == [
            .init(lineID: "1", code: "FAJ43b", description: "Nombre informado no corresponde al registrado en el RUT."),
            .init(lineID: "2", code: "FAD06", description: "Primera línea\nSegunda línea"),
        ])
    }

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" \
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        """

    static let fullEvent = header + """
          <cbc:ProfileExecutionID>1</cbc:ProfileExecutionID>
          <cbc:ID>AR032-7</cbc:ID>
          <cbc:UUID schemeID="1" schemeName="CUDE-SHA384">0d91ba25</cbc:UUID>
          <cbc:IssueDate>2025-03-06</cbc:IssueDate>
          <cbc:IssueTime>08:00:05-05:00</cbc:IssueTime>
          <cbc:Note>Mercancía recibida en bodega 3.</cbc:Note>
          <cac:SenderParty><cac:PartyTaxScheme>
            <cbc:RegistrationName>Compras Ñandú S.A.S.</cbc:RegistrationName>
            <cbc:CompanyID schemeID="3" schemeName="31">900108281</cbc:CompanyID>
          </cac:PartyTaxScheme></cac:SenderParty>
          <cac:ReceiverParty><cac:PartyTaxScheme>
            <cbc:RegistrationName>Proveedor Andino Ltda.</cbc:RegistrationName>
            <cbc:CompanyID schemeID="2" schemeName="31">860069804</cbc:CompanyID>
          </cac:PartyTaxScheme></cac:ReceiverParty>
          <cac:DocumentResponse>
            <cac:Response>
              <cbc:ResponseCode>032</cbc:ResponseCode>
              <cbc:Description>Recibo del bien y/o prestación del servicio</cbc:Description>
            </cac:Response>
            <cac:DocumentReference>
              <cbc:ID>FV125</cbc:ID>
              <cbc:UUID schemeName="CUFE-SHA384">aaaa</cbc:UUID>
              <cbc:DocumentTypeCode>01</cbc:DocumentTypeCode>
            </cac:DocumentReference>
            <cac:IssuerParty><cac:Person>
              <cbc:ID schemeName="13">1020304050</cbc:ID>
              <cbc:FirstName>Andrea</cbc:FirstName>
              <cbc:FamilyName>Gómez</cbc:FamilyName>
              <cbc:JobTitle>Analista de recepción</cbc:JobTitle>
              <cbc:OrganizationDepartment>Compras</cbc:OrganizationDepartment>
            </cac:Person></cac:IssuerParty>
          </cac:DocumentResponse>
        </ApplicationResponse>
        """

    static let dianRejection = header + """
          <cbc:ProfileExecutionID>2</cbc:ProfileExecutionID>
          <cbc:ID>15436178</cbc:ID>
          <cbc:IssueDate>2025-03-04</cbc:IssueDate>
          <cbc:IssueTime>09:06:00-05:00</cbc:IssueTime>
          <cac:SenderParty><cac:PartyTaxScheme>
            <cbc:RegistrationName>Unidad Especial Dirección de Impuestos y Aduanas Nacionales</cbc:RegistrationName>
            <cbc:CompanyID schemeID="4" schemeName="31">800197268</cbc:CompanyID>
          </cac:PartyTaxScheme></cac:SenderParty>
          <cac:ReceiverParty><cac:PartyTaxScheme>
            <cbc:CompanyID schemeID="3" schemeName="31">900108281</cbc:CompanyID>
          </cac:PartyTaxScheme></cac:ReceiverParty>
          <cac:DocumentResponse>
            <cac:Response>
              <cbc:ResponseCode>04</cbc:ResponseCode>
              <cbc:Description>Documento con errores en campos mandatorios.</cbc:Description>
            </cac:Response>
            <cac:DocumentReference><cbc:ID>SETP990000101</cbc:ID></cac:DocumentReference>
            <cac:LineResponse>
              <cac:LineReference><cbc:LineID>1</cbc:LineID></cac:LineReference>
              <cac:Response>
                <cbc:ResponseCode>FAJ43b</cbc:ResponseCode>
                <cbc:Description>Nombre informado no corresponde al registrado en el RUT.</cbc:Description>
              </cac:Response>
            </cac:LineResponse>
            <cac:LineResponse>
              <cac:LineReference><cbc:LineID>2</cbc:LineID></cac:LineReference>
              <cac:Response>
                <cbc:ResponseCode>FAD06</cbc:ResponseCode>
                <cbc:Description>Primera línea</cbc:Description>
                <cbc:Description>Segunda línea</cbc:Description>
              </cac:Response>
            </cac:LineResponse>
          </cac:DocumentResponse>
        </ApplicationResponse>
        """
}
