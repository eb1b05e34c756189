import FolioApp
import Foundation
import Store

/// `folio habilitacion --config CONFIG --test-set-id ID [--dian ENDPOINT] [--documents DIR] [--data DIR]`:
/// DIAN's habilitación test set. Issues and signs every ERP document in DIR (default Examples/documents), then a
/// credit note and a debit note referencing the first invoice, sends each with SendTestSetAsync and prints
/// DIAN's verdict per document (GetStatusZip). Exit 1 when any document is not validated.
enum HabilitacionCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: ["config", "test-set-id", "dian", "documents", "data"])
        guard let configPath = args.options["config"], args.positional.isEmpty else {
            throw CommandLineArguments.UsageError(description: "habilitacion needs --config CONFIG and --test-set-id ID")
        }
        var configuration = try FolioConfiguration.load(path: configPath)
        let endpoint = try args.options["dian"].map { try FolioConfiguration.DIANSettings(endpoint: $0, base: configuration.dian) }
            ?? configuration.dian
        guard let endpoint else {
            throw CommandLineArguments.UsageError(description: "habilitacion needs a DIAN endpoint: --dian or a \"dian\" section")
        }
        guard let testSetID = args.options["test-set-id"] ?? endpoint.testSetID else {
            throw CommandLineArguments.UsageError(description: "habilitacion needs --test-set-id (DIAN's portal gives it)")
        }
        // The test set is sent on its own: documents are signed here, neither transmitted one by one nor printed.
        configuration.dian = nil
        for index in configuration.companies.indices { configuration.companies[index].defaultPrinter = nil }
        let service = try FolioService(
            configuration: configuration, resources: .locate(), dataDirectory: args.options["data"], world: .live)

        let folder = args.options["documents"] ?? FolioResources.locate().root + "/Examples/documents"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        var documents = try names.map { (name: $0, bytes: try readInput(folder + "/" + $0)) }
        guard let first = documents.first else { throw InputError(description: "\(folder): no ERP documents (*.json)") }
        documents.removeFirst()
        var results = try service.runTestSet(
            [first], testSetID: testSetID, endpoint: endpoint.endpoint, timeout: endpoint.timeout)
        results += try service.runTestSet(
            documents + (try notes(referencing: results.first?.number, in: service, template: first.bytes)),
            testSetID: testSetID, endpoint: endpoint.endpoint, timeout: endpoint.timeout)
        var failed = 0
        for result in results {
            let verdict = result.isValid ? "validated" : (result.statusCode.isEmpty ? "no verdict" : "REJECTED")
            print("\(result.number)  \(result.kind)  StatusCode \(result.statusCode.isEmpty ? "-" : result.statusCode)  \(verdict)")
            for message in result.messages { print("    \(message)") }
            if !result.isValid { failed += 1 }
        }
        print("test set \(testSetID): \(results.count - failed) of \(results.count) validated")
        if failed > 0 { throw InputError(description: "habilitacion: \(failed) document(s) not validated") }
    }

    /// A credit note and a debit note for the first invoice, with its CUFE (DIAN's test sets include both kinds).
    static func notes(referencing number: String?, in service: FolioService, template: [UInt8]) throws -> [(name: String, bytes: [UInt8])] {
        guard let number, let invoice = try service.store.document(number: number),
            var json = try JSONSerialization.jsonObject(with: Data(template)) as? [String: Any],
            let lines = json["lines"] as? [[String: Any]], var line = lines.first
        else { return [] }
        line["quantity"] = "1"
        json["lines"] = [line]
        json["payment"] = ["method": "cash", "means_code": "10"]
        json.removeValue(forKey: "totals")
        json["billing_reference"] = ["number": invoice.number, "cufe": invoice.uniqueCode, "issue_date": invoice.issueDate]
        var notes: [(name: String, bytes: [UInt8])] = []
        for (kind, concept) in [("credit-note", "Devolución parcial"), ("debit-note", "Intereses de mora")] {
            var note = json
            note["type"] = kind
            note["reference"] = "HAB-\(kind)-\(invoice.number)"
            note["concept"] = ["code": "1", "description": concept]
            notes.append(("\(kind).json", [UInt8](try JSONSerialization.data(withJSONObject: note))))
        }
        return notes
    }
}
