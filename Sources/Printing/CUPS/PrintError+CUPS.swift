import CCUPS

extension PrintError {
    /// The error libcups recorded on this thread for its last request.
    /// - Parameters:
    ///   - notFound: The code for `client-error-not-found`: the printer for a submission, the job for a query.
    ///   - action: What was being done, e.g. `create a job`, for the message.
    ///   - answered: Whether the server sent an IPP response. libcups reports a broken connection or a
    ///     timeout as `server-error-internal-error` (with an errno text), like a server's own internal error.
    static func lastCUPSError(
        printer: String, server: String, notFound: Code, action: String, answered: Bool
    ) -> PrintError {
        let status = cupsLastError()
        let name = String(cString: ippErrorString(status))
        let text = String(cString: cupsLastErrorString())
        let detail = text.isEmpty || text == name || text == "Success" ? name : "\(name): \(text)"
        let transport = [IPP_STATUS_ERROR_INTERNAL, IPP_STATUS_ERROR_SERVICE_UNAVAILABLE, IPP_STATUS_ERROR_TIMEOUT]
        if !answered && transport.contains(status) {
            return PrintError(
                code: .serverUnreachable,
                message: "CUPS server \(server) did not answer when trying to \(action) on printer \"\(printer)\" (\(detail)).",
                printer: printer, server: server, ippStatus: detail)
        }
        let (code, message): (Code, String) =
            switch status {
            case IPP_STATUS_ERROR_NOT_FOUND where notFound == .printerNotFound:
                (.printerNotFound, "Printer \"\(printer)\" does not exist on CUPS server \(server).")
            case IPP_STATUS_ERROR_NOT_FOUND:
                (notFound, "CUPS server \(server) does not know this job on printer \"\(printer)\".")
            case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
                (.printerNotAccepting, "Printer \"\(printer)\" on CUPS server \(server) is not accepting jobs.")
            case IPP_STATUS_ERROR_FORBIDDEN, IPP_STATUS_ERROR_NOT_AUTHENTICATED, IPP_STATUS_ERROR_NOT_AUTHORIZED,
                IPP_STATUS_ERROR_CUPS_AUTHENTICATION_CANCELED:
                (.notAuthorized, "CUPS server \(server) refused to \(action) on printer \"\(printer)\" (\(detail)).")
            case IPP_STATUS_ERROR_NOT_POSSIBLE where text.lowercased().contains("too many"),
                IPP_STATUS_ERROR_TOO_MANY_JOBS, IPP_STATUS_ERROR_BUSY:
                // cupsd's MaxJobs / MaxJobsPerPrinter: "client-error-not-possible: Too many active jobs." It clears
                // as jobs finish, so the job waits and is tried again.
                (.printerNotAccepting, "CUPS server \(server) holds too many active jobs to \(action) on printer \"\(printer)\" now (\(detail)).")
            case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
                (.printerNotAccepting, "CUPS server \(server) cannot \(action) on printer \"\(printer)\" now (\(detail)).")
            default:
                (.rejected, "CUPS server \(server) could not \(action) on printer \"\(printer)\" (\(detail)).")
            }
        return PrintError(code: code, message: message, printer: printer, server: server, ippStatus: detail)
    }
}
