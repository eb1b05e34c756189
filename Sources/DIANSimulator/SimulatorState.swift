import DIANClient
import Synchronization

/// What the simulator remembers between requests. All of it behind one `Mutex`: MHD's threads and the
/// handler tasks touch it concurrently.
final class SimulatorState: Sendable {
    private struct Contents {
        /// The last verdict per CUFE/CUDE (an accepted verdict is never replaced).
        var verdicts: [String: DianResponse] = [:]
        /// The verdicts of each asynchronous upload, by ZipKey.
        var uploads: [String: [DianResponse]] = [:]
        /// RADIAN events accepted, per referenced CUFE: the response codes (030, 032, …).
        var events: [String: [String]] = [:]
        var faults: [SimulatorFault] = []
        var requests: [DIANOperation: Int] = [:]
        var applicationResponses = 0
    }

    private let contents = Mutex(Contents())

    func verdict(for key: String) -> DianResponse? {
        contents.withLock { $0.verdicts[key] }
    }

    func isAccepted(_ key: String) -> Bool {
        contents.withLock { $0.verdicts[key]?.isAccepted == true }
    }

    /// Remembers `response` for `key`, unless an accepted verdict is already there.
    func remember(_ response: DianResponse, for key: String) {
        contents.withLock { state in
            if state.verdicts[key]?.isAccepted == true { return }
            state.verdicts[key] = response
        }
    }

    func rememberUpload(_ responses: [DianResponse], zipKey: String) {
        contents.withLock { $0.uploads[zipKey] = responses }
    }

    func upload(_ zipKey: String) -> [DianResponse]? {
        contents.withLock { $0.uploads[zipKey] }
    }

    func recordEvent(_ code: String, for key: String) {
        contents.withLock { $0.events[key, default: []].append(code) }
    }

    func events(for key: String) -> [String] {
        contents.withLock { $0.events[key] ?? [] }
    }

    /// The next sequence number for DIAN's ApplicationResponses.
    func nextApplicationResponseNumber() -> Int {
        contents.withLock { state in
            state.applicationResponses += 1
            return state.applicationResponses
        }
    }

    /// Replaces the faults for `fault.operation` (all operations when `nil`); `.none` clears them.
    func inject(_ fault: SimulatorFault) {
        contents.withLock { state in
            if fault.fault == .none {
                state.faults.removeAll { fault.operation == nil || $0.operation == fault.operation }
                return
            }
            state.faults.removeAll { $0.operation == fault.operation }
            if fault.times > 0 { state.faults.append(fault) }
        }
    }

    /// Counts the request and takes one use of the fault that applies to `operation`, if any.
    func arrive(_ operation: DIANOperation) -> SimulatorFault? {
        contents.withLock { state in
            state.requests[operation, default: 0] += 1
            guard let index = state.faults.firstIndex(where: { $0.operation == operation })
                ?? state.faults.firstIndex(where: { $0.operation == nil })
            else { return nil }
            let fault = state.faults[index]
            state.faults[index].times -= 1
            if state.faults[index].times <= 0 { state.faults.remove(at: index) }
            return fault
        }
    }

    func requestCount(_ operation: DIANOperation) -> Int {
        contents.withLock { $0.requests[operation] ?? 0 }
    }
}
