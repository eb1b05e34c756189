import FolioApp
import Foundation

// folio — the command-line face of Folio. Exit codes: 0 done, 1 bad input or failure, 2 usage.

let usage = """
    usage: folio <command> [options]

      render INPUT -o OUT.pdf [--png DIR] [--config CONFIG]
                            draw an ERP JSON document (as an unnumbered draft) or any DIAN UBL 2.1 XML
                            (invoice, credit/debit note, ApplicationResponse: RADIAN event, DIAN response)
      issue INPUT.json --config CONFIG --out DIR [--printer QUEUE] [--data DIR] [--dian ENDPOINT] [--transmit]
                            number and sign; with a DIAN endpoint also transmit and wait for the verdict; write
                            DIR/NUMBER.xml (signed), .pdf and DIAN's answers; print the number, CUFE and state
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
                            HTTP API, issuance worker (sign → DIAN → archive → print), print worker; SQLite store
      preview LAYOUT.xml --sample DATA [--out DIR] [--config CONFIG] [--watch]
                            render one layout with a sample to DIR/preview.pdf and PNG pages; --watch re-renders on save
      dian-sim --port P --technical-key K [--fault KIND …]
                            Folio's DIAN SOAP simulator on http://127.0.0.1:P/WcfDianCustomerServices.svc
      habilitacion --config CONFIG --test-set-id ID [--dian ENDPOINT] [--documents DIR] [--data DIR]
                            DIAN's habilitación test set: issue, sign and send each document (SendTestSetAsync),
                            then a credit and a debit note; print DIAN's verdict per document (GetStatusZip)
      check [LAYOUTS_DIR]   check every layout template (default Layouts/); exit 1 on any error
      rules [--json | --markdown]
                            the DIAN rules checked before a document is issued (Docs/rules.md)
      bench render --inputs DIR [--iterations N]
                            render benchmark (release build), see README
      bench issue [--config CONFIG] [--documents N] [--end-to-end N]
                            issuance benchmark (release build): documents/s through rules + build + XSD + signature
                            on one core, and end to end against Folio's DIAN simulator on two cores
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
    case "rules": try RulesCommand.run(rest)
    case "preview": try PreviewCommand.run(rest)
    case "serve": try await ServeCommand.run(rest)
    case "dian-sim": try DianSimCommand.run(rest)
    case "habilitacion": try HabilitacionCommand.run(rest)
    case "bench":
        switch rest.first {
        case "render": exit(try runRenderBenchmark(Array(rest.dropFirst())))
        case "issue": exit(try runIssuanceBenchmark(Array(rest.dropFirst())))
        case "print": exit(try await runPrintBenchmark(Array(rest.dropFirst())))
        case "preview": exit(try runPreviewBenchmark(Array(rest.dropFirst())))
        default: throw CommandLineArguments.UsageError(description: "bench needs a subject: bench render, bench issue, bench print")
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
