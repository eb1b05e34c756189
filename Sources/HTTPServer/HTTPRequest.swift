/// An HTTP request as a handler sees it: fully read, with the body in memory.
public struct HTTPRequest: Sendable {
    /// The method in upper case, e.g. `GET`.
    public var method: String
    /// The percent-decoded path without the query, e.g. `/v1/documents/FE-1/pdf`.
    public var path: String
    /// Query arguments, percent-decoded. A name given without `=value` maps to the empty string.
    public var query: [String: String]
    /// Header fields with lower-cased names. Repeated fields are joined with `, `.
    public var headers: [String: String]
    /// The request body (empty for requests without one).
    public var body: [UInt8]

    /// Creates a request, e.g. for in-process tests through ``Router/handle(_:)``.
    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }
}
