import CCurl

/// Owns one libcurl easy handle (`CURL *`) for one request; freed in `deinit`.
///
/// Not `Sendable`: a handle belongs to the thread that performs it. Each request makes its own, so
/// concurrent requests share nothing but libcurl's global state, which ``CurlGlobal`` initialises once.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The error text libcurl writes on failure (`CURLOPT_ERRORBUFFER`).
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

    init() throws(TransportError) {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw TransportError(kind: .other, curlCode: -1, message: "curl_easy_init failed")
        }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
    }

    /// Sets a numeric option.
    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(folio_curl_setopt_long(handle, option, value), "setting option \(option.rawValue)")
    }

    /// Sets a string option (libcurl copies it).
    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(folio_curl_setopt_string(handle, option, value), "setting option \(option.rawValue)")
    }

    /// Sets the request header fields (`Name: value`).
    func setHeaders(_ fields: [String]) throws(TransportError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for field in fields {
            guard let appended = curl_slist_append(list, field) else {
                if let list { curl_slist_free_all(list) }
                throw TransportError(kind: .other, curlCode: -1, message: "curl_slist_append failed")
            }
            list = appended
        }
        if let headerList { curl_slist_free_all(headerList) }
        headerList = list
        try check(folio_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "setting the header fields")
    }

    /// POSTs `body` and returns the HTTP status and the response body. Blocks the calling thread.
    func post(_ body: [UInt8]) throws(TransportError) -> (status: Int, body: [UInt8]) {
        let sink = ResponseSink()
        let code: CURLcode = withExtendedLifetime(sink) {
            body.withUnsafeBytes { bytes in
                _ = folio_curl_setopt_long(handle, CURLOPT_POST, 1)
                _ = folio_curl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
                _ = folio_curl_setopt_pointer(
                    handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
                _ = folio_curl_setopt_write_function(handle, collectResponseBytes)
                _ = folio_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                return errorBuffer.withUnsafeMutableBufferPointer { buffer in
                    _ = folio_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
                    defer { _ = folio_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil) }
                    let result = curl_easy_perform(handle)
                    if result != CURLE_OK {
                        detail = String(cString: buffer.baseAddress!)
                    }
                    return result
                }
            }
        }
        guard code == CURLE_OK else {
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw TransportError(kind: TransportError.Kind(code), curlCode: Int(code.rawValue), message: text)
        }
        var status = 0
        _ = folio_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return (status, sink.bytes)
    }

    private var detail = ""

    private func check(_ code: CURLcode, _ what: String) throws(TransportError) {
        guard code == CURLE_OK else {
            throw TransportError(
                kind: .other, curlCode: Int(code.rawValue), message: "\(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}

/// libcurl's global initialisation, done once per process before the first handle (libcurl requires it
/// before any other thread uses libcurl; a Swift `static let` runs its initialiser exactly once).
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func ensureInitialized() { _ = initialized }
}

/// Collects the response body during one `curl_easy_perform` on one thread.
private final class ResponseSink {
    var bytes: [UInt8] = []
}

/// libcurl's write callback: `context` is the request's unretained ``ResponseSink``.
private func collectResponseBytes(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    let length = size * count
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}
