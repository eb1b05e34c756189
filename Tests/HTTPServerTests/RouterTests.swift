import Foundation
import HTTPServer
import Testing

/// In-process tests: the router without sockets.
@Suite struct RouterTests {
    private static func router() -> Router {
        var router = Router()
        router.add("GET", "/v1/documents/{number}/pdf") { _, parameters in
            .text("pdf of \(parameters["number"] ?? "?")")
        }
        router.add("GET", "/v1/documents/latest/pdf") { _, _ in .text("latest") }
        router.add("POST", "/v1/documents") { request, _ in .text("created \(request.body.count)", status: 201) }
        router.add("DELETE", "/v1/documents/{number}") { _, parameters in .text("deleted \(parameters["number"]!)") }
        return router
    }

    @Test func routesAndPassesParameters() async {
        let response = await Self.router().handle(HTTPRequest(method: "GET", path: "/v1/documents/FE-42/pdf"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "pdf of FE-42")
        #expect(response.header("content-type") == "text/plain; charset=utf-8")
    }

    @Test func literalSegmentsBeatParameters() async {
        let response = await Self.router().handle(HTTPRequest(method: "GET", path: "/v1/documents/latest/pdf"))
        #expect(String(decoding: response.body, as: UTF8.self) == "latest")
    }

    @Test func passesBodyAndStatus() async {
        let request = HTTPRequest(method: "post", path: "/v1/documents/", body: Array("{}".utf8))
        let response = await Self.router().handle(request)
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == "created 2")
    }

    @Test func unknownPathIs404WithJSONError() async throws {
        let response = await Self.router().handle(HTTPRequest(method: "GET", path: "/v1/nothing"))
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let body = try JSONDecoder().decode(ErrorEnvelope.self, from: Data(response.body))
        #expect(body.error.code == "not_found")
        #expect(body.error.message.contains("/v1/nothing"))
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        let response = await Self.router().handle(HTTPRequest(method: "PUT", path: "/v1/documents/FE-1"))
        #expect(response.status == 405)
        #expect(response.header("Allow") == "DELETE")
        let body = try JSONDecoder().decode(ErrorEnvelope.self, from: Data(response.body))
        #expect(body.error.code == "method_not_allowed")

        let onGet = await Self.router().handle(HTTPRequest(method: "POST", path: "/v1/documents/FE-1/pdf"))
        #expect(onGet.status == 405)
        #expect(onGet.header("Allow") == "GET, HEAD")
    }

    @Test func headFallsBackToGet() async {
        let response = await Self.router().handle(HTTPRequest(method: "HEAD", path: "/v1/documents/FE-7/pdf"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "pdf of FE-7")
    }

    @Test func jsonResponseHasSortedKeys() {
        struct Payload: Encodable { var zeta = 1; var alpha = "a/b" }
        let response = HTTPResponse.json(Payload(), status: 202)
        #expect(response.status == 202)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"alpha":"a/b","zeta":1}"#)
    }

    @Test func requestLowercasesHeaderNames() {
        let request = HTTPRequest(method: "GET", path: "/", headers: ["X-Folio-Key": "1"])
        #expect(request.headers == ["x-folio-key": "1"])
    }
}

/// Folio's error body, decoded in tests.
struct ErrorEnvelope: Decodable {
    struct Detail: Decodable {
        var code: String
        var message: String
    }
    var error: Detail
}
