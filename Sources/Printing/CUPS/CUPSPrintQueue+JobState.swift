import CCUPS

extension CUPSPrintQueue {
    /// Queries the job's state on the calling thread with an IPP Get-Job-Attributes request.
    static func jobStateNow(_ jobID: Int, printer: String, server: String?, timeout: Duration) throws(PrintError) -> PrintJobState {
        let connection = try CUPSConnection(server: server, printer: printer, timeout: timeout)
        let server = connection.server
        return try connection.withUnsafePointer { http throws(PrintError) in
            guard let request = IPPRequest.make(IPP_OP_GET_JOB_ATTRIBUTES, printer: printer) else {
                throw PrintError(code: .rejected, message: "libcups could not allocate an IPP request.", printer: printer, server: server)
            }
            _ = ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", Int32(clamping: jobID))
            _ = ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nil, "job-state")
            let response = try IPPRequest.send(
                request, over: http, printer: printer, server: server, notFound: .jobNotFound,
                action: "get the state of job \(jobID)")
            guard let value = response.integer("job-state", tag: IPP_TAG_ENUM), let state = PrintJobState(ippValue: value) else {
                throw PrintError(
                    code: .rejected, message: "CUPS server \(server) sent no job-state for job \(jobID) on printer \"\(printer)\".",
                    printer: printer, server: server)
            }
            return state
        }
    }
}
