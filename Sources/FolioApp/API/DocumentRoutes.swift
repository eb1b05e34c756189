public import HTTPServer
import Intake
import Foundation
import Store

extension FolioService {
    /// The HTTP API (Docs/api.md):
    /// - `POST /v1/documents` — ERP JSON → 201 (or 200 with the first result for a repeated reference), 422 with field errors;
    /// - `GET /v1/documents/{number}` (+ `/pdf`, `/xml`, `/application-response`, `/attached-document`);
    /// - `POST /v1/documents/{number}/reprint` `{printer, copies}` → 202;
    /// - `GET /rules` — DIAN's rules Folio checks before a document leaves (Docs/rules.md);
    /// - `GET /preview` — the designers' live preview (PNG pages and diagnostics of any layout × sample);
    /// - the print service's routes (``addPrintRoutes(to:)``);
    /// - `GET /health`.
    public func router() -> Router {
        var router = Router()
        router.add("GET", "/health") { _, _ in .json(["status": "ok"]) }
        router.add("GET", "/rules") { _, _ in .json(RulesResource()) }
        router.add("POST", "/v1/documents") { request, _ in await self.postDocument(request) }
        router.add("GET", "/v1/documents/{number}") { _, parameters in
            await self.answer {
                guard let stored = try self.store.document(number: parameters["number"]!) else { return Self.notFound(parameters["number"]!) }
                let resource = DocumentResource(
                    stored, events: try self.store.events(number: stored.number),
                    printJobs: try self.store.printJobs(number: stored.number),
                    issuance: try self.store.issuanceRecord(number: stored.number))
                return .json(resource)
            }
        }
        router.add("GET", "/v1/documents/{number}/pdf") { _, parameters in
            await self.answer {
                guard let pdf = try self.pdf(number: parameters["number"]!) else { return Self.notFound(parameters["number"]!) }
                return HTTPResponse(
                    status: 200,
                    headers: [("Content-Type", "application/pdf"), ("Content-Disposition", "inline; filename=\"\(parameters["number"]!).pdf\"")],
                    body: pdf)
            }
        }
        router.add("GET", "/v1/documents/{number}/xml") { _, parameters in
            await self.answer {
                guard let xml = try self.xml(number: parameters["number"]!) else { return Self.notFound(parameters["number"]!) }
                return HTTPResponse(status: 200, headers: [("Content-Type", "application/xml; charset=utf-8")], body: xml)
            }
        }
        // DIAN's verdict and the AttachedDocument, exactly as stored.
        for (segment, file) in [("application-response", DocumentFile.applicationResponse), ("attached-document", .attachedDocument)] {
            router.add("GET", "/v1/documents/{number}/\(segment)") { _, parameters in
                await self.answer {
                    let number = parameters["number"]!
                    guard try self.store.document(number: number) != nil else { return Self.notFound(number) }
                    guard let bytes = try self.store.file(file, number: number) else {
                        return .error(status: 404, code: "not_yet", message: "\(number) has no \(segment) yet; see its issuance state")
                    }
                    return HTTPResponse(status: 200, headers: [("Content-Type", "application/xml; charset=utf-8")], body: bytes)
                }
            }
        }
        router.add("POST", "/v1/documents/{number}/reprint") { request, parameters in
            await self.postReprint(request, number: parameters["number"]!)
        }
        addPreviewRoutes(to: &router)
        addPrintRoutes(to: &router)
        return router
    }

    func postDocument(_ request: HTTPRequest) async -> HTTPResponse {
        await answer {
            do {
                switch try self.submit(request.body, source: "request body", requestedBy: request.headers["x-folio-user"] ?? "erp") {
                case .created(let stored):
                    var response = HTTPResponse.json(DocumentResource(stored), status: 201)
                    response.headers.append(("Location", "/v1/documents/\(stored.number)"))
                    return response
                case .existing(let stored):
                    var response = HTTPResponse.json(DocumentResource(stored), status: 200)
                    response.headers.append(("Idempotent-Replay", "true"))
                    return response
                }
            } catch let error as SubmissionError {
                let count = error.problems.count
                return .json(
                    ErrorBody(
                        code: error.code.description,
                        message: "the document was not issued: \(count) problem\(count == 1 ? "" : "s")", details: error.problems),
                    status: 422)
            }
        }
    }

    func postReprint(_ request: HTTPRequest, number: String) async -> HTTPResponse {
        struct Body: Decodable {
            var printer: String?
            var copies: Int?
            var reason: String?
        }
        let body: Body
        do {
            body = request.body.isEmpty ? Body() : try JSONDecoder().decode(Body.self, from: Data(request.body))
        } catch {
            return .json(
                ErrorBody(code: "bad_request", message: "the body must be JSON {\"printer\": \"…\", \"copies\": 1, \"reason\": \"…\"}"),
                status: 400)
        }
        if let printer = body.printer, printer.isEmpty || printer.count > 127
            || !printer.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
        {
            let message = "\"\(printer)\" is not a CUPS queue name (letters, digits, '_', '.', '-'; at most 127)"
            return .json(ErrorBody(code: "validation_failed", message: message, details: [Problem(field: "printer", message: message)]), status: 422)
        }
        if let reason = body.reason, reason.isEmpty || reason.count > 200 || reason.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }) {
            let message = "reason must be 1 to 200 characters on one line"
            return .json(ErrorBody(code: "validation_failed", message: message, details: [Problem(field: "reason", message: message)]), status: 422)
        }
        let copies = body.copies ?? 1
        guard (1...99).contains(copies) else {
            return .json(
                ErrorBody(code: "validation_failed", message: "copies must be between 1 and 99", details: [Problem(field: "copies", message: "must be between 1 and 99")]),
                status: 422)
        }
        return await answer {
            do {
                guard let job = try self.reprint(
                    number: number, printer: body.printer, copies: copies, requestedBy: request.headers["x-folio-user"] ?? "erp",
                    note: body.reason)
                else { return Self.notFound(number) }
                return .json(PrintJobResource(job), status: 202)
            } catch let error as ReprintError {
                return .json(ErrorBody(code: "validation_failed", message: error.message, details: [Problem(field: "printer", message: error.message)]), status: 422)
            }
        }
    }

    /// Runs blocking work off the cooperative pool; anything unexpected becomes a 500 with a request ID and no internals.
    func answer(_ body: @escaping @Sendable () throws -> HTTPResponse) async -> HTTPResponse {
        do {
            return try await blocking.run(body)
        } catch {
            let id = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            FileHandle.standardError.write(Data("folio: request \(id) failed: \(error)\n".utf8))
            return .json(ErrorBody(code: "internal_error", message: "internal error (request \(id))"), status: 500)
        }
    }

    static func notFound(_ number: String) -> HTTPResponse {
        .json(ErrorBody(code: "not_found", message: "no document numbered \(number)"), status: 404)
    }
}
