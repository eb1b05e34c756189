import FolioTesting
import Foundation
import Glibc
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Black-box print service: crash recovery, stuck jobs, status: `folio serve` processes on one data directory, a private cupsd,
/// real IPP printers (ippeveprinter).
@Suite(.serialized)
struct PrintEndToEndTests {
    /// Starts `folio serve` on `config` and waits for its "listening on" line.
    static func serve(_ config: URL, in directory: URL, name: String, environment: [String: String] = [:]) throws -> (TestProcess, URL) {
        let out = directory.appendingPathComponent("\(name).out")
        let err = directory.appendingPathComponent("\(name).err")
        var env = environment
        env["FOLIO_HOME"] = TestWorld.root.path
        let server = try TestProcess.spawn(
            TestWorld.folioExecutable, ["serve", "--config", config.path, "--port", "0"], environment: env,
            standardOutput: out, standardError: err)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on ") {
                let address = text[range.upperBound...].prefix { !$0.isWhitespace }
                return (server, URL(string: String(address))!)
            }
            guard server.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        _ = server.terminate()
        throw TestSupportError(.notReady, "folio serve did not start: \((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
    }

    static func json(_ method: String, _ url: URL, body: [UInt8]? = nil) async throws -> (Int, [String: Any]) {
        let (status, data) = try await ServeEndToEndTests.request(method, url, body: body)
        return (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }

    @Test func folioKilledBetweenSubmitAndRecordPrintsOnceAfterRestart() async throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-crash")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cups = try PrivateCUPS.start(printers: ["bodega-1"])
        defer { cups.stop() }
        let config = try TestWorld.writeConfiguration(in: directory, cupsServer: cups.server, defaultPrinter: "bodega-1")

        // The first process kills itself (SIGKILL) right after CUPS accepted the job, before recording it.
        let (first, base) = try Self.serve(
            config, in: directory, name: "first", environment: ["FOLIO_TEST_KILL_AFTER_PRINT_ACCEPTED": "1"])
        defer { _ = first.terminate() }
        let (status, document) = try await Self.json(
            "POST", base.appendingPathComponent("v1/documents"), body: try TestWorld.example("03-accented-buyer.json"))
        #expect(status == 201)
        let number = try #require(document["number"] as? String)
        #expect(first.waitForExit(timeout: .seconds(60)) == 128 + SIGKILL)

        let (second, again) = try Self.serve(config, in: directory, name: "second")
        defer { _ = second.terminate() }
        let files = try cups.waitForFiles(printer: "bodega-1", count: 1, timeout: .seconds(60))
        #expect(try TestWorld.pdfText(files[0]).contains(number))
        // The restarted Folio found the job in CUPS by its key and followed it instead of sending it again.
        var events: [[String: Any]] = []
        var jobs: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(30)
        repeat {
            let (_, detail) = try await Self.json("GET", again.appendingPathComponent("v1/documents/\(number)"))
            events = detail["events"] as? [[String: Any]] ?? []
            jobs = detail["print_jobs"] as? [[String: Any]] ?? []
            if jobs.first?["status"] as? String == "completed" { break }
            try await Task.sleep(for: .milliseconds(200))
        } while Date() < deadline
        #expect(jobs.count == 1)
        #expect(jobs.first?["status"] as? String == "completed")
        let kinds = events.compactMap { $0["kind"] as? String }
        #expect(kinds.contains("print-reconciled"), "\(events)\n\(cups.logTail())")
        #expect(!kinds.contains("print-submitted"), "\(kinds)")
        try await Task.sleep(for: .seconds(2))
        #expect(cups.receivedFiles(printer: "bodega-1").count == 1)
    }

    @Test func aHeldJobRaisesAnAlertAndMovesToAnotherPrinterWithoutADuplicate() async throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-held")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cups = try PrivateCUPS.start(printers: ["bodega-1", "bodega-2"])
        defer { cups.stop() }
        let config = try TestWorld.writeConfiguration(in: directory, cupsServer: cups.server, defaultPrinter: "bodega-1")
        try cups.pauseQueue("bodega-1")  // so the job is still in CUPS when the operator holds it
        let (server, base) = try Self.serve(config, in: directory, name: "serve")
        defer { _ = server.terminate() }

        let (status, document) = try await Self.json(
            "POST", base.appendingPathComponent("v1/documents"), body: try TestWorld.example("01-three-lines.json"))
        #expect(status == 201)
        let number = try #require(document["number"] as? String)
        func job(_ query: String) async throws -> [String: Any]? {
            var url = URLComponents(url: base.appendingPathComponent("v1/print-jobs"), resolvingAgainstBaseURL: false)!
            url.query = query
            let (_, body) = try await Self.json("GET", url.url!)
            return (body["print_jobs"] as? [[String: Any]])?.first { $0["number"] as? String == number }
        }
        func poll(_ query: String) async throws -> [String: Any]? {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if let found = try await job(query) { return found }
                try await Task.sleep(for: .milliseconds(200))
            }
            return nil
        }
        let submitted = try #require(try await poll("status=submitted"))
        let jobID = try #require(submitted["id"] as? Int)
        let cupsJobID = try #require(submitted["cups_job_id"] as? Int)
        try cups.holdJob(cupsJobID)

        let alerted = try #require(try await poll("status=alert"), "no alert\n\(cups.logTail())")
        #expect(alerted["alert"] as? String == "held by CUPS (job \(cupsJobID))")
        let (_, printers) = try await Self.json("GET", base.appendingPathComponent("v1/printers"))
        let list = printers["printers"] as? [[String: Any]] ?? []
        let first = try #require(list.first { $0["printer"] as? String == "bodega-1" })
        #expect(first["cups_state"] as? String == "stopped")
        #expect(first["in_cups"] as? Int == 1)
        #expect(first["alerts"] as? Int == 1)

        // The operator's view and move, through the CLI (a client of the server).
        func folio(_ arguments: [String]) throws -> String {
            let output = try TestProcess.run(TestWorld.folioExecutable, arguments + ["--server", base.absoluteString], timeout: .seconds(30))
            #expect(output.status == 0, "folio \(arguments): \(output.stderr)")
            return output.stdout
        }
        let alerts = try folio(["jobs", "--status", "alert"])
        #expect(alerts.contains("held by CUPS (job \(cupsJobID))"), "\(alerts)")
        #expect(alerts.split(separator: "\n").count == 2)  // header + the job
        let printerTable = try folio(["printers"])
        #expect(printerTable.split(separator: "\n").contains { $0.hasPrefix("bodega-1") && $0.contains("stopped") }, "\(printerTable)")
        let moveOutput = try folio(["jobs", "move", String(jobID), "--printer", "bodega-2"])
        #expect(moveOutput.hasPrefix("job \(jobID) moved to bodega-2 as job "), "\(moveOutput)")
        let (_, moved) = try await Self.json("GET", base.appendingPathComponent("v1/print-jobs/\(jobID + 1)"))
        #expect(moved["printer"] as? String == "bodega-2")
        let files = try cups.waitForFiles(printer: "bodega-2", count: 1, timeout: .seconds(60))

        // What arrived is what Folio rendered: same pages, same text.
        let (pdfStatus, pdf) = try await ServeEndToEndTests.request("GET", base.appendingPathComponent("v1/documents/\(number)/pdf"))
        #expect(pdfStatus == 200)
        let rendered = directory.appendingPathComponent("rendered.pdf")
        try pdf.write(to: rendered)
        #expect(try TestWorld.pageCount(files[0]) == (try TestWorld.pageCount(rendered)))
        #expect(try TestWorld.pdfText(files[0]) == (try TestWorld.pdfText(rendered)))

        // The first printer never prints it, even once its queue runs again.
        try cups.resumeQueue("bodega-1")
        try await Task.sleep(for: .seconds(2))
        #expect(cups.receivedFiles(printer: "bodega-1").isEmpty)
        #expect(cups.receivedFiles(printer: "bodega-2").count == 1)
        let (_, old) = try await Self.json("GET", base.appendingPathComponent("v1/print-jobs/\(jobID)"))
        #expect(old["status"] as? String == "moved")
        #expect(old["moved_to"] as? Int == moved["id"] as? Int)
        let (againStatus, _) = try await Self.json(
            "POST", base.appendingPathComponent("v1/print-jobs/\(jobID)/move"), body: Array(#"{"printer": "bodega-1"}"#.utf8))
        #expect(againStatus == 409)
        // A reprint by number from the CLI, with who and why on the job; it carries "COPIA".
        let reprint = try folio(["print", number, "--printer", "bodega-2", "--reason", "cliente perdió el original"])
        #expect(reprint.hasPrefix("\(number): reprint queued as job "), "\(reprint)")
        let both = try cups.waitForFiles(printer: "bodega-2", count: 2, timeout: .seconds(60))
        #expect(try TestWorld.pdfText(both[1]).contains("COPIA"))
        #expect(!(try TestWorld.pdfText(both[0]).contains("COPIA")))
        let (_, detail) = try await Self.json("GET", base.appendingPathComponent("v1/documents/\(number)"))
        let lastJob = (detail["print_jobs"] as? [[String: Any]])?.last
        #expect(lastJob?["note"] as? String == "cliente perdió el original")
        #expect(lastJob?["reason"] as? String == "reprint")

        let (badStatus, bad) = try await Self.json("GET", URL(string: "v1/print-jobs?status=lost", relativeTo: base)!)
        #expect(badStatus == 422)
        #expect(((bad["error"] as? [String: Any])?["message"] as? String)?.hasPrefix("status must be one of") == true)
    }
}
