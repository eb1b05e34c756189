extension PrivateCUPS {
    /// Stops the cupsd queue (`cupsdisable`): it keeps accepting jobs but sends none to the printer.
    /// - Throws: ``TestSupportError`` with the tool's output if it fails.
    public func pauseQueue(_ printer: String) throws {
        try tool("cupsdisable", ["-h", server, printer])
    }

    /// Starts a paused queue again (`cupsenable`).
    public func resumeQueue(_ printer: String) throws {
        try tool("cupsenable", ["-h", server, printer])
    }

    /// Holds a job that has not printed yet (`lp -i ID -H hold`), as an operator would.
    public func holdJob(_ jobID: Int) throws {
        try tool("lp", ["-h", server, "-i", String(jobID), "-H", "hold"])
    }

    private func tool(_ name: String, _ arguments: [String]) throws {
        let output = try TestProcess.run(try requireTool(name), arguments, timeout: .seconds(20))
        guard output.status == 0 else {
            throw TestSupportError(
                .commandFailed, "\(name) \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)\n\(logTail())")
        }
    }
}
