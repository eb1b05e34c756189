import CXMLSec
import Foundation
import Synchronization

/// The one place that touches xmlsec1's and OpenSSL's global state: initialisation (once, from any
/// thread) and error capture.
enum XMLSecLibrary {
    /// The DIAN signature-policy document and its pinned SHA-256 (DIAN.md §4).
    static let policyIdentifier = "https://facturaelectronica.dian.gov.co/politicadefirma/v2/politicadefirmav2.pdf"
    static let policyHash = "dMoMvtcG5aIzgYo0tIsSQeVJBDnUnfSOfBpxXrmor0Y="
    static let policyDescription = "Política de firma para facturas electrónicas de la República de Colombia"

    private static let initialization: Result<Void, SigningError> = {
        // Pitfall 1 of C-LIBRARIES.md: a wrong XMLSEC_NO_SIZE_T would make every struct misread.
        guard folio_xmlsec_size_of_size() == MemoryLayout<UInt32>.size,
            folio_xmlsec_size_of_dsig_ctx() == MemoryLayout<xmlSecDSigCtx>.size
        else {
            return .failure(SigningError(.library, "xmlsec1 headers and Swift disagree on xmlSecSize (XMLSEC_NO_SIZE_T)"))
        }
        xmlInitParser()
        guard xmlSecInit() >= 0 else { return .failure(SigningError(.library, "xmlSecInit failed")) }
        guard xmlSecCheckVersionExt(1, 2, 0, xmlSecCheckVersionABICompatible) == 1 else {
            return .failure(SigningError(.library, "the installed libxmlsec1 is not ABI compatible with its headers"))
        }
        guard xmlSecOpenSSLAppInit(nil) >= 0, xmlSecOpenSSLInit() >= 0 else {
            return .failure(SigningError(.library, "xmlSecOpenSSLInit failed"))
        }
        // After xmlSecOpenSSLInit, which installs its own (printing) callback.
        xmlSecErrorsSetCallback(collectXMLSecError)
        // Base64 values on one line: xmlsec wraps at 64 columns by default, which some validators
        // turn into `&#13;` pairs once a Windows tool touches the file.
        xmlSecBase64SetDefaultLineSize(0)
        return .success(())
    }()

    /// Initialises xmlsec1 and OpenSSL once for the process.
    static func ensureInitialized() throws(SigningError) {
        try initialization.get()
    }

    // MARK: Errors

    /// xmlsec reports through one global callback; messages are kept per thread, and every operation
    /// runs synchronously on its caller's thread.
    private static let errors = Mutex<[pthread_t: [String]]>([:])

    fileprivate static func record(_ message: String) {
        let thread = pthread_self()
        errors.withLock { table in
            var list = table[thread] ?? []
            if list.count < 20 { list.append(message) }
            table[thread] = list
        }
    }

    /// Runs `body` and returns what xmlsec and OpenSSL complained about on this thread meanwhile.
    static func collectingErrors<R>(_ body: () throws -> R) rethrows -> (result: R, errors: [String]) {
        let thread = pthread_self()
        errors.withLock { _ = $0.removeValue(forKey: thread) }
        ERR_clear_error()
        let result = try body()
        var messages = errors.withLock { $0.removeValue(forKey: thread) } ?? []
        messages += drainOpenSSLErrors()
        return (result, messages)
    }

    /// OpenSSL's queued errors for this thread, oldest first; the queue is left empty.
    static func drainOpenSSLErrors() -> [String] {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            messages.append(String(decoding: bytes, as: UTF8.self))
        }
        return messages
    }
}

private func collectXMLSecError(
    _ file: UnsafePointer<CChar>?, _ line: Int32, _ function: UnsafePointer<CChar>?,
    _ errorObject: UnsafePointer<CChar>?, _ errorSubject: UnsafePointer<CChar>?, _ reason: Int32,
    _ message: UnsafePointer<CChar>?
) {
    let subject = errorSubject.map { String(cString: $0) } ?? ""
    let text = message.map { String(cString: $0) } ?? ""
    let function = function.map { String(cString: $0) } ?? ""
    XMLSecLibrary.record("\(function)\(subject.isEmpty ? "" : " \(subject)"): \(text)")
}
