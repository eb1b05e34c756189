import Foundation
public import LayoutTemplate
public import Render

/// The messages between Folio and a render worker (`folio-render`), and how they travel.
///
/// Every message is a frame: a 4-byte big-endian length, then that many bytes. A worker first sends a
/// ``Hello`` frame. Then, for each ``Job`` frame it reads, it answers with a ``Reply`` frame followed by one
/// frame holding the PDF (empty when the reply carries an error). A job is two frames: the ``Job`` header,
/// then its display data (``DisplayValueWire``). Headers are JSON, readable in a hex dump and open to new
/// fields; the display data is binary because a 1,000-line invoice is most of the bytes.
enum RenderWire {
    /// Frames longer than this are refused (a corrupt length, not a document).
    static let maximumFrame = 512 << 20

    /// The worker's first frame.
    struct Hello: Codable {
        /// The layouts the worker loaded; empty when loading failed.
        var layouts: [String]
        /// Why the worker cannot render (templates or fonts failed to load), in gcc format.
        var error: String?
    }

    /// One PDF to draw.
    struct Job: Codable {
        var layout: String
        var title: String
        /// Seconds since 1970, written into the PDF's metadata.
        var creationDate: Double
    }

    /// The answer to a ``Job``; the PDF follows in the next frame.
    struct Reply: Codable {
        var pageCount: Int
        var warnings: [WireDiagnostic]
        var error: WireError?
        /// The worker's peak resident memory so far (`VmHWM`), in kB.
        var peakResidentKB: Int
    }

    /// A ``RenderError`` on the wire.
    struct WireError: Codable {
        var code: String
        var message: String
        var diagnostics: [WireDiagnostic]

        init(_ error: RenderError) {
            code = error.code.description
            message = error.message
            diagnostics = error.diagnostics.map(WireDiagnostic.init)
        }

        var renderError: RenderError {
            RenderError(
                code: RenderError.Code(named: code) ?? .workerFailed, message: message,
                diagnostics: diagnostics.map(\.diagnostic))
        }
    }

    /// A ``Diagnostic`` on the wire.
    struct WireDiagnostic: Codable {
        var severity: String
        var code: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var length: Int
        var hints: [String]

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            code = diagnostic.code.rawValue
            message = diagnostic.message
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            length = diagnostic.location.length
            hints = diagnostic.hints
        }

        var diagnostic: Diagnostic {
            Diagnostic(
                Diagnostic.Severity(rawValue: severity) ?? .error, DiagnosticCode(code), message,
                at: SourceSpan(file: file, line: line, column: column, length: length), hints: hints)
        }
    }

    static func encode(_ value: some Encodable) throws -> [UInt8] { [UInt8](try JSONEncoder().encode(value)) }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }
}

/// A pipe end that reads and writes whole frames.
struct FrameChannel {
    /// Why a frame could not be read or written.
    enum Failure: Error, CustomStringConvertible {
        /// The other side closed the pipe (it exited).
        case closed
        /// Nothing arrived within the time allowed.
        case timedOut(seconds: Double)
        case system(call: String, errno: Int32)
        case oversized(Int)

        var description: String {
            switch self {
            case .closed: "the pipe was closed"
            case .timedOut(let seconds): "no answer within \(seconds) s"
            case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
            case .oversized(let length): "a frame of \(length) bytes is larger than allowed"
            }
        }
    }

    let readFD: Int32
    let writeFD: Int32

    func send(_ payload: [UInt8]) throws(Failure) {
        var length = UInt32(payload.count).bigEndian
        let header = withUnsafeBytes(of: &length) { [UInt8]($0) }
        try writeAll(header)
        try writeAll(payload)
    }

    /// Reads one frame; waits at most `timeout` seconds for each chunk (`nil`: forever).
    func receive(timeout: Double? = nil) throws(Failure) -> [UInt8] {
        let header = try readExactly(4, timeout: timeout)
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        guard length <= RenderWire.maximumFrame else { throw .oversized(length) }
        return try readExactly(length, timeout: timeout)
    }

    private func writeAll(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(writeFD, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw errno == EPIPE ? .closed : .system(call: "write", errno: errno)
            }
            offset += written
        }
    }

    private func readExactly(_ count: Int, timeout: Double?) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            if let timeout {
                var descriptor = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(min(timeout * 1000, Double(Int32.max))))
                if ready < 0 {
                    if errno == EINTR { continue }
                    throw .system(call: "poll", errno: errno)
                }
                if ready == 0 { throw .timedOut(seconds: timeout) }
            }
            let got = bytes.withUnsafeMutableBytes { read(readFD, $0.baseAddress! + offset, count - offset) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .system(call: "read", errno: errno)
            }
            if got == 0 { throw .closed }
            offset += got
        }
        return bytes
    }
}
