import Glibc

/// glibc functions the Glibc module does not export (they sit behind `_GNU_SOURCE`), looked up at run time.
enum GlibcExtras {
    /// `pipe2(fds, flags)`; falls back to `pipe` + `FD_CLOEXEC` (racy with a concurrent spawn, never seen).
    static func pipe(_ fds: inout [Int32], flags: Int32) -> Int32 {
        if let pipe2 {
            return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress, flags) }
        }
        let result = fds.withUnsafeMutableBufferPointer { Glibc.pipe($0.baseAddress) }
        if result == 0 { for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) } }
        return result
    }

    /// `malloc_trim(0)`: returns free heap memory to the system; does nothing where it is missing.
    static func trimHeap() { _ = mallocTrim?(0) }

    private static let pipe2: (@convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32).self)
    }()

    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
}
