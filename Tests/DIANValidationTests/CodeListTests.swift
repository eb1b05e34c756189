import DIANValidation
import DocumentModel
import Foundation
import Testing

/// Loading DIAN's code lists: counts read by hand from the files (`grep -c '<Row>'`), and errors that name the file.
struct CodeListTests {
    private func copyOfCodeLists() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("codelists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in CodeLists.files {
            try FileManager.default.copyItem(
                atPath: Fixtures.codeListDirectory + "/" + name, toPath: directory.appendingPathComponent(name).path)
        }
        return directory
    }

    @Test func listsAreRead() throws {
        let lists = try CodeLists(directory: Fixtures.codeListDirectory)
        #expect(lists.municipalities.count == 1122)
        #expect(lists.municipalities["05001"] == "Medellín")
        #expect(lists.departments.count == 33)
        #expect(lists.unitCodes.count == 1089)  // 1093 rows; MGM, ONZ, PD and SO appear twice
        #expect(lists.paymentMeans.count == 75)
        #expect(lists.paymentMethods == ["1", "2"])
        #expect(lists.identificationTypes == ["11", "12", "13", "21", "22", "31", "41", "42", "50", "91", "47", "48"])
        #expect(lists.rates["01"] == [0, 5, 16, 19])
        #expect(lists.rates["04"] == [2, 4, 8, 16])
        #expect(lists.creditNoteConcepts == ["1", "2", "3", "4", "5"])
        #expect(lists.debitNoteConcepts == ["1", "2", "3", "4"])
        #expect(lists.responsibilities == ["O-13", "O-15", "O-23", "O-47", "R-99-PN"])
    }

    @Test func aMissingFileIsNamed() throws {
        let directory = try copyOfCodeLists()
        try FileManager.default.removeItem(at: directory.appendingPathComponent("UnidadesMedida-2.1.gc"))
        do {
            _ = try CodeLists(directory: directory.path)
            Issue.record("a missing list must be refused")
        } catch let error as CodeListError {
            #expect(error.file == directory.path + "/UnidadesMedida-2.1.gc")
            #expect(error.description == directory.path + "/UnidadesMedida-2.1.gc: cannot read the code list (missing or unreadable)")
        }
    }

    @Test func aFileThatIsNotACodeListIsNamed() throws {
        let directory = try copyOfCodeLists()
        let file = directory.appendingPathComponent("MediosPago-2.1.gc")
        try Data("<html>not found</html>".utf8).write(to: file)
        #expect(throws: CodeListError.self) { try CodeLists(directory: directory.path) }
        do {
            _ = try CodeLists(directory: directory.path)
        } catch let error as CodeListError {
            #expect(error.description == file.path + ": not a genericode code list (no genericode namespace)")
        }
        let empty = "<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\"><SimpleCodeList/></gc:CodeList>"
        try Data(empty.utf8).write(to: file)
        do {
            _ = try CodeLists(directory: directory.path)
            Issue.record("an empty list must be refused")
        } catch let error as CodeListError {
            #expect(error.description == file.path + ": the code list holds no codes")
        }
    }

    @Test func theValidatorUsesTheListsItIsGiven() throws {
        // Without cédula (13) in TipoIdFiscal, the consumidor final's identification type is refused.
        let directory = try copyOfCodeLists()
        let file = directory.appendingPathComponent("TipoIdFiscal-2.1.gc")
        let text = try String(contentsOf: file, encoding: .utf8)
        let trimmed = text.replacingOccurrences(of: "<SimpleValue>13</SimpleValue>", with: "<SimpleValue>1300</SimpleValue>")
        #expect(trimmed != text)
        try Data(trimmed.utf8).write(to: file)
        let validator = DocumentValidator(codeLists: try CodeLists(directory: directory.path))
        var document = Fixtures.invoice()
        document.customer = Party(
            personType: .natural, name: "Consumidor Final", identification: .finalConsumer, taxLevelCodes: ["R-99-PN"],
            taxScheme: .notApplicable, email: "caja3@folio-demo.example")
        let findings = try Fixtures.check(document, validator: validator)
        #expect(findings.map(\.rule.code) == ["FAK21"])
        #expect(findings.first?.detail == "identification type 13 (C.C.) is not in DIAN's list")
        #expect(try Fixtures.check(document, context: Fixtures.context).isEmpty)
    }
}
