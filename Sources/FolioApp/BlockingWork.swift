import Dispatch
import Foundation

/// Runs blocking C work (Cairo rendering, SQLite, libxml2 validation) on a small set of dedicated threads,
/// never on Swift's cooperative pool, and bounds how many run at once.
final class BlockingWork: Sendable {
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore

    /// - Parameter width: how many blocking jobs may run at the same time.
    init(label: String, width: Int) {
        queue = DispatchQueue(label: label, qos: .userInitiated, attributes: .concurrent)
        slots = DispatchSemaphore(value: max(1, width))
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [slots] in
                slots.wait()
                defer { slots.signal() }
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
