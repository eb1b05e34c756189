import FolioTesting
import DocumentModel
import Foundation
import Synchronization
import Testing
import UBL
import XMLTree

/// The writer's output checked against the UBL 2.1 and DIAN XSDs, by Folio's validator and by `xmllint`.
@Suite struct WriterValidationTests {
    static let rootNames = [
        "invoice": "Invoice", "final-consumer invoice": "Invoice", "credit note": "CreditNote", "debit note": "DebitNote",
    ]

    @Test(arguments: SampleDocuments.names)
    func validatesWithUBLValidator(name: String) throws {
        let document = try #require(SampleDocuments.byName[name])
        let diagnostics = try SharedValidator.get().validate(try UBLWriter.write(document), sourceName: name)
        let errors = diagnostics.filter { $0.severity >= .error }
        #expect(errors.isEmpty, "\(errors)")
        // Exactly the expected warnings: the two check-digit @schemeIDs.
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.filter { $0.hasPrefix("known schema conflict") }.count == 2)
    }

    @Test(arguments: SampleDocuments.names)
    func validatesWithXmllint(name: String) throws {
        let document = try #require(SampleDocuments.byName[name])
        let schema = Repository.schema("UBL-\(try #require(Self.rootNames[name]))-2.1.xsd")
        let bytes = try UBLWriter.write(document)
        let xmllint = try Xmllint()

        // As written (unsigned, with the signature slot holding folio:SignaturePending), xmllint accepts it.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "<folio:SignaturePending/>").count == 2)
        let result = try xmllint.validate(try writeTemporaryFile(bytes, name: "unsigned.xml"), schema: schema)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("unsigned.xml validates\n"))

        // An empty slot (what a naive writer would leave) is refused, so the marker is what makes it valid.
        let empty = text.replacingOccurrences(of: "<folio:SignaturePending/>", with: "")
        let refused = try xmllint.validate(try writeTemporaryFile(Array(empty.utf8), name: "empty-slot.xml"), schema: schema)
        #expect(refused.validityErrors.count == 1, "\(refused.stderr)")
        #expect(refused.validityErrors.first?.contains("ExtensionContent': Missing child element(s)") == true)
    }

    @Test(arguments: SampleDocuments.names)
    func dianExtensionsValidateWithXmllint(name: String) throws {
        let document = try #require(SampleDocuments.byName[name])
        let text = String(decoding: try UBLWriter.write(document), as: UTF8.self)
        let start = try #require(text.range(of: "<sts:DianExtensions>"))
        let end = try #require(text.range(of: "</sts:DianExtensions>"))
        let subtree = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<sts:DianExtensions xmlns:sts=\"dian:gov:co:facturaelectronica:Structures-2-1\" "
            + "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
            + text[start.upperBound..<end.upperBound]
        let xmllint = try Xmllint()
        let schema = Repository.schema("DIAN_UBL_Structures.xsd")

        // The 2019 XSD enumerates identification types for @schemeID; Folio writes the check digits (3 and 4).
        let asWritten = try xmllint.validate(try writeTemporaryFile(Array(subtree.utf8), name: "dian.xml"), schema: schema)
        #expect(asWritten.validityErrors.count == 2, "\(asWritten.stderr)")
        #expect(asWritten.validityErrors.contains { $0.contains("}ProviderID', attribute 'schemeID'") && $0.contains("The value '3'") })
        #expect(asWritten.validityErrors.contains { $0.contains("}AuthorizationProviderID', attribute 'schemeID'") && $0.contains("The value '4'") })

        // Everything else conforms: with those two attributes set to a listed value, xmllint accepts it.
        let listed = subtree.replacingOccurrences(of: "schemeID=\"3\" schemeName=\"31\">900373115</sts:ProviderID>", with: "schemeID=\"31\" schemeName=\"31\">900373115</sts:ProviderID>")
            .replacingOccurrences(of: "schemeID=\"4\" schemeName=\"31\">800197268", with: "schemeID=\"31\" schemeName=\"31\">800197268")
        let result = try xmllint.validate(try writeTemporaryFile(Array(listed.utf8), name: "dian-listed.xml"), schema: schema)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func validatorReportsRealViolations() throws {
        let text = String(decoding: try UBLWriter.write(SampleDocuments.invoice), as: UTF8.self)
        // IssueTime moved before IssueDate breaks the UBL sequence; dropping the QR breaks DIAN's structure.
        let time = "  <cbc:IssueTime>10:53:10-05:00</cbc:IssueTime>\n"
        var broken = text.replacingOccurrences(of: time, with: "")
        broken = broken.replacingOccurrences(of: "  <cbc:IssueDate>", with: time + "  <cbc:IssueDate>")
        let qrStart = try #require(broken.range(of: "<sts:QRCode>"))
        let qrEnd = try #require(broken.range(of: "</sts:QRCode>"))
        broken.removeSubrange(qrStart.lowerBound..<qrEnd.upperBound)
        let errors = try SharedValidator.get().validate(Array(broken.utf8), sourceName: "broken.xml")
            .filter { $0.severity >= .error }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.message.contains("IssueTime") })
        #expect(errors.contains { $0.message.contains("QRCode") })
    }

    @Test func validatorAcceptsTheDIANSample() throws {
        let diagnostics = try SharedValidator.get().validate(
            try Repository.fixture("invoice-dian-generica-signed-setp990000002.xml"), sourceName: "generica")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func validatorReportsMalformedAndForeignDocuments() throws {
        let validator = try SharedValidator.get()
        let malformed = validator.validate(Array("<Invoice>\n<cbc:ID>".utf8), sourceName: "cut.xml")
        #expect(malformed.contains { $0.severity == .fatal && $0.file == "cut.xml" })
        let foreign = validator.validate(try Repository.fixture("application-response-event-030-minimal.xml"))
        #expect(foreign.count == 1)
        #expect(foreign.first?.message.contains("ApplicationResponse") == true)
    }
}

/// One validator shared by many threads (the schemas are compiled once and only read).
@Suite struct ValidatorConcurrencyTests {
    @Test func validatesFromSeveralThreadsAtOnce() throws {
        let validator = try SharedValidator.get()
        let documents = try SampleDocuments.names.map { try UBLWriter.write(try #require(SampleDocuments.byName[$0])) }
        let results = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let diagnostics = validator.validate(documents[index % documents.count], sourceName: "doc\(index)")
            let errors = diagnostics.filter { $0.severity >= .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning && $0.file == "doc\(index)" }.count
            results.withLock { $0.append(errors * 100 + warnings) }
        }
        // Every run: no errors, and the same two warnings (the check-digit @schemeIDs) attributed to its own document.
        #expect(results.withLock { $0 } == Array(repeating: 2, count: 8))
    }
}
