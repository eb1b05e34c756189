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

    /// Makes cupsd's IPP backend hand a job to the printer and finish without waiting for the printer to
    /// complete it (`?waitjob=false`), so a queue moves at the printer's intake speed; for throughput tests.
    /// Other tests keep the default, where CUPS follows each job to its end as with a real printer.
    public func dontWaitForPrinterCompletion(_ printer: String) throws {
        guard let uri = printerURI(printer) else { throw TestSupportError(.notReady, "no printer \(printer)") }
        try tool("lpadmin", ["-h", server, "-p", printer, "-v", "\(uri)?waitjob=false"])
    }

    private func tool(_ name: String, _ arguments: [String]) throws {
        let output = try TestProcess.run(try requireTool(name), arguments, timeout: .seconds(20))
        guard output.status == 0 else {
            throw TestSupportError(
                .commandFailed, "\(name) \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)\n\(logTail())")
        }
    }
}
