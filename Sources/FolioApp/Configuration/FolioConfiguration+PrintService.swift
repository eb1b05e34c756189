import DocumentModel
import Printing

extension FolioConfiguration {
    /// `printing` at the top of the configuration file: routing rules, when a job counts as stuck and where
    /// stuck jobs go.
    public struct PrintService: Sendable {
        /// A submitted job whose CUPS state has not changed for this long (or a job that could not be
        /// submitted for this long) raises an alert. `printing.stuck_after_seconds`, default 300.
        public var stuckAfterSeconds: Int
        /// Stuck jobs of the key's printer move to the value's printer, e.g. `{"bodega-1": "bodega-2"}`.
        /// `printing.move_stuck_jobs`, default none (an operator moves them).
        public var moveStuckJobs: [String: String]
        /// `printing.rules`: the first rule that matches a document chooses its printers and settings.
        public var rules: [PrintRule]

        public init(stuckAfterSeconds: Int = 300, moveStuckJobs: [String: String] = [:], rules: [PrintRule] = []) {
            self.stuckAfterSeconds = stuckAfterSeconds
            self.moveStuckJobs = moveStuckJobs
            self.rules = rules
        }

        /// Problems naming the key, e.g. `printing.stuck_after_seconds: 0 must be from 1 to 86400`.
        func problems(companies: [String]) -> [String] {
            var problems: [String] = []
            if !(1...86_400).contains(stuckAfterSeconds) {
                problems.append("printing.stuck_after_seconds: \(stuckAfterSeconds) must be from 1 to 86400")
            }
            for (from, to) in moveStuckJobs.sorted(by: { $0.key < $1.key }) {
                for name in [from, to] {
                    if let problem = PrinterAddress.problem(with: name) { problems.append("printing.move_stuck_jobs.\(from): \(problem)") }
                }
                if from == to { problems.append("printing.move_stuck_jobs.\(from): a printer cannot move its jobs to itself") }
            }
            for (index, rule) in rules.enumerated() {
                problems += rule.problems(path: "printing.rules[\(index + 1)]", companies: companies)
            }
            return problems
        }

        /// A CUPS queue name: 1…127 ASCII letters, digits, `_`, `.`, `-`.
        public static func isQueueName(_ name: String) -> Bool { PrinterAddress.isQueueName(name) }
    }
}
