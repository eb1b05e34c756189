import FolioApp
import FolioTesting
import Foundation

/// Paths of the checkout and helpers shared by the integration tests.
enum TestWorld {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let examples = root.appendingPathComponent("Examples/documents")
    static let resources = FolioResources(root: root.path)

    static func example(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: examples.appendingPathComponent(name)))
    }

    static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The `folio` executable built beside the tests.
    static var folioExecutable: String {
        let candidates = [".build/debug/folio", ".build/x86_64-unknown-linux-gnu/debug/folio"].map { root.appendingPathComponent($0).path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Writes a configuration like Examples/config.json into `directory`, with overrides.
    static func writeConfiguration(
        in directory: URL, cupsServer: String? = nil, from: Int = 990000000, to: Int = 995000000,
        defaultPrinter: String? = nil, port: Int = 0, dianEndpoint: String? = nil,
        dianTimeout: Int = 10, printing: [String: Any]? = nil
    ) throws -> URL {
        let data = try Data(contentsOf: root.appendingPathComponent("Examples/config.json"))
        var json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        json["server"] = ["address": "127.0.0.1", "port": port, "data_directory": directory.appendingPathComponent("data").path]
        json["cups_server"] = cupsServer.map { $0 as Any } ?? NSNull()
        var companies = json["companies"] as! [[String: Any]]
        var resolution = companies[0]["resolution"] as! [String: Any]
        resolution["from"] = from
        resolution["to"] = to
        companies[0]["resolution"] = resolution
        var branding = companies[0]["branding"] as! [String: Any]
        branding["logo"] = root.appendingPathComponent("Layouts/assets/logo.png").path
        companies[0]["branding"] = branding
        companies[0]["printing"] = ["default_printer": defaultPrinter.map { $0 as Any } ?? NSNull(), "copies": 1]
        var signing = companies[0]["signing"] as! [String: Any]
        signing["pkcs12"] = root.appendingPathComponent("Examples/certificates/folio-demo-TEST-ONLY.p12").path
        companies[0]["signing"] = signing
        json["companies"] = companies
        if let dianEndpoint { json["dian"] = ["endpoint": dianEndpoint, "timeout_seconds": dianTimeout] }
        if let printing { json["printing"] = printing }
        let url = directory.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted]).write(to: url)
        return url
    }

    /// Text of a PDF (or of some of its pages) through poppler's pdftotext.
    static func pdfText(_ pdf: URL, page: Int? = nil, layout: Bool = false) throws -> String {
        var arguments = layout ? ["-layout"] : []
        if let page { arguments += ["-f", "\(page)", "-l", "\(page)"] }
        let output = try TestProcess.run(try requireTool("pdftotext"), arguments + [pdf.path, "-"], timeout: .seconds(60))
        guard output.status == 0 else { throw TestSupportError(.commandFailed, "pdftotext \(pdf.path): \(output.stderr)") }
        return output.stdout
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let output = try TestProcess.run(try requireTool("pdfinfo"), [pdf.path])
        let line = output.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        guard let line, let count = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) else {
            throw TestSupportError(.commandFailed, "pdfinfo \(pdf.path): \(output.stderr)")
        }
        return count
    }

    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// The `sts:QRCode` text of a UBL document, read with xmllint (independent of Folio's reader).
    static func qrText(ofXML xml: URL) throws -> String {
        let output = try TestProcess.run(
            try requireTool("xmllint"),
            ["--xpath", "string(//*[local-name()='DianExtensions']/*[local-name()='QRCode'])", xml.path])
        guard output.status == 0 else { throw TestSupportError(.commandFailed, "xmllint \(xml.path): \(output.stderr)") }
        return output.stdout.hasSuffix("\n") ? String(output.stdout.dropLast()) : output.stdout
    }

    /// One value of a UBL document by XPath, read with xmllint.
    static func xpath(_ expression: String, _ xml: URL) throws -> String {
        let output = try TestProcess.run(try requireTool("xmllint"), ["--xpath", expression, xml.path])
        guard output.status == 0 else { throw TestSupportError(.commandFailed, "xmllint \(xml.path): \(output.stderr)") }
        return output.stdout.hasSuffix("\n") ? String(output.stdout.dropLast()) : output.stdout
    }

    static func schemaErrors(_ xml: URL, kind: String = "Invoice") throws -> String? {
        let schema = root.appendingPathComponent("Schemas/ubl-2.1/maindoc/UBL-\(kind)-2.1.xsd").path
        let output = try TestProcess.run(try requireTool("xmllint"), ["--noout", "--schema", schema, xml.path], timeout: .seconds(120))
        return output.status == 0 ? nil : output.stderr
    }
}
