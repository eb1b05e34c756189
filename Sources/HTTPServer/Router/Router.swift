/// Handles one request. `parameters` holds the values of the route pattern's `{name}` segments.
public typealias HTTPHandler = @Sendable (HTTPRequest, _ parameters: [String: String]) async -> HTTPResponse

/// Maps a method and a path pattern to a handler.
///
/// ```swift
/// var router = Router()
/// router.add("GET", "/v1/documents/{number}/pdf") { request, parameters in … }
/// let response = await router.handle(HTTPRequest(method: "GET", path: "/v1/documents/FE-1/pdf"))
/// ```
/// An unknown path answers 404 and a known path with another method 405 with an `Allow` header, both with
/// Folio's JSON error body. `HEAD` is served by the `GET` handler when no `HEAD` route exists (the server
/// then sends no body). When several patterns match, the one with more literal segments wins, then the
/// one added first.
public struct Router: Sendable {
    private var routes: [Route] = []

    /// Creates an empty router.
    public init() {}

    /// Adds a route.
    /// - Parameters:
    ///   - method: An HTTP method such as `GET` (compared case-insensitively).
    ///   - pattern: A path such as `/v1/documents/{number}/pdf`; `{name}` matches exactly one non-empty segment.
    ///   - handler: Called with the request and the matched `{name}` values.
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping HTTPHandler) {
        routes.append(Route(method: method.uppercased(), pattern: RoutePattern(pattern), handler: handler))
    }

    /// Routes `request` to its handler and returns the handler's response, or a 404/405 error response.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let segments = RoutePattern.segments(of: request.path)
        let matches = routes.compactMap { route in
            route.pattern.match(segments).map { (route: route, parameters: $0) }
        }
        guard !matches.isEmpty else {
            return .error(status: 404, code: "not_found", message: "No resource at \(request.path).")
        }
        let method = request.method.uppercased()
        let candidates = matches.filter { $0.route.method == method }
        let chosen = candidates.isEmpty && method == "HEAD" ? matches.filter { $0.route.method == "GET" } : candidates
        guard let best = chosen.max(by: { $0.route.pattern.literalCount < $1.route.pattern.literalCount }) else {
            var allowed = Set(matches.map(\.route.method))
            if allowed.contains("GET") { allowed.insert("HEAD") }
            let allow = allowed.sorted().joined(separator: ", ")
            var response = HTTPResponse.error(
                status: 405, code: "method_not_allowed",
                message: "\(request.method) is not allowed on \(request.path); use \(allow).")
            response.headers.append(("Allow", allow))
            return response
        }
        return await best.route.handler(request, best.parameters)
    }
}

/// One registered route.
struct Route: Sendable {
    var method: String
    var pattern: RoutePattern
    var handler: HTTPHandler
}
