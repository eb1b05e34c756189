import HTTPServer
import Intake
import Foundation
import Store

extension FolioService {
    /// The print service's routes (Docs/api.md, "Printing"):
    /// - `GET /v1/printers` — every known printer: CUPS state and Folio's queue;
    /// - `GET /v1/print-jobs?status=…&limit=…` — jobs, newest first (`status=alert` for jobs with an alert);
    /// - `GET /v1/print-jobs/{id}`;
    /// - `POST /v1/print-jobs/{id}/move` `{"printer": …}` → 202 with the new job.
    func addPrintRoutes(to router: inout Router) {
        router.add("GET", "/v1/printers") { _, _ in
            do {
                return .json(["printers": try await self.printerReports().map(PrinterResource.init)])
            } catch {
                return await self.answer { throw error }
            }
        }
        router.add("GET", "/v1/print-jobs") { request, _ in await self.getPrintJobs(request) }
        router.add("GET", "/v1/print-jobs/{id}") { _, parameters in
            await self.answer {
                guard let id = Int(parameters["id"]!), let job = try self.store.printJob(id: id) else {
                    return Self.noPrintJob(parameters["id"]!)
                }
                return .json(PrintJobResource(job))
            }
        }
        router.add("POST", "/v1/print-jobs/{id}/move") { request, parameters in
            await self.postMove(request, id: parameters["id"]!)
        }
        router.add("POST", "/v1/print-batches") { request, _ in await self.postBatch(request) }
        router.add("GET", "/v1/print-batches/{id}") { _, parameters in
            await self.answer {
                guard let id = Int(parameters["id"]!), let batch = try self.store.printBatch(id: id) else {
                    return .json(ErrorBody(code: "not_found", message: "no print batch \(parameters["id"]!)"), status: 404)
                }
                return .json(PrintBatchResource(batch))
            }
        }
    }

    func postBatch(_ request: HTTPRequest) async -> HTTPResponse {
        struct Body: Decodable {
            var date: String
            var company: String?
            var warehouse: String?
            var branch: String?
            var type: String?
            var printer: String?
            var copies: Int?
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(request.body)) else {
            let message = "the body must be JSON {\"date\": \"YYYY-MM-DD\" or \"today\", \"warehouse\", \"branch\", \"company\", \"type\", \"printer\", \"copies\"}"
            return .json(ErrorBody(code: "bad_request", message: message), status: 400)
        }
        return await answer {
            do {
                let batch = try self.printBatch(
                    date: body.date, company: body.company, warehouse: body.warehouse, branch: body.branch, type: body.type,
                    printer: body.printer, copies: body.copies, requestedBy: request.headers["x-folio-user"] ?? "operator")
                var response = HTTPResponse.json(PrintBatchResource(batch), status: 202)
                response.headers.append(("Location", "/v1/print-batches/\(batch.id)"))
                return response
            } catch let error as PrintBatchError {
                return .json(
                    ErrorBody(code: "validation_failed", message: error.description, details: [Problem(field: error.field, message: error.message)]),
                    status: 422)
            }
        }
    }

    static let printJobStatuses: Set<String> =
        ["queued", "submitting", "submitted", "completed", "aborted", "canceled", "failed", "moved", "alert"]

    func getPrintJobs(_ request: HTTPRequest) async -> HTTPResponse {
        let status = request.query["status"]
        if let status, !Self.printJobStatuses.contains(status) {
            let message = "status must be one of \(Self.printJobStatuses.sorted().joined(separator: ", "))"
            return .json(ErrorBody(code: "validation_failed", message: message, details: [Problem(field: "status", message: message)]), status: 422)
        }
        let limitText = request.query["limit"] ?? "100"
        guard let limit = Int(limitText), (1...10_000).contains(limit) else {
            let message = "limit must be a whole number from 1 to 10000, not \"\(limitText)\""
            return .json(ErrorBody(code: "validation_failed", message: message, details: [Problem(field: "limit", message: message)]), status: 422)
        }
        return await answer { .json(["print_jobs": try self.store.printJobs(status: status, limit: limit).map(PrintJobResource.init)]) }
    }

    func postMove(_ request: HTTPRequest, id: String) async -> HTTPResponse {
        struct Body: Decodable { var printer: String }
        guard let jobID = Int(id) else { return Self.noPrintJob(id) }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(request.body)) else {
            return .json(ErrorBody(code: "bad_request", message: "the body must be JSON {\"printer\": \"…\"}"), status: 400)
        }
        do {
            let moved = try await movePrintJob(id: jobID, to: body.printer, requestedBy: request.headers["x-folio-user"] ?? "operator")
            return .json(PrintJobResource(moved), status: 202)
        } catch let error as PrintMoveError {
            let status =
                switch error.code {
                case .notFound: 404
                case .conflict: 409
                case .invalid: 422
                case .unavailable: 503
                }
            let details = error.code == .invalid ? [Problem(field: "printer", message: error.message)] : []
            return .json(ErrorBody(code: error.code.rawValue, message: error.message, details: details), status: status)
        } catch {
            return await answer { throw error }
        }
    }

    static func noPrintJob(_ id: String) -> HTTPResponse {
        .json(ErrorBody(code: "not_found", message: "no print job \(id)"), status: 404)
    }
}

/// The JSON shape of a print batch.
struct PrintBatchResource: Encodable {
    var id: Int
    var description: String
    var requested_by: String
    var created_at: String
    var documents: Int
    var jobs: Int
    var numbers: [String]
    var statuses: [String: Int]
    var printers: [String: Int]
    var unrouted: [String]

    init(_ batch: PrintBatchSummary) {
        id = batch.id
        description = batch.description
        requested_by = batch.requestedBy
        created_at = batch.createdAt
        documents = batch.numbers.count
        jobs = batch.jobCount
        numbers = batch.numbers
        statuses = batch.statuses
        printers = batch.printers
        unrouted = batch.unrouted
    }
}

/// The JSON shape of a printer's status.
struct PrinterResource: Encodable {
    var printer: String
    var cups_state: String?
    var accepting_jobs: Bool?
    var cups_message: String?
    var waiting: Int
    var in_cups: Int
    var alerts: Int
    var completed: Int
    var last_error: String?

    init(_ report: PrinterReport) {
        printer = report.printer
        cups_state = report.cupsState
        accepting_jobs = report.acceptingJobs
        cups_message = report.cupsMessage
        waiting = report.queue.waiting
        in_cups = report.queue.inCUPS
        alerts = report.queue.alerts
        completed = report.queue.completed
        last_error = report.queue.lastError
    }
}
