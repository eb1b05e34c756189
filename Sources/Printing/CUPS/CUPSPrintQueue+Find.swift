import CCUPS

extension CUPSPrintQueue {
    /// IPP Get-Jobs (`which-jobs=all`) on the printer, on the calling thread; the newest job whose
    /// `job-name` carries `key` and that is not canceled.
    static func findJobNow(key: String, printer: String, server: String?, timeout: Duration) throws(PrintError) -> FoundPrintJob? {
        let connection = try CUPSConnection(server: server, printer: printer, timeout: timeout)
        let server = connection.server
        return try connection.withUnsafePointer { http throws(PrintError) in
            guard let request = IPPRequest.make(IPP_OP_GET_JOBS, printer: printer) else {
                throw PrintError(code: .rejected, message: "libcups could not allocate an IPP request.", printer: printer, server: server)
            }
            _ = ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "which-jobs", nil, "all")
            var requested = ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nil, "job-id")
            for (index, name) in ["job-name", "job-state", "job-state-reasons"].enumerated() {
                _ = ippSetString(request, &requested, Int32(index + 1), name)
            }
            let response = try IPPRequest.send(
                request, over: http, printer: printer, server: server, notFound: .printerNotFound,
                action: "list the jobs")
            let matches = response.jobEntries().compactMap { entry -> FoundPrintJob? in
                guard let id = entry.id, let name = entry.name, PrintRequest.jobName(name, carries: key),
                    let state = entry.state, state != .canceled
                else { return nil }
                // Not `number-of-documents`: cupsd 2.4 reports 0 for jobs it is printing (seen: processing, 0).
                return FoundPrintJob(jobID: id, state: state, hasDocument: !entry.incoming)
            }
            return matches.max { $0.jobID < $1.jobID }
        }
    }

    /// IPP Cancel-Job on the calling thread.
    static func cancelNow(jobID: Int, printer: String, server: String?, timeout: Duration) throws(PrintError) {
        let connection = try CUPSConnection(server: server, printer: printer, timeout: timeout)
        let server = connection.server
        try connection.withUnsafePointer { http throws(PrintError) in
            guard let request = IPPRequest.make(IPP_OP_CANCEL_JOB, printer: printer) else {
                throw PrintError(code: .rejected, message: "libcups could not allocate an IPP request.", printer: printer, server: server)
            }
            _ = ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(clamping: jobID))
            _ = try IPPRequest.send(
                request, over: http, printer: printer, server: server, notFound: .jobNotFound, action: "cancel job \(jobID)")
        }
    }

    /// IPP Get-Printer-Attributes on the calling thread.
    static func printerStatusNow(_ printer: String, server: String?, timeout: Duration) throws(PrintError) -> PrinterStatus {
        let connection = try CUPSConnection(server: server, printer: printer, timeout: timeout)
        let server = connection.server
        return try connection.withUnsafePointer { http throws(PrintError) in
            guard let request = IPPRequest.make(IPP_OP_GET_PRINTER_ATTRIBUTES, printer: printer) else {
                throw PrintError(code: .rejected, message: "libcups could not allocate an IPP request.", printer: printer, server: server)
            }
            var requested = ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nil, "printer-state")
            for (index, name) in ["printer-is-accepting-jobs", "printer-state-message"].enumerated() {
                _ = ippSetString(request, &requested, Int32(index + 1), name)
            }
            let response = try IPPRequest.send(
                request, over: http, printer: printer, server: server, notFound: .printerNotFound, action: "get the printer's state")
            let states = [3: "idle", 4: "processing", 5: "stopped"]
            let state = response.integer("printer-state", tag: IPP_TAG_ENUM).flatMap { states[$0] } ?? "unknown"
            let message = response.string("printer-state-message").flatMap { $0.isEmpty ? nil : $0 }
            return PrinterStatus(state: state, isAcceptingJobs: response.boolean("printer-is-accepting-jobs") ?? false, message: message)
        }
    }
}
