import Foundation
import Glibc

/// The absolute path of an installed program, searched in `PATH` and then in the usual system directories
/// (`/usr/local/sbin`, `/usr/local/bin`, `/usr/sbin`, `/usr/bin`, `/sbin`, `/bin`).
///
/// Tests call this instead of skipping: a missing tool fails the test with a clear message.
/// - Throws: ``TestSupportError`` `toolNotFound`: "pdftotext not found — run scripts/setup-debian.sh".
public func requireTool(_ name: String) throws -> String {
    if name.contains("/") {
        guard access(name, X_OK) == 0 else {
            throw TestSupportError(.toolNotFound, "\(name) not found or not executable — run scripts/setup-debian.sh")
        }
        return name
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init)
        + ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    for directory in directories where !directory.isEmpty {
        let candidate = directory + "/" + name
        var info = stat()
        if access(candidate, X_OK) == 0, stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            return candidate
        }
    }
    throw TestSupportError(.toolNotFound, "\(name) not found — run scripts/setup-debian.sh")
}
