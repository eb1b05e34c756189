import Dispatch
import FolioApp
import FolioTesting
import Foundation
import Printing
import Store
import Synchronization
import Testing

/// Many documents at once through the whole print path: a private cupsd, two real IPP printers.
struct PrintConcurrencyTests {
    @Test func aHundredDocumentsAtOnceOnTwoPrintersEachPrintOnce() async throws {
        let cups = try PrivateCUPS.start(printers: ["bodega-1", "bodega-2"])
        defer { cups.stop() }
        for printer in cups.printers { try cups.dontWaitForPrinterCompletion(printer) }
        let directory = try makeTemporaryDirectory(prefix: "folio-hundred")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try TestWorld.writeConfiguration(
            in: directory, cupsServer: cups.server, defaultPrinter: "bodega-1",
            printing: ["rules": [["warehouse": "2", "printers": ["bodega-2"]]]])
        let service = try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources, world: .live)
        let worker = Task { await service.runPrintWorker(interval: .milliseconds(200)) }
        defer { worker.cancel() }

        // 100 ERP requests at once, half for each warehouse, while the worker is already printing.
        let template = try JSONSerialization.jsonObject(with: Data(try TestWorld.example("06-consumidor-final.json"))) as! [String: Any]
        let bodies = try (0..<100).map { index in
            var json = template
            json["reference"] = "CONC-\(index)"
            json["print"] = ["warehouse": index % 2 == 0 ? "1" : "2"]
            return Array(try JSONSerialization.data(withJSONObject: json))
        }
        let issued = Mutex<[Int: String]>([:])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 100) { index in
            do {
                guard case .created(let document) = try service.submit(bodies[index], source: "CONC-\(index)")
                else { throw TestSupportError(.commandFailed, "CONC-\(index) was not new") }
                issued.withLock { $0[index] = document.number }
            } catch {
                failures.withLock { $0.append("CONC-\(index): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let numbers = issued.withLock { $0 }
        #expect(Set(numbers.values).count == 100)

        let atOne = try cups.waitForFiles(printer: "bodega-1", count: 50, timeout: .seconds(120))
        let atTwo = try cups.waitForFiles(printer: "bodega-2", count: 50, timeout: .seconds(120))
        try await Task.sleep(for: .seconds(2))  // nothing more arrives
        #expect(cups.receivedFiles(printer: "bodega-1").count == 50)
        #expect(cups.receivedFiles(printer: "bodega-2").count == 50)

        // Each document on its warehouse's printer, once: read back from what the printers received.
        func printedNumbers(_ files: [URL]) throws -> [String] {
            try files.map { file in
                let text = try TestWorld.pdfText(file)
                return numbers.values.first { text.contains($0) } ?? "unknown: \(file.lastPathComponent)"
            }
        }
        let expectedOne = numbers.filter { $0.key % 2 == 0 }.map(\.value).sorted()
        let expectedTwo = numbers.filter { $0.key % 2 == 1 }.map(\.value).sorted()
        #expect(try printedNumbers(atOne).sorted() == expectedOne)
        #expect(try printedNumbers(atTwo).sorted() == expectedTwo)
        let jobs = try numbers.values.flatMap { try service.store.printJobs(number: $0) }
        #expect(jobs.count == 100)
        #expect(Set(jobs.compactMap(\.cupsJobID)).count == 100)
    }
}

/// CUPS itself going away and coming back while it holds Folio's jobs.
struct PrintCUPSRestartTests {
    @Test func cupsRestartedMidJobLosesNothingAndPrintsEachOnceInOrder() async throws {
        let cups = try PrivateCUPS.start(printers: ["bodega-1"])
        defer { cups.stop() }
        let directory = try makeTemporaryDirectory(prefix: "folio-cups-restart")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try TestWorld.writeConfiguration(in: directory, cupsServer: cups.server, defaultPrinter: "bodega-1")
        let service = try FolioService(
            configuration: try FolioConfiguration.load(path: config.path), resources: TestWorld.resources, world: .live)
        cups.stopPrinter("bodega-1")  // the jobs stay in CUPS, mid-job

        func issue(_ example: String) throws -> String {
            guard case .created(let document) = try service.submit(try TestWorld.example(example), source: example) else {
                throw TestSupportError(.commandFailed, "\(example) was not issued")
            }
            return document.number
        }
        var numbers = [try issue("01-three-lines.json"), try issue("02-mixed-iva.json")]
        await service.drainPrintQueue()
        let before = try numbers.map { try #require(try service.store.printJobs(number: $0).first) }
        #expect(before.map(\.status) == ["submitted", "submitted"], "\(before.map(\.error))\n\(cups.logTail())")

        // cupsd goes down while it holds both jobs; a third document is issued meanwhile and waits.
        try await cups.restartCUPS(downFor: .milliseconds(500)) {
            numbers.append(try issue("06-consumidor-final.json"))
            await service.drainPrintQueue()
            await service.followPrintJobs()
        }
        let third = try #require(try service.store.printJobs(number: numbers[2]).first)
        #expect(third.status == "submitting")  // it may or may not have reached CUPS: looked for before it is sent
        #expect(third.attempts == 1)

        let worker = Task { await service.runPrintWorker(interval: .milliseconds(200)) }
        defer { worker.cancel() }
        try cups.startPrinter("bodega-1")
        let files = try cups.waitForFiles(printer: "bodega-1", count: 3, timeout: .seconds(90))
        let printed = try files.map { file in try #require(numbers.first { try! TestWorld.pdfText(file).contains($0) }) }
        #expect(printed == numbers)
        // The first two kept their CUPS jobs across the restart; nothing was sent twice.
        let after = try numbers.map { try #require(try service.store.printJobs(number: $0).first) }
        #expect(after.prefix(2).map(\.cupsJobID) == before.map(\.cupsJobID))
        try await Task.sleep(for: .seconds(2))
        #expect(cups.receivedFiles(printer: "bodega-1").count == 3)
    }
}
