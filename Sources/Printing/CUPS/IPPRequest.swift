import CCUPS

/// Builds IPP requests for the server libcups currently points at (see ``CUPSConnection``).
///
/// No owner class: `cupsDoRequest` takes the request and frees it.
enum IPPRequest {
    /// A request for `operation` on `printer`, with the operation attributes every request needs.
    static func make(_ operation: ipp_op_t, printer: String) -> OpaquePointer? {
        guard let request = ippNewRequest(operation) else { return nil }
        _ = ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, printerURI(printer))
        _ = ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        return request
    }

    /// Sends `request` (freeing it) and returns the response if its status is a success.
    /// - Throws: ``PrintError`` from libcups' last error, telling "no answer" from "the server said no".
    static func send(
        _ request: OpaquePointer, over http: OpaquePointer, printer: String, server: String,
        notFound: PrintError.Code, action: String
    ) throws(PrintError) -> IPPMessage {
        guard let raw = cupsDoRequest(http, request, "/") else {
            throw .lastCUPSError(printer: printer, server: server, notFound: notFound, action: action, answered: false)
        }
        let response = IPPMessage(takingOwnershipOf: raw)
        guard response.status.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
            throw .lastCUPSError(printer: printer, server: server, notFound: notFound, action: action, answered: true)
        }
        return response
    }

    /// `ipp://localhost:PORT/printers/NAME`, percent-encoded; cupsd only looks at the path.
    private static func printerURI(_ printer: String) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        _ = httpAssembleURI(
            HTTP_URI_CODING_ALL, &buffer, Int32(buffer.count), "ipp", nil, "localhost", ippPort(), "/printers/\(printer)")
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
