import CCairo
import Foundation

/// Encodes drawn pages to PNG on dedicated threads while the caller goes on drawing.
///
/// Drawing needs the render session (Pango is not thread-safe), but writing a finished image surface to PNG
/// (``PNGWriter``: zlib over the surface's pixels) touches nothing else, so the pages of one document are
/// compressed at the same time as each other and as the PDF is drawn. The threads are plain threads, not
/// Swift's cooperative pool: encoding blocks. At most `threads` pages are encoded at once; ``encode(_:)``
/// waits for a free thread, which also bounds the page images held in memory.
///
/// `@unchecked Sendable`: `results` and `failure` are only touched under `lock`; a surface is handed to one
/// encoding thread and never used by the drawing thread again.
final class PNGEncoder: @unchecked Sendable {
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var results: [[UInt8]?] = []
    private var failure: CairoError?

    /// - Parameter threads: how many pages may be encoded at once.
    init(threads: Int) {
        slots = DispatchSemaphore(value: max(1, threads))
    }

    /// One thread per core this process may use, at least one.
    static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Starts encoding `surface` (a flushed image surface no context draws on any more) as the next page.
    func encode(_ surface: CairoSurface) {
        slots.wait()
        let index = lock.withLock {
            results.append(nil)
            return results.count - 1
        }
        let job = Job(surface: surface)
        group.enter()
        let thread = Thread { [self] in
            defer {
                slots.signal()
                group.leave()
            }
            let outcome = Result { () throws(CairoError) in try PNGWriter.png(of: job.surface) }
            lock.withLock {
                switch outcome {
                case .success(let png): results[index] = png
                case .failure(let error): failure = failure ?? error
                }
            }
        }
        thread.start()
    }

    /// Waits for every page and returns them in the order they were given.
    /// - Throws: the first ``CairoError`` an encoding met.
    func finish() throws(CairoError) -> [[UInt8]] {
        group.wait()
        let (results, failure) = lock.withLock { (self.results, self.failure) }
        if let failure { throw failure }
        return results.map { $0 ?? [] }
    }

    /// Waits for every page, throwing nothing (after a failure elsewhere: no thread outlives the render).
    func drain() {
        group.wait()
    }

    /// A surface crossing to an encoding thread.
    private final class Job: @unchecked Sendable {
        let surface: CairoSurface
        init(surface: CairoSurface) { self.surface = surface }
    }
}
