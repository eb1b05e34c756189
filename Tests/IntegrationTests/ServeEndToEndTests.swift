import FolioTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Black-box: `folio serve` as its own process on loopback, a private cupsd whose queue is a real IPP printer
/// (ippeveprinter), and HTTP requests from outside.
@Suite(.serialized)
struct ServeEndToEndTests {
    struct Running {
        let cups: PrivateCUPS
        let server: TestProcess
        let base: URL
        let directory: URL
    }

    static func start() throws -> Running {
        let directory = try makeTemporaryDirectory(prefix: "folio-serve")
        let cups = try PrivateCUPS.start(printers: ["bodega-1"])
        let config = try TestWorld.writeConfiguration(in: directory, cupsServer: cups.server, defaultPrinter: "bodega-1")
        let out = directory.appendingPathComponent("serve.out")
        let server = try TestProcess.spawn(
            TestWorld.folioExecutable, ["serve", "--config", config.path, "--port", "0"],
            environment: ["FOLIO_HOME": TestWorld.root.path], standardOutput: out,
            standardError: directory.appendingPathComponent("serve.err"))
        // Wait for "folio: listening on http://127.0.0.1:PORT …".
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on ") {
                let address = text[range.upperBound...].prefix { !$0.isWhitespace }
                return Running(cups: cups, server: server, base: URL(string: String(address))!, directory: directory)
            }
            guard server.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let errors = (try? String(contentsOf: directory.appendingPathComponent("serve.err"), encoding: .utf8)) ?? ""
        _ = server.terminate()
        cups.stop()
        throw TestSupportError(.notReady, "folio serve did not start: \(errors)")
    }

    /// The command names (`comm`) of the live child processes of `pid`, from `/proc`.
    static func children(of pid: pid_t) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> String? in
            guard Int(entry) != nil, let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { return nil }
            // "PID (comm) STATE PPID …"
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, fields[0] != "Z", Int32(fields[1]) == pid else { return nil }
            return String(stat[stat.index(after: open)..<close])
        }
    }

    static func request(_ method: String, _ url: URL, body: [UInt8]? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body.map { Data($0) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, data)
    }

    @Test func issueOverHTTPPrintsOnARealIPPPrinterAndReprintsACopy() async throws {
        let running = try Self.start()
        defer {
            _ = running.server.terminate()
            running.cups.stop()
        }
        let (status, data) = try await Self.request(
            "POST", running.base.appendingPathComponent("v1/documents"), body: try TestWorld.example("03-accented-buyer.json"))
        #expect(status == 201, "\(String(decoding: data, as: UTF8.self))")
        let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let number = try #require(document["number"] as? String)

        // The ERP's answer did not wait for the printer; the file arrives afterwards.
        let printed = try running.cups.waitForFiles(printer: "bodega-1", count: 1, timeout: .seconds(60))
        let printedText = try TestWorld.pdfText(printed[0])
        #expect(printedText.contains(number))
        #expect(printedText.contains("Peña & Hijos Ñandú Muñoz S.A.S."))
        #expect(!printedText.contains("COPIA"))
        // The PDF was drawn by a render worker process of the server, not by the server itself.
        #expect(Self.children(of: running.server.pid).contains("folio-render"))

        let (reprintStatus, _) = try await Self.request(
            "POST", running.base.appendingPathComponent("v1/documents/\(number)/reprint"), body: Array(#"{"copies": 1}"#.utf8))
        #expect(reprintStatus == 202)
        let both = try running.cups.waitForFiles(printer: "bodega-1", count: 2, timeout: .seconds(60))
        let copies = try both.map { try TestWorld.pdfText($0) }.filter { $0.contains("COPIA") }
        #expect(copies.count == 1)
        #expect(copies.first?.contains(number) == true)

        // The timeline shows both CUPS jobs, followed until the printer completed them.
        var submitted: [String] = []
        var completed: [String] = []
        let deadline = Date().addingTimeInterval(30)
        while completed.count < 2 && Date() < deadline {
            let (_, detail) = try await Self.request("GET", running.base.appendingPathComponent("v1/documents/\(number)"))
            let events = (try JSONSerialization.jsonObject(with: detail) as! [String: Any])["events"] as! [[String: Any]]
            func details(_ kind: String) -> [String] {
                events.filter { $0["kind"] as? String == kind }.compactMap { $0["detail"] as? String }
            }
            submitted = details("print-submitted")
            completed = details("printed")
            if completed.count < 2 { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(submitted.count == 2)
        #expect(submitted.allSatisfy { $0.hasPrefix("sent to bodega-1, CUPS job ") })
        #expect(completed.count == 2)
        #expect(completed.allSatisfy { $0.hasPrefix("printed on bodega-1, CUPS job ") && $0.contains(", completed ") })

        // Malformed and wrong requests answer clearly and the server keeps going.
        let (bad, badBody) = try await Self.request("POST", running.base.appendingPathComponent("v1/documents"), body: Array("{".utf8))
        #expect(bad == 422)
        #expect(String(decoding: badBody, as: UTF8.self).contains("invalid JSON"))
        let (missing, _) = try await Self.request("GET", running.base.appendingPathComponent("v1/documents/SETP1/pdf"))
        #expect(missing == 404)
        let (health, _) = try await Self.request("GET", running.base.appendingPathComponent("health"))
        #expect(health == 200)
    }

    @Test func aPrinterThatIsOffHoldsTheWorkAndPrintsItOnceInOrderWhenBack() async throws {
        let running = try Self.start()
        defer {
            _ = running.server.terminate()
            running.cups.stop()
        }
        running.cups.stopPrinter("bodega-1")
        var numbers: [String] = []
        for example in ["01-three-lines.json", "02-mixed-iva.json", "06-consumidor-final.json"] {
            let (status, data) = try await Self.request(
                "POST", running.base.appendingPathComponent("v1/documents"), body: try TestWorld.example(example))
            #expect(status == 201)
            numbers.append(try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["number"] as? String))
        }
        // The ERP got its answers; CUPS holds the jobs while the printer is off.
        func jobs(_ number: String) async throws -> [[String: Any]] {
            let (_, detail) = try await Self.request("GET", running.base.appendingPathComponent("v1/documents/\(number)"))
            return (try JSONSerialization.jsonObject(with: detail) as? [String: Any])?["print_jobs"] as? [[String: Any]] ?? []
        }
        var submitted = 0
        let deadline = Date().addingTimeInterval(30)
        while submitted < 3 && Date() < deadline {
            submitted = 0
            for number in numbers where try await jobs(number).first?["status"] as? String == "submitted" { submitted += 1 }
            if submitted < 3 { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(submitted == 3)
        #expect(running.cups.receivedFiles(printer: "bodega-1").isEmpty)

        try running.cups.startPrinter("bodega-1")
        let files = try running.cups.waitForFiles(printer: "bodega-1", count: 3, timeout: .seconds(90))
        let printed = try files.map { file in try #require(numbers.first { try! TestWorld.pdfText(file).contains($0) }) }
        #expect(printed == numbers)
        // Once each: nothing more arrives, and every job ends completed.
        try await Task.sleep(for: .seconds(2))
        #expect(running.cups.receivedFiles(printer: "bodega-1").count == 3)
        var completed = 0
        let end = Date().addingTimeInterval(30)
        while completed < 3 && Date() < end {
            completed = 0
            for number in numbers where try await jobs(number).first?["status"] as? String == "completed" { completed += 1 }
            if completed < 3 { try await Task.sleep(for: .milliseconds(300)) }
        }
        #expect(completed == 3)
    }
}
