import CCUPS

extension IPPMessage {
    /// One job group of a Get-Jobs response.
    struct JobEntry {
        var id: Int?
        var name: String?
        var state: PrintJobState?
        /// `job-state-reasons` includes `job-incoming`: created, still waiting for its document.
        var incoming = false
    }

    /// The job groups of a Get-Jobs response, in the server's order.
    func jobEntries() -> [JobEntry] {
        var entries: [JobEntry] = []
        var current: JobEntry?
        var attribute = ippFirstAttribute(pointer)
        while let found = attribute {
            defer { attribute = ippNextAttribute(pointer) }
            guard ippGetGroupTag(found) == IPP_TAG_JOB, let rawName = ippGetName(found) else {
                // A separator or another group ends the job group in progress.
                if let done = current { entries.append(done) }
                current = nil
                continue
            }
            var entry = current ?? JobEntry()
            switch String(cString: rawName) {
            case "job-id": entry.id = Int(ippGetInteger(found, 0))
            case "job-state": entry.state = PrintJobState(ippValue: Int(ippGetInteger(found, 0)))
            case "job-state-reasons":
                entry.incoming = (0..<ippGetCount(found)).contains { index in
                    ippGetString(found, index, nil).map { String(cString: $0) == "job-incoming" } ?? false
                }
            case "job-name": entry.name = ippGetString(found, 0, nil).map { String(cString: $0) }
            default: break
            }
            current = entry
        }
        if let done = current { entries.append(done) }
        return entries
    }
}
