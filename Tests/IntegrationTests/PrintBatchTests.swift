import FolioApp
import FolioTesting
import Foundation
import Printing
import Store
import Testing

/// Batches against the scripted queue: a day's documents of one warehouse, in order, with a summary.
struct PrintBatchTests {
    static func issue(_ service: FolioService, _ example: String, reference: String, warehouse: String?) throws -> String {
        var json = try JSONSerialization.jsonObject(with: Data(try TestWorld.example(example))) as! [String: Any]
        json["reference"] = reference
        if let warehouse { json["print"] = ["warehouse": warehouse] }
        guard case .created(let document) = try service.submit(Array(try JSONSerialization.data(withJSONObject: json)), source: reference)
        else { throw TestSupportError(.commandFailed, "\(reference) was not issued") }
        return document.number
    }

    @Test func todaysInvoicesForWarehouse3PrintAsOneOrderedRun() async throws {
        let queue = RecordingPrintQueue()
        let clock = PrintServiceTests.Clock()  // 2026-12-03 11:00 in Bogotá
        let service = try PrintRecoveryTests.service(queue, clock: clock)
        var three: [String] = []
        three.append(try Self.issue(service, "01-three-lines.json", reference: "B-1", warehouse: "3"))
        let other = try Self.issue(service, "02-mixed-iva.json", reference: "B-2", warehouse: "5")
        three.append(try Self.issue(service, "06-consumidor-final.json", reference: "B-3", warehouse: "3"))
        _ = try Self.issue(service, "06-consumidor-final.json", reference: "B-4", warehouse: nil)
        three.append(try Self.issue(service, "02-mixed-iva.json", reference: "B-5", warehouse: "3"))
        await service.drainPrintQueue()
        let issued = queue.requests.count  // the issue prints, on the default printer
        #expect(issued == 5)

        let batch = try service.printBatch(date: "today", warehouse: "3", type: "invoice", printer: "bodega-3", requestedBy: "ana")
        #expect(batch.numbers == three)
        #expect(batch.description == "2026-12-03, warehouse 3, invoice")
        #expect(batch.printers == ["bodega-3": 3])
        #expect(batch.statuses == ["queued": 3])
        #expect(batch.unrouted.isEmpty)
        #expect(!batch.numbers.contains(other))

        await service.drainPrintQueue()
        let sent = queue.requests.dropFirst(issued)
        #expect(sent.map(\.title) == three.map { "\($0) (batch)" })
        #expect(sent.allSatisfy { $0.printer == "bodega-3" })
        // The batch prints the original (the stored PDF), not a "COPIA".
        #expect(try sent.map(\.document) == three.map { try #require(try service.store.file(.pdf, number: $0)) })
        #expect(try service.store.printBatch(id: batch.id)?.statuses == ["submitted": 3])

        // Another day has nothing; bad filters name the field.
        #expect(try service.printBatch(date: "2026-12-02", warehouse: "3", requestedBy: "ana").numbers.isEmpty)
        #expect { try service.printBatch(date: "03/12/2026", requestedBy: "ana") } throws: { ($0 as? PrintBatchError)?.field == "date" }
        #expect { try service.printBatch(date: "today", type: "factura", requestedBy: "ana") } throws: { ($0 as? PrintBatchError)?.field == "type" }
        #expect { try service.printBatch(date: "today", printer: "bodega 3", requestedBy: "ana") } throws: { ($0 as? PrintBatchError)?.field == "printer" }
    }
}
