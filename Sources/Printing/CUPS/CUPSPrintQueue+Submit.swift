import CCUPS

extension CUPSPrintQueue {
    /// Submits on the calling thread: Create-Job, then Send-Document streaming the PDF; cancels the job if
    /// sending fails.
    static func submitNow(_ request: PrintRequest, server: String?, timeout: Duration) throws(PrintError) -> PrintSubmission {
        let printer = request.printer
        let connection = try CUPSConnection(server: server, printer: printer, timeout: timeout)
        let server = connection.server
        return try connection.withUnsafePointer { http throws(PrintError) in
            let jobID = try createJob(request, http: http, server: server)
            do throws(PrintError) {
                try sendDocument(request, jobID: jobID, http: http, server: server)
            } catch {
                _ = cupsCancelJob2(http, printer, jobID, 0)
                throw error
            }
            return PrintSubmission(printer: printer, jobID: Int(jobID))
        }
    }

    /// An explicit Create-Job request. (libcups' `cupsCreateJob` looks the destination up first and, for an
    /// unknown printer, reports "server-error-internal-error: No such file or directory" instead of not-found.)
    private static func createJob(_ request: PrintRequest, http: OpaquePointer, server: String) throws(PrintError) -> Int32 {
        let printer = request.printer
        guard let ipp = IPPRequest.make(IPP_OP_CREATE_JOB, printer: printer) else {
            throw PrintError(code: .rejected, message: "libcups could not allocate an IPP request.", printer: printer, server: server)
        }
        _ = ippAddString(ipp, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, request.jobName)
        _ = ippAddInteger(ipp, IPP_TAG_JOB, IPP_TAG_INTEGER, "copies", Int32(clamping: request.copies))
        if let media = request.media { _ = ippAddString(ipp, IPP_TAG_JOB, IPP_TAG_KEYWORD, "media", nil, media) }
        if let sides = request.sides { _ = ippAddString(ipp, IPP_TAG_JOB, IPP_TAG_KEYWORD, "sides", nil, sides) }
        let response = try IPPRequest.send(
            ipp, over: http, printer: printer, server: server, notFound: .printerNotFound, action: "create a job")
        guard let jobID = response.integer("job-id", tag: IPP_TAG_INTEGER), jobID > 0 else {
            throw PrintError(
                code: .rejected, message: "CUPS server \(server) created a job on printer \"\(printer)\" without a job-id.",
                printer: printer, server: server)
        }
        return Int32(jobID)
    }

    /// Send-Document with the PDF as the job's last document.
    ///
    /// No `document-name` is sent: with a space in it, cupsd 2.4.2 (Debian 12) crashes when it starts the
    /// job. The title travels as `job-name` instead.
    private static func sendDocument(
        _ request: PrintRequest, jobID: Int32, http: OpaquePointer, server: String
    ) throws(PrintError) {
        let printer = request.printer
        // libcups does not say whether these failures came with an answer; a server error counts as a lost server.
        func failure(_ action: String) -> PrintError {
            .lastCUPSError(printer: printer, server: server, notFound: .printerNotFound, action: action, answered: false)
        }
        guard cupsStartDocument(http, printer, jobID, nil, CUPS_FORMAT_PDF, 1) == HTTP_STATUS_CONTINUE else {
            throw failure("start sending job \(jobID)")
        }
        let written = request.document.withUnsafeBytes { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cupsWriteRequestData(http, $0.baseAddress, $0.count) }
        }
        guard written == HTTP_STATUS_CONTINUE else { throw failure("send the document of job \(jobID)") }
        let finished = cupsFinishDocument(http, printer)
        guard finished.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
            throw failure("finish job \(jobID)")
        }
    }
}
