public import Foundation
import Glibc

/// Creates a new, empty directory such as `/tmp/folio-cups.k3J9aQ` (mode 0700).
/// - Parameters:
///   - prefix: The start of the directory name.
///   - parent: Where to create it; `nil` means `TMPDIR` or `/tmp`.
public func makeTemporaryDirectory(prefix: String, in parent: URL? = nil) throws -> URL {
    let base = parent?.path ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/" + prefix + ".XXXXXX").utf8CString)
    guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
        throw TestSupportError(.system, "mkdtemp in \(base) failed: \(String(cString: strerror(errno)))")
    }
    return URL(fileURLWithPath: String(cString: created), isDirectory: true)
}
