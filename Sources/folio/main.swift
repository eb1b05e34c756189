import FolioApp
import Foundation

// folio — the command-line face of Folio. Exit codes: 0 done, 1 bad input or failure, 2 usage.

let usage = """
    usage: folio <command> [options]

      render INPUT -o OUT.pdf [--png DIR] [--config CONFIG]
                            draw an ERP JSON document (as an unnumbered draft) or any DIAN UBL 2.1 XML
                            (invoice, credit/debit note, ApplicationResponse: RADIAN event, DIAN response)
      issue INPUT.json --config CONFIG --out DIR [--printer QUEUE] [--data DIR]
                            number, write DIR/NUMBER.xml and DIR/NUMBER.pdf, print the number and CUFE
      print FILE.pdf --printer QUEUE [--copies N] [--cups-server HOST:PORT]
                            send a PDF to a CUPS queue; prints the CUPS job id
      print NUMBER [--printer QUEUE] [--copies N] [--reason TEXT] [--server URL | --config CONFIG]
                            reprint an issued document ("COPIA") through a running folio serve
      printers [--server URL | --config CONFIG]
                            printers: CUPS state, Folio's queue, alerts, last error (from folio serve)
      jobs [--status S] [--limit N] [--server URL | --config CONFIG]
                            print jobs, newest first (--status alert: the stuck ones)
      jobs move ID --printer QUEUE [--server URL | --config CONFIG]
                            move a job that has not printed to another printer (canceled on the first)
      batch --date YYYY-MM-DD|today [--warehouse W] [--branch B] [--company C] [--type T] [--printer P] [--copies N]
                            print a day's documents as one ordered run; prints its summary (batch ID: progress)
      serve --config CONFIG [--data DIR] [--address IP] [--port N]
                            HTTP API, print worker; data in SQLite under the data directory
      preview LAYOUT.xml --sample DATA [--out DIR] [--config CONFIG] [--watch]
                            render one layout with a sample to DIR/preview.pdf and PNG pages; --watch re-renders on save
      check [LAYOUTS_DIR]   check every layout template (default Layouts/); exit 1 on any error
      bench render --inputs DIR [--iterations N]
                            render benchmark (release build), see README
      bench print [--queued N] [--samples N] [--jobs N] [--cups-server HOST:PORT --printer QUEUE]
                            print-service benchmark (release build): enqueue latency with printers down, jobs/s to CUPS

    """

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("folio: \(message)\n".utf8))
    exit(code)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

do {
    let rest = arguments.dropFirst()
    switch command {
    case "render": try RenderCommand.run(rest)
    case "issue": try IssueCommand.run(rest)
    case "print":
        // A PDF file is sent as is; anything else is a document number to reprint.
        let loose = try CommandLineArguments(rest, options: ["printer", "copies", "cups-server", "server", "config", "reason"])
        if let target = loose.positional.first, FileManager.default.fileExists(atPath: target) || target.lowercased().hasSuffix(".pdf") {
            try await PrintCommand.run(rest)
        } else {
            try await ReprintCommand.run(rest)
        }
    case "printers": try await PrintersCommand.run(rest)
    case "jobs": try await JobsCommand.run(rest)
    case "batch": try await BatchCommand.run(rest)
    case "check": try CheckCommand.run(rest)
    case "preview": try PreviewCommand.run(rest)
    case "serve": try await ServeCommand.run(rest)
    case "bench":
        switch rest.first {
        case "render": exit(try runRenderBenchmark(Array(rest.dropFirst())))
        case "print": exit(try await runPrintBenchmark(Array(rest.dropFirst())))
        default: throw CommandLineArguments.UsageError(description: "bench needs a subject: bench render, bench print")
        }
    case "help", "--help", "-h":
        print(usage, terminator: "")
    default:
        throw CommandLineArguments.UsageError(description: "unknown command \(command)")
    }
} catch let error as CommandLineArguments.UsageError {
    FileHandle.standardError.write(Data("folio: \(error)\n\n\(usage)".utf8))
    exit(2)
} catch {
    fail("\(error)", code: 1)
}
