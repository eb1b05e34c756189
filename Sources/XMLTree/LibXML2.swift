import CLibXML2

/// The one place that talks to libxml2's global state: initialisation and error capture.
enum LibXML2 {
    /// `xmlInitParser` must run once, before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialized() {
        _ = initialized
    }

    /// Runs `body` with every libxml2 error of this thread captured as ``XMLDiagnostic``s (never printed).
    ///
    /// libxml2 keeps the structured error handler per thread, and `body` runs synchronously on the
    /// caller's thread, so concurrent parses on other threads never see each other's errors. `body`
    /// receives the collector's context pointer to install on contexts that have their own handler
    /// (schema parser and validation contexts).
    static func collectingDiagnostics<Result>(
        file: String, _ body: (UnsafeMutableRawPointer) -> Result
    ) -> (result: Result, diagnostics: [XMLDiagnostic]) {
        ensureInitialized()
        let collector = DiagnosticCollector(fallbackFile: file)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(context, collectStructuredError)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        let result = withExtendedLifetime(collector) { body(context) }
        return (result, collector.diagnostics)
    }

    /// The handler to pass to libxml2 contexts together with the pointer from ``collectingDiagnostics(file:_:)``.
    static let handler: xmlStructuredErrorFunc = collectStructuredError
}

/// Accumulates the diagnostics of one libxml2 operation.
final class DiagnosticCollector {
    let fallbackFile: String
    private(set) var diagnostics: [XMLDiagnostic] = []

    init(fallbackFile: String) { self.fallbackFile = fallbackFile }

    func append(_ error: xmlError) {
        let severity: XMLDiagnostic.Severity =
            switch error.level {
            case XML_ERR_WARNING: .warning
            case XML_ERR_FATAL: .fatal
            default: .error
            }
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        var line = Int(error.line)
        if line == 0, let node = error.node {
            line = xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self))
        }
        let file = error.file.map { String(cString: $0) } ?? fallbackFile
        diagnostics.append(
            XMLDiagnostic(
                file: file, line: max(line, 0), column: max(Int(error.int2), 0), message: message,
                severity: severity))
    }
}

private func collectStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue().append(error.pointee)
}
