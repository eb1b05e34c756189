public import DIANClient
import Dispatch
import Foundation
import HTTPServer
import UBL
import XMLTree

/// Folio's DIAN simulator: DIAN's SOAP 1.2 contract on `POST /WcfDianCustomerServices.svc`, on ``HTTPServer``.
///
/// It dispatches on `wsa:Action`, checks WS-Security (``SimulatorSecurity/verifyEnvelope(_:now:)`` → SOAP
/// Fault `InvalidSecurity`), unzips, validates against the UBL 2.1 XSD, checks the XAdES, reads the
/// document, recomputes the CUFE/CUDE, applies a subset of DIAN's rules (``SimulatorRules``), and answers
/// like DIAN: StatusCode 00 with a signed ApplicationResponse (ResponseCode 02), or 99 with
/// "Regla: …, Rechazo: …" messages. It remembers verdicts by CUFE for GetStatus/GetStatusZip and
/// rejects an accepted document sent again (rule 90). `POST /control` injects faults (``SimulatorFault``).
public final class DIANSimulator: Sendable {
    let configuration: SimulatorConfiguration
    let security: any SimulatorSecurity
    let validator: UBLValidator
    /// `UBL-ApplicationResponse-2.1.xsd`, for RADIAN events.
    let eventSchema: XMLSchema
    let state = SimulatorState()
    /// Blocking work (libxml2 validation, signing) runs here, never on Swift's cooperative pool.
    private let work = DispatchQueue(label: "folio.dian-sim.work", attributes: .concurrent)
    private let server: HTTPServer

    /// Compiles the schemas; nothing listens until ``start()``.
    /// - Parameters:
    ///   - host: The address to listen on (127.0.0.1 for tests).
    ///   - port: The port; 0 picks a free one (see ``port``).
    /// - Throws: ``XMLTree/XMLParseError`` when the schemas cannot be loaded.
    public init(
        configuration: SimulatorConfiguration, security: any SimulatorSecurity, host: String = "127.0.0.1",
        port: UInt16 = 0
    ) throws {
        self.configuration = configuration
        self.security = security
        self.validator = try UBLValidator(schemasDirectory: configuration.schemasDirectory)
        self.eventSchema = try XMLSchema(
            contentsOf: configuration.schemasDirectory + "/maindoc/UBL-ApplicationResponse-2.1.xsd")
        var router = Router()
        let box = WeakSimulator()
        router.add("POST", DIANEndpoint.servicePath) { request, _ in
            guard let simulator = box.simulator else { return .text("stopped", status: 503) }
            return await simulator.handleSOAP(request)
        }
        router.add("POST", "/control") { request, _ in
            guard let simulator = box.simulator else { return .text("stopped", status: 503) }
            return simulator.handleControl(request)
        }
        self.server = HTTPServer(host: host, port: port, router: router)
        box.simulator = self
    }

    /// Starts listening.
    /// - Throws: `HTTPServerError` when the port is taken.
    public func start() throws { try server.start() }

    /// Stops listening (answers in progress get a grace period of 2 s).
    public func stop() { server.stop(gracePeriod: .seconds(2)) }

    /// The port the running simulator listens on.
    public var port: UInt16 { server.boundPort }

    /// The endpoint for ``DIANClient``: `http://HOST:PORT/WcfDianCustomerServices.svc`.
    public var endpoint: DIANEndpoint { .simulator(host: server.host, port: port) }

    /// The line `folio dian-sim` prints once it listens.
    public var readyLine: String { "folio dian-sim: listening on \(endpoint.url)" }

    /// Injects a fault (as `POST /control` does).
    public func inject(_ fault: SimulatorFault) { state.inject(fault) }

    /// How many requests for `operation` arrived (faulted ones included).
    public func requestCount(_ operation: DIANOperation) -> Int { state.requestCount(operation) }

    /// The remembered verdict for a CUFE/CUDE, if any.
    public func verdict(for documentKey: String) -> DianResponse? { state.verdict(for: documentKey) }

    // MARK: - Control

    func handleControl(_ request: HTTPRequest) -> HTTPResponse {
        do {
            let fault = try JSONDecoder().decode(SimulatorFault.self, from: Data(request.body))
            guard fault.times >= 0, (fault.delayMs ?? 0) >= 0 else {
                return .error(status: 400, code: "invalid_fault", message: "times and delayMs must not be negative")
            }
            state.inject(fault)
            return .json(fault)
        } catch {
            let kinds = SimulatorFault.Kind.allCases.map(\.rawValue).joined(separator: "|")
            return .error(
                status: 400, code: "invalid_fault",
                message: "expected {\"operation\":\"SendBillSync\",\"fault\":\"\(kinds)\",\"times\":1,\"delayMs\":0}: \(error)")
        }
    }

    // MARK: - SOAP

    func handleSOAP(_ request: HTTPRequest) async -> HTTPResponse {
        let soap: SOAPRequest
        do {
            soap = try SOAPRequest.parse(request.body)
        } catch {
            return Self.soap(SOAPAnswer.fault(code: "Sender", subcode: nil, reason: "\(error)"), status: 400)
        }
        if let fault = state.arrive(soap.operation) {
            switch fault.fault {
            case .http500:
                return HTTPResponse(
                    status: 500, headers: [("Content-Type", "text/html")],
                    body: Array("<html><body>Internal Server Error</body></html>".utf8))
            case .http503:
                return HTTPResponse(
                    status: 503, headers: [("Content-Type", "text/html"), ("Retry-After", "1")],
                    body: Array("<html><body>Service Unavailable</body></html>".utf8))
            case .batchInProcess:
                return Self.soap(
                    SOAPAnswer.dianResponse(
                        DianResponse(
                            isValid: false, statusCode: "", statusDescription: "Batch en proceso de validación.",
                            statusMessage: ""),
                        operation: soap.operation))
            case .invalidSecurity:
                return Self.soap(SOAPAnswer.invalidSecurity(), status: 500)
            case .slow:
                try? await Task.sleep(for: fault.delay)
            case .timeout:
                let answer = await process(soap, envelope: request.body)
                try? await Task.sleep(for: fault.delay)
                return answer
            case .none:
                break
            }
        }
        return await process(soap, envelope: request.body)
    }

    private func process(_ soap: SOAPRequest, envelope: [UInt8]) async -> HTTPResponse {
        await withCheckedContinuation { continuation in
            work.async { continuation.resume(returning: self.answer(soap, envelope: envelope)) }
        }
    }

    /// The blocking part: security check, then the operation.
    private func answer(_ soap: SOAPRequest, envelope: [UInt8]) -> HTTPResponse {
        do {
            try security.verifyEnvelope(envelope, now: configuration.now())
        } catch {
            return Self.soap(SOAPAnswer.invalidSecurity(), status: 500)
        }
        func missing(_ name: String) -> HTTPResponse {
            Self.soap(
                SOAPAnswer.fault(
                    code: "Sender", subcode: nil, reason: "\(soap.operation.rawValue): the parameter \(name) is missing"),
                status: 500)
        }
        switch soap.operation {
        case .sendBillSync:
            guard let content = soap.parameter("contentFile") else { return missing("contentFile") }
            let evaluation = evaluate(contentFile: content)
            if let key = evaluation.key { state.remember(evaluation.response, for: key) }
            return Self.soap(SOAPAnswer.dianResponse(evaluation.response, operation: .sendBillSync))
        case .sendTestSetAsync, .sendBillAsync:
            guard let content = soap.parameter("contentFile") else { return missing("contentFile") }
            if soap.operation == .sendTestSetAsync, (soap.parameter("testSetId") ?? "").isEmpty {
                return Self.soap(
                    SOAPAnswer.upload(
                        UploadDocumentResponse(
                            zipKey: nil, messages: [SimulatorRules.reject("ZB05", "testSetId es obligatorio.")]),
                        operation: soap.operation))
            }
            let evaluation = evaluate(contentFile: content)
            if let key = evaluation.key { state.remember(evaluation.response, for: key) }
            let zipKey = Self.zipKey(for: content, sequence: state.nextApplicationResponseNumber())
            state.rememberUpload([evaluation.response], zipKey: zipKey)
            return Self.soap(
                SOAPAnswer.upload(UploadDocumentResponse(zipKey: zipKey, messages: []), operation: soap.operation))
        case .getStatus:
            guard let trackId = soap.parameter("trackId") else { return missing("trackId") }
            let response = state.verdict(for: trackId.trimmingCharacters(in: .whitespaces))
                ?? DianResponse(
                    isValid: false, statusCode: "66", statusDescription: "NSU no encontrado.",
                    statusMessage: "No se encontró un documento con el trackId \(trackId).")
            return Self.soap(SOAPAnswer.dianResponse(response, operation: .getStatus))
        case .getStatusZip:
            guard let trackId = soap.parameter("trackId") else { return missing("trackId") }
            let responses = state.upload(trackId.trimmingCharacters(in: .whitespaces)) ?? [
                DianResponse(
                    isValid: false, statusCode: "90", statusDescription: "TrackId no encontrado.",
                    statusMessage: "No se encontró el trackId \(trackId).")
            ]
            return Self.soap(SOAPAnswer.dianResponses(responses, operation: .getStatusZip))
        case .getNumberingRange:
            let ranges = configuration.ranges
            return Self.soap(
                SOAPAnswer.numberingRange(
                    NumberingRangeResponse(
                        operationCode: ranges.isEmpty ? "301" : "100",
                        operationDescription: ranges.isEmpty
                            ? "No se encontraron rangos de numeración para el software." : "Acción completada OK.",
                        ranges: ranges)))
        case .sendEventUpdateStatus:
            guard let content = soap.parameter("contentFile") else { return missing("contentFile") }
            return Self.soap(
                SOAPAnswer.dianResponse(evaluateEvent(contentFile: content), operation: .sendEventUpdateStatus))
        }
    }

    private static func soap(_ body: [UInt8], status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/soap+xml; charset=utf-8")], body: body)
    }

    /// A UUID-shaped ZipKey derived from the upload and a sequence (no random source needed).
    private static func zipKey(for content: String, sequence: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16).leftPadded(16) + String(UInt64(sequence), radix: 16).leftPadded(16)
        let chars = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }
}

/// Breaks the cycle simulator → server → router → handler → simulator.
private final class WeakSimulator: @unchecked Sendable {
    // `@unchecked`: written once in the simulator's init, before the server can call a handler.
    weak var simulator: DIANSimulator?
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
