import FolioTesting
import Foundation
import Testing

/// The `folio` command line as a user runs it.
struct CLITests {
    static func folio(_ arguments: [String], timeout: Duration = .seconds(120)) throws -> TestProcess.Output {
        try TestProcess.run(
            TestWorld.folioExecutable, arguments, environment: ["FOLIO_HOME": TestWorld.root.path], timeout: timeout)
    }

    @Test func issueWritesXMLAndPDFAndPrintsOnARealPrinter() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-cli")
        let cups = try PrivateCUPS.start(printers: ["bodega-3"])
        defer { cups.stop() }
        let config = try TestWorld.writeConfiguration(in: directory, cupsServer: cups.server)
        let out = directory.appendingPathComponent("out")
        let example = TestWorld.examples.appendingPathComponent("01-three-lines.json").path
        let result = try Self.folio(["issue", example, "--config", config.path, "--out", out.path, "--printer", "bodega-3"])
        #expect(result.status == 0, "\(result.stderr)")
        let firstLine = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let parts = firstLine.split(separator: " ")
        #expect(parts.count == 3)
        #expect(parts.first == "SETP990000000")
        #expect(parts[1].count == 96)
        #expect(parts.last == "delivered")
        #expect(result.stdout.contains("print: bodega-3 CUPS job "))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("SETP990000000.xml").path))
        let files = try cups.waitForFiles(printer: "bodega-3", count: 1, timeout: .seconds(60))
        #expect(try TestWorld.pdfText(files[0]).contains("SETP990000000"))

        // The same document again: no second number.
        let again = try Self.folio(["issue", example, "--config", config.path, "--out", out.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already issued"))
        #expect(again.stdout.contains("SETP990000000 \(parts[1])"))
    }

    @Test func badInputExitsWithOneAndNamesFileFieldAndLine() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-cli-bad")
        let config = try TestWorld.writeConfiguration(in: directory)
        let bad = directory.appendingPathComponent("bad.json")
        try Data(#"{"reference": "R", "company": "folio-demo", "buyer": {"final_consumer": true},\#n "lines": [{"description": "x", "quantity": "0", "unit_price": "5"}]}"#.utf8).write(to: bad)
        let result = try Self.folio(["issue", bad.path, "--config", config.path, "--out", directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.json"))
        #expect(result.stderr.contains("lines[1].quantity (line 2, column 45): must be greater than 0"))

        let missing = try Self.folio(["render", directory.appendingPathComponent("nope.xml").path, "-o", "/dev/null"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.xml: cannot read the file"))

        let badConfig = directory.appendingPathComponent("broken-config.json")
        try Data(#"{"companies": [{"id": 3}]}"#.utf8).write(to: badConfig)
        let config2 = try Self.folio(["issue", bad.path, "--config", badConfig.path, "--out", directory.path])
        #expect(config2.status == 1)
        #expect(config2.stderr.contains("broken-config.json: invalid configuration"))
        #expect(config2.stderr.contains("companies[1].id"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try Self.folio([]).status == 2)
        #expect(try Self.folio(["frobnicate"]).status == 2)
        let noOutput = try Self.folio(["render", "x.json"])
        #expect(noOutput.status == 2)
        #expect(noOutput.stderr.contains("render needs INPUT and -o OUT.pdf"))
        #expect(try Self.folio(["print", "x.pdf", "--bogus", "1"]).status == 2)
    }

    @Test func checkGatesTheShippedLayoutsAndNamesEveryProblemInABrokenOne() throws {
        let shipped = try Self.folio(["check", TestWorld.root.appendingPathComponent("Layouts").path])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains(" OK ("))

        let directory = try makeTemporaryDirectory(prefix: "folio-check")
        try FileManager.default.copyItem(
            at: TestWorld.root.appendingPathComponent("Layouts/assets"), to: directory.appendingPathComponent("assets"))
        let broken = """
            <layout version="1">
              <fonts><font family="DejaVu Sans"/></fonts>
              <page size="A4" margin="10mm">
                <text font-size="9" colour="#000">{document.numbr}</text>
              </page>
            </layout>
            """
        try Data(broken.utf8).write(to: directory.appendingPathComponent("bad.xml"))
        let result = try Self.folio(["check", directory.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(result.stderr.contains("bad.xml:4:"))
        #expect(result.stderr.contains("hint: write `12pt` or `4mm`"))
        #expect(result.stderr.contains("did you mean `color`?"))
        #expect(result.stderr.contains("document.number"))
    }

    @Test func previewRendersAndWatchReRendersOnSave() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-preview")
        let layouts = directory.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: TestWorld.root.appendingPathComponent("Layouts"), to: layouts)
        let sample = TestWorld.root.appendingPathComponent("Tests/UBLTests/Fixtures/invoice-stenfrank-setp990000008-unsigned.xml").path
        let out = directory.appendingPathComponent("out")
        let once = try Self.folio(["preview", layouts.appendingPathComponent("invoice.xml").path, "--sample", sample, "--out", out.path])
        #expect(once.status == 0, "\(once.stderr)")
        #expect(once.stdout.hasPrefix("invoice: 1 page in "))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("page-1.png").path))

        let log = directory.appendingPathComponent("watch.out")
        let errors = directory.appendingPathComponent("watch.err")
        let watcher = try TestProcess.spawn(
            TestWorld.folioExecutable,
            ["preview", layouts.appendingPathComponent("invoice.xml").path, "--sample", sample, "--out", out.path, "--watch"],
            environment: ["FOLIO_HOME": TestWorld.root.path], standardOutput: log, standardError: errors)
        defer { _ = watcher.terminate() }
        func waitFor(_ predicate: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if predicate() { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        func renders() -> Int { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").components(separatedBy: "invoice: ").count - 1 }
        #expect(waitFor { renders() == 1 })
        // A designer saves a mistake: the diagnostics appear, and the watcher keeps going.
        let file = layouts.appendingPathComponent("invoice.xml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "<text ", with: "<text colour=\"#000\" ", options: [], range: original.range(of: "<text "))
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(waitFor { ((try? String(contentsOf: errors, encoding: .utf8)) ?? "").contains("did you mean `color`?") })
        // Then fixes it: a second rendering.
        try original.write(to: file, atomically: true, encoding: .utf8)
        #expect(waitFor { renders() == 2 })
    }

    @Test func aRenderedERPDraftSaysItIsNotAnIssuedDocument() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-draft")
        let config = try TestWorld.writeConfiguration(in: directory)
        let draft = directory.appendingPathComponent("draft.pdf")
        let result = try Self.folio([
            "render", TestWorld.examples.appendingPathComponent("01-three-lines.json").path, "--config", config.path, "-o", draft.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The mark may wrap: compare with whitespace collapsed.
        let words = try TestWorld.pdfText(draft).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("BORRADOR — SIN VALIDEZ FISCAL, NO EMITIDO"))
        let foreign = directory.appendingPathComponent("foreign.pdf")
        let xml = TestWorld.root.appendingPathComponent("Tests/UBLTests/Fixtures/invoice-stenfrank-setp990000008-unsigned.xml")
        #expect(try Self.folio(["render", xml.path, "-o", foreign.path]).status == 0)
        #expect(!(try TestWorld.pdfText(foreign).contains("BORRADOR")))
    }
}
