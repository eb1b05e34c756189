import DocumentModel
import Foundation
import Intake
import Testing

struct ERPDocumentReaderTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/documents").standardized

    static var exampleFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".json") }.sorted()) ?? []
    }

    func read(_ json: String) throws(IntakeError) -> DocumentDraft {
        try ERPDocumentReader.read(Array(json.utf8), source: "test.json")
    }

    func errors(_ json: String) -> [FieldError] {
        do {
            _ = try read(json)
            return []
        } catch {
            return error.errors
        }
    }

    static let validLine = #"{"description": "Café", "quantity": "2", "unit_price": "1500.50", "taxes": [{"tax": "IVA", "rate": "19"}]}"#
    static let buyer = #"{"final_consumer": true}"#

    func document(lines: String = "[\(validLine)]", buyer: String = buyer, extra: String = "") -> String {
        #"{"reference": "R-1", "company": "folio-demo", "buyer": \#(buyer), "lines": \#(lines)\#(extra)}"#
    }

    @Test func everyShippedExampleReads() throws {
        #expect(Self.exampleFiles.count == 7)
        for file in Self.exampleFiles {
            let bytes = try [UInt8](Data(contentsOf: Self.examples.appendingPathComponent(file)))
            #expect(throws: Never.self, "\(file)") { _ = try ERPDocumentReader.read(bytes, source: file) }
        }
    }

    @Test func exampleValuesAreReadExactly() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.examples.appendingPathComponent("02-mixed-iva.json")))
        let draft = try ERPDocumentReader.read(bytes, source: "02")
        #expect(draft.erpReference == "SIESA-FV-000981")
        #expect(draft.lines.count == 5)
        #expect(draft.lines[1].unitPrice == Amount(exactly: "32450.50")!)
        #expect(draft.lines.map { $0.taxes.first!.percent } == [0, 19, 5, 0, 19])
        #expect(draft.customer.identification == Identification(type: .nit, number: "860034313", checkDigit: 7))
        #expect(draft.paymentMeans == PaymentMeans(methodID: "2", code: "42", dueDate: CalendarDate(iso: "2030-01-15")))
    }

    @Test func numbersWrittenAsJSONNumbersStayExact() throws {
        let draft = try read(document(lines: #"[{"description": "x", "quantity": 3, "unit_price": 0.1, "taxes": []}]"#))
        #expect(draft.lines[0].unitPrice.value == Decimal(string: "0.1")!)
        #expect(draft.lines[0].quantity == 3)
    }

    @Test func finalConsumerNeedsNoAddress() throws {
        let draft = try read(document())
        #expect(draft.customer.identification.number == "222222222222")
        #expect(draft.customer.address == nil)
        #expect(draft.customer.name == "Consumidor final")
    }

    @Test func malformedJSONIsLocated() {
        let found = errors("{\n  \"reference\": \"R-1\",\n  \"lines\": [1, 2,]\n}")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 18)
        #expect(found.first?.message.contains("a value was expected") == true)
    }

    @Test func nonUTF8InputNamesTheByteAndLine() {
        var bytes = Array("{\n\"reference\": \"Pe".utf8)
        bytes.append(0xF1)  // ñ in Windows-1252
        bytes += Array("a\"}".utf8)
        do {
            _ = try ERPDocumentReader.read(bytes, source: "export.json")
            Issue.record("non-UTF-8 input was accepted")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors[0].line == 2)
            #expect(error.errors[0].message.contains("not UTF-8 (byte 0xF1"))
            #expect(error.description.hasPrefix("export.json: 1 problem"))
        }
    }

    @Test func missingFieldsAreAllReportedAtOnce() {
        let found = errors(#"{"lines": [{"quantity": "1"}]}"#)
        let fields = Set(found.map(\.field))
        #expect(fields == ["reference", "company", "buyer", "lines[1].description", "lines[1].unit_price"])
        #expect(found.allSatisfy { $0.message == "is required" })
    }

    @Test func negativeQuantity() {
        let found = errors(document(lines: #"[{"description": "x", "quantity": "-2", "unit_price": "10"}]"#))
        #expect(found.map(\.field) == ["lines[1].quantity"])
        #expect(found[0].message.hasPrefix("must be greater than 0 (got -2)"))
    }

    @Test func unknownTaxCodeAndWrongRate() {
        let found = errors(document(lines: #"[{"description": "x", "quantity": "1", "unit_price": "10", "taxes": [{"tax": "IVX", "rate": "19"}]}, {"description": "y", "quantity": "1", "unit_price": "10", "taxes": [{"tax": "01", "rate": "16"}]}]"#))
        #expect(found.map(\.field) == ["lines[1].taxes[1].tax", "lines[2].taxes[1].rate"])
        #expect(found[0].message == #"unknown tax code "IVX"; use 01 (IVA), 04 (INC) or 03 (ICA)"#)
        #expect(found[1].message == "16 % is not a IVA rate; use one of 0, 5, 19")
    }

    @Test func misspeltKeySuggestsTheRightOne() {
        let found = errors(document(extra: #", "refrence": "x""#))
        #expect(found.map(\.field) == ["refrence"])
        #expect(found[0].message == #"is not a known field — did you mean "reference"?"#)
    }

    @Test func wrongCheckDigitAndDecimalComma() {
        let buyer = #"{"id_type": "NIT", "id_number": "860034313", "dv": "3", "name": "X", "address": {"line": "C 1", "city_code": "11001", "city": "Bogotá", "department": "Bogotá"}}"#
        let found = errors(document(lines: #"[{"description": "x", "quantity": "1", "unit_price": "1.500,00"}]"#, buyer: buyer))
        #expect(found.map(\.field) == ["buyer.dv", "lines[1].unit_price"])
        #expect(found[0].message == "check digit 3 does not match NIT 860034313, whose DV is 7")
        #expect(found[1].message.contains("use a dot as the decimal separator"))
    }

    @Test func creditSaleNeedsADueDate() {
        let found = errors(document(extra: #", "payment": {"method": "credit"}"#))
        #expect(found.map(\.field) == ["payment.due_date"])
    }

    @Test func wrongTypesAreNamed() {
        let found = errors(#"{"reference": 12, "company": "c", "buyer": [], "lines": {}}"#)
        #expect(found.map(\.description) == [
            "reference (line 1, column 15): must be a string, not a number",
            "buyer (line 1, column 44): must be an object, not an array",
            "lines (line 1, column 57): must be an array, not an object",
        ])
    }

    @Test func duplicateKeysAreRefusedRatherThanGuessed() {
        let found = errors(document(extra: #", "reference": "R-2""#))
        #expect(found.map(\.field) == ["reference"])
        #expect(found[0].message == "appears more than once in this object")
    }

    @Test func implausibleNumbersAreRefusedWithTheField() {
        let found = errors(document(lines: #"""
            [{"description": "a", "quantity": "0.0000001", "unit_price": "1"},
             {"description": "b", "quantity": "2000000000", "unit_price": "1"},
             {"description": "c", "quantity": "1000000", "unit_price": "999999999999"},
             {"description": "d", "quantity": "1", "unit_price": "1", "taxes": [{"tax": "IVA", "rate": "19.001"}]}]
            """#))
        #expect(found.map(\.field) == ["lines[1].quantity", "lines[2].quantity", "lines[3].unit_price", "lines[4].taxes[1].rate"])
        #expect(found[0].message == #""0.0000001" has 7 decimals; at most 6 are accepted"#)
        #expect(found[1].message == #""2000000000" is larger than 1000000000, the most Folio accepts here"#)
        #expect(found[2].message.hasPrefix("quantity × unit_price exceeds 1000000000000000"))
    }

    @Test func controlCharactersAndTwoDiscountsAreRefused() {
        let found = errors(document(lines: #"""
            [{"description": "\u0000hidden", "quantity": "1", "unit_price": "1"},
             {"description": "ok", "quantity": "1", "unit_price": "10", "discount": {"percent": "10", "amount": "5"}}]
            """#))
        #expect(found.map(\.field) == ["lines[1].description", "lines[2].discount"])
        #expect(found[0].message.hasPrefix("contains the control character U+0000"))
        #expect(found[1].message == "give either percent or amount, not both")
    }

    @Test func columnsStayRightOnALongMinifiedLine() {
        // One line, multi-byte characters before the faulty value: the column counts characters.
        let padding = String(repeating: "ñ", count: 3000)
        let found = errors(#"{"reference": "\#(padding)", "company": 7}"#)
        #expect(found.first { $0.field == "company" }?.column == 3000 + 30)
    }
}
