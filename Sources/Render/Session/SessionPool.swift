import Foundation

/// Render sessions waiting for work. A render takes one, uses it on its own thread, and gives it back, so
/// concurrent renders never share a Pango context or layout; the pool grows to the peak concurrency.
///
/// `@unchecked Sendable`: the idle list is only touched under `lock`, and a session is handed from one
/// thread to the next through it, never used by two at once.
final class SessionPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [RenderSession] = []
    private let makeSession: () -> RenderSession

    init(makeSession: @escaping () -> RenderSession) {
        self.makeSession = makeSession
    }

    func withSession<Result>(_ body: (RenderSession) throws -> Result) rethrows -> Result {
        let session = lock.withLock { idle.popLast() } ?? makeSession()
        defer { lock.withLock { idle.append(session) } }
        return try body(session)
    }

    /// Runs `body` on every session not in use, under the lock (none is handed out meanwhile).
    func forEachIdle(_ body: (RenderSession) -> Void) {
        lock.withLock { idle.forEach(body) }
    }
}
