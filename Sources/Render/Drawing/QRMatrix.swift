import CQREncode
import Foundation

/// The modules of a QR code (error correction level M, 8-bit mode), encoded with libqrencode.
struct QRMatrix: Sendable {
    let width: Int
    /// Row-major, `true` for a dark module.
    let modules: [Bool]

    /// libqrencode keeps global state while encoding; encodings are rare (and cached), so one at a time.
    private static let lock = NSLock()

    init(encoding payload: String) throws(RenderError) {
        let code: UnsafeMutablePointer<QRcode>? = Self.lock.withLock {
            QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1)
        }
        guard let code else {
            throw RenderError(code: .qrCode, message: "the QR payload (\(payload.utf8.count) bytes) cannot be encoded")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        self.width = width
        self.modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Horizontal runs of dark modules per row: (row, first column, length). Drawing one rectangle per run
    /// keeps PDFs small and leaves no hairline gaps between modules.
    var runs: [(row: Int, column: Int, length: Int)] {
        var result: [(Int, Int, Int)] = []
        for row in 0..<width {
            var column = 0
            while column < width {
                guard modules[row * width + column] else {
                    column += 1
                    continue
                }
                var end = column + 1
                while end < width, modules[row * width + end] { end += 1 }
                result.append((row, column, end - column))
                column = end
            }
        }
        return result
    }
}
