import FolioApp
import FolioTesting
import Foundation
import HTTPServer
import Printing
import Store
import Testing

/// The print routes in process (no sockets), against the scripted print queue: answers and error shapes.
struct PrintAPITests {
    static func call(_ router: Router, _ method: String, _ path: String, query: [String: String] = [:], body: String? = nil)
        async -> (Int, [String: Any])
    {
        let response = await router.handle(
            HTTPRequest(method: method, path: path, query: query, headers: ["X-Folio-User": "ana"], body: Array((body ?? "").utf8)))
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    static func errorField(_ body: [String: Any]) -> String? {
        (((body["error"] as? [String: Any])?["details"] as? [[String: Any]])?.first)?["field"] as? String
    }

    @Test func printRoutesAnswerAndNameWhatIsWrong() async throws {
        let queue = RecordingPrintQueue(defaultState: .processing)
        queue.setStatus(PrinterStatus(state: "stopped", isAcceptingJobs: true, message: "paused by ana"), ofPrinter: "bodega-1")
        let service = try PrintRecoveryTests.service(queue, clock: PrintServiceTests.Clock())
        let router = service.router()
        let number = try PrintRecoveryTests.issue(service)
        await service.drainPrintQueue()

        let (printersStatus, printers) = await Self.call(router, "GET", "/v1/printers")
        #expect(printersStatus == 200)
        let first = try #require((printers["printers"] as? [[String: Any]])?.first)
        #expect(first["printer"] as? String == "bodega-1")
        #expect(first["cups_state"] as? String == "stopped")
        #expect(first["cups_message"] as? String == "paused by ana")
        #expect(first["in_cups"] as? Int == 1)

        let (listStatus, list) = await Self.call(router, "GET", "/v1/print-jobs", query: ["status": "submitted"])
        #expect(listStatus == 200)
        let job = try #require((list["print_jobs"] as? [[String: Any]])?.first)
        #expect(job["number"] as? String == number)
        let id = try #require(job["id"] as? Int)
        #expect(await Self.call(router, "GET", "/v1/print-jobs/\(id)").0 == 200)
        #expect(await Self.call(router, "GET", "/v1/print-jobs/999").0 == 404)
        #expect(await Self.call(router, "GET", "/v1/print-jobs/abc").0 == 404)

        let (badStatus, bad) = await Self.call(router, "GET", "/v1/print-jobs", query: ["status": "lost"])
        #expect(badStatus == 422)
        #expect(Self.errorField(bad) == "status")
        let (badLimit, limit) = await Self.call(router, "GET", "/v1/print-jobs", query: ["limit": "0"])
        #expect(badLimit == 422)
        #expect(Self.errorField(limit) == "limit")

        #expect(await Self.call(router, "POST", "/v1/print-jobs/\(id)/move", body: "{").0 == 400)
        let (badPrinter, badPrinterBody) = await Self.call(router, "POST", "/v1/print-jobs/\(id)/move", body: #"{"printer": "bodega 2"}"#)
        #expect(badPrinter == 422)
        #expect(Self.errorField(badPrinterBody) == "printer")
        #expect(await Self.call(router, "POST", "/v1/print-jobs/\(id)/move", body: #"{"printer": "bodega-1"}"#).0 == 422)
        #expect(await Self.call(router, "POST", "/v1/print-jobs/999/move", body: #"{"printer": "bodega-2"}"#).0 == 404)
        let (moved, movedBody) = await Self.call(router, "POST", "/v1/print-jobs/\(id)/move", body: #"{"printer": "bodega-2"}"#)
        #expect(moved == 202)
        #expect(movedBody["requested_by"] as? String == "ana")
        #expect(await Self.call(router, "POST", "/v1/print-jobs/\(id)/move", body: #"{"printer": "bodega-3"}"#).0 == 409)

        let (reprint, reprintBody) = await Self.call(
            router, "POST", "/v1/documents/\(number)/reprint", body: #"{"reason": "\#(String(repeating: "x", count: 201))"}"#)
        #expect(reprint == 422)
        #expect(Self.errorField(reprintBody) == "reason")

        let (batch, batchBody) = await Self.call(router, "POST", "/v1/print-batches", body: #"{"date": "ayer"}"#)
        #expect(batch == 422)
        #expect(Self.errorField(batchBody) == "date")
        let (made, madeBody) = await Self.call(router, "POST", "/v1/print-batches", body: #"{"date": "today", "printer": "bodega-9"}"#)
        #expect(made == 202)
        #expect(madeBody["numbers"] as? [String] == [number])
        let batchID = try #require(madeBody["id"] as? Int)
        let (_, progress) = await Self.call(router, "GET", "/v1/print-batches/\(batchID)")
        #expect(progress["printers"] as? [String: Int] == ["bodega-9": 1])
        #expect(await Self.call(router, "GET", "/v1/print-batches/77").0 == 404)
    }
}
