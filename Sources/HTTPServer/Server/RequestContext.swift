/// The state of one request while libmicrohttpd delivers it, kept in MHD's `*con_cls`.
///
/// Not `Sendable`: MHD calls back for one connection on one thread at a time.
final class RequestContext {
    let method: String
    let path: String
    let headers: [String: String]
    let query: [String: String]
    /// The body received so far; dropped once it exceeds the limit.
    var body: [UInt8] = []
    /// Bytes received, including those discarded.
    var receivedBytes = 0
    /// The body is over the limit: the rest is read and discarded, and the answer is 413.
    var isTooLarge = false
    /// A response was queued already.
    var isAnswered = false
    /// Set while the router runs (the connection is suspended), holding its answer when done.
    var pending: PendingResponse?

    init(method: String, path: String, headers: [String: String], query: [String: String]) {
        self.method = method
        self.path = path
        self.headers = headers
        self.query = query
    }

    var request: HTTPRequest {
        HTTPRequest(method: method, path: path, query: query, headers: headers, body: body)
    }
}
