import Foundation

/// An HTTP response: status, header fields in order, and the whole body.
///
/// `Content-Length` is added by the server; do not set it.
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header field called `name` (compared case-insensitively).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// A JSON response (`application/json; charset=utf-8`) with sorted keys.
    ///
    /// If `value` cannot be encoded, the result is a 500 error response, so a handler never has to `try`.
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return HTTPResponse(
                status: status, headers: [("Content-Type", "application/json; charset=utf-8")],
                body: Array(try encoder.encode(value)))
        } catch {
            return .error(status: 500, code: "encoding_failed", message: "The response could not be encoded.")
        }
    }

    /// A plain-text response (`text/plain; charset=utf-8`).
    public static func text(_ string: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(string.utf8))
    }

    /// An error response with Folio's error body: `{"error": {"code": "not_found", "message": "…"}}`.
    /// - Parameters:
    ///   - status: The HTTP status, e.g. 404.
    ///   - code: A stable, machine-readable snake_case code.
    ///   - message: A sentence for people.
    public static func error(status: Int, code: String, message: String) -> HTTPResponse {
        .json(ErrorBody(error: .init(code: code, message: message)), status: status)
    }
}

/// The JSON shape of every error response.
struct ErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable {
        var code: String
        var message: String
    }
    var error: Detail
}
