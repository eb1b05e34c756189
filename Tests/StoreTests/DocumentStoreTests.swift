import DocumentModel
import Foundation
import Store
import Testing

struct DocumentStoreTests {
    static let resolution = NumberingResolution(
        authorization: "1", prefix: "T", from: 10, to: 12, validFrom: CalendarDate(year: 2020, month: 1, day: 1),
        validTo: CalendarDate(year: 2030, month: 1, day: 1), technicalKey: "k")
    static let instant = Date(timeIntervalSince1970: 1_796_313_600)

    static func directory() -> String {
        let path = NSTemporaryDirectory() + "folio-store-" + UUID().uuidString
        return path
    }

    static func content(_ sequence: Int) -> IssuedContent {
        let party = Party(
            personType: .legal, name: "Peña & Cía", identification: Identification(type: .nit, number: "900108281", checkDigit: 3),
            taxLevelCodes: [], taxScheme: .iva)
        let computed = TotalsCalculator.compute([
            DraftLine(code: nil, description: "x", quantity: 1, unitCode: "94", unitPrice: 100, taxes: [])
        ])
        let document = ElectronicDocument(
            kind: .invoice, environment: .testing, customizationID: "10", number: "T\(sequence)", uniqueCode: "c\(sequence)",
            issueDate: CalendarDate(year: 2026, month: 12, day: 3), issueTime: OffsetTime("11:00:00-05:00")!, dueDate: nil,
            typeCode: "01", notes: [], currency: "COP", orderReference: nil, billingReference: nil, discrepancy: nil,
            supplier: party, customer: party, paymentMeans: nil, taxTotals: computed.taxTotals, totals: computed.totals,
            lines: computed.lines, control: nil, software: nil, qrText: nil)
        return IssuedContent(document: document, xml: Array("<Invoice n='\(sequence)'/>".utf8))
    }

    struct BuildFailed: Error {}

    @Test func numbersAreConsecutiveAndAFailedBuildConsumesNone() throws {
        let store = try DocumentStore(directory: Self.directory())
        func issue(_ reference: String, fail: Bool = false) throws -> IssueOutcome {
            try store.issue(company: "c", erpReference: reference, resolution: Self.resolution, at: Self.instant) { sequence in
                if fail { throw BuildFailed() }
                return Self.content(sequence)
            }
        }
        guard case .created(let first) = try issue("a") else { Issue.record("not created"); return }
        #expect(first.number == "T10")
        #expect(throws: BuildFailed.self) { try issue("b", fail: true) }
        guard case .created(let second) = try issue("b") else { Issue.record("not created"); return }
        #expect(second.number == "T11")
        guard case .existing(let again) = try issue("a") else { Issue.record("issued twice"); return }
        #expect(again == first)
        _ = try issue("c")
        #expect(throws: NumberingResolution.Refusal.exhausted(last: 12)) { try issue("d") }
        #expect(try store.file(.xml, number: "T11") == Array("<Invoice n='11'/>".utf8))
        #expect(try store.events(number: "T10").map(\.kind) == ["received", "issued"])
        #expect(try store.events(number: "T10").first?.at == "2026-12-03T16:00:00Z")
    }

    @Test func concurrentRequestsWithOneReferenceTakeOneNumber() async throws {
        let store = try DocumentStore(directory: Self.directory())
        let numbers = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let outcome = try? store.issue(company: "c", erpReference: "same", resolution: Self.resolution, at: Self.instant) {
                        Self.content($0)
                    }
                    switch outcome {
                    case .created(let document)?, .existing(let document)?: return document.number
                    case nil: return nil
                    }
                }
            }
            var all: [String?] = []
            for await number in group { all.append(number) }
            return all
        }
        #expect(numbers.count == 16)
        #expect(Set(numbers) == ["T10"])
    }

    @Test func printJobsAreKeyedAndQueuedInOrder() throws {
        let store = try DocumentStore(directory: Self.directory())
        _ = try store.issue(company: "c", erpReference: "a", resolution: Self.resolution, at: Self.instant) { Self.content($0) }
        let job = try store.enqueuePrint(key: "T10/issue/1", number: "T10", printer: "p", copies: 2, reason: "issue", requestedBy: "erp", at: Self.instant)
        let same = try store.enqueuePrint(key: "T10/issue/1", number: "T10", printer: "p", copies: 2, reason: "issue", requestedBy: "erp", at: Self.instant)
        #expect(job.id == same.id)
        let second = try store.enqueuePrint(key: "T10/reprint/2", number: "T10", printer: "q", copies: 1, reason: "reprint", requestedBy: "ana", at: Self.instant)
        #expect(try store.nextQueuedPrintJob()?.id == job.id)
        try store.markSubmitted(jobID: job.id, cupsJobID: 42, at: Self.instant)
        #expect(try store.nextQueuedPrintJob()?.id == second.id)
        try store.markFailed(jobID: second.id, error: "printer q does not exist", at: Self.instant)
        #expect(try store.nextQueuedPrintJob() == nil)
        let jobs = try store.printJobs(number: "T10")
        #expect(jobs.map(\.status) == ["submitted", "failed"])
        #expect(jobs[0].cupsJobID == 42)
        #expect(try store.events(number: "T10").map(\.detail).last == "q: printer q does not exist")
    }

    @Test func aNumberWithAnEmbeddedNULFindsNothing() throws {
        let store = try DocumentStore(directory: Self.directory())
        _ = try store.issue(company: "c", erpReference: "a", resolution: Self.resolution, at: Self.instant) { Self.content($0) }
        #expect(try store.document(number: "T10") != nil)
        #expect(try store.document(number: "T10\u{0}") == nil)
        #expect(try store.document(number: "") == nil)
    }
}
