import FolioApp
import Issuance
import Foundation
import Printing
import Store

/// Reads a whole file, naming it when it cannot.
func readInput(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(description: "\(path): cannot read the file")
    }
    return [UInt8](data)
}

struct InputError: Error, CustomStringConvertible {
    var description: String
}

func write(_ bytes: [UInt8], to path: String) throws {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    } catch {
        throw InputError(description: "\(path): cannot write (\(error.localizedDescription))")
    }
}

func loadConfiguration(_ path: String?) throws -> FolioConfiguration? {
    try path.map { try FolioConfiguration.load(path: $0) }
}

enum RenderCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: ["o", "png", "config"])
        guard args.positional.count == 1, let output = args.options["o"] else {
            throw CommandLineArguments.UsageError(description: "render needs INPUT and -o OUT.pdf")
        }
        let input = args.positional[0]
        let preview = try DocumentPreview(
            resources: .locate(), configuration: try loadConfiguration(args.options["config"]), world: .live)
        let result = try preview.render(try readInput(input), source: input, png: args.options["png"] != nil)
        try write(result.pdf, to: output)
        if let folder = args.options["png"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (index, page) in result.pngPages.enumerated() {
                try write(page, to: "\(folder)/page-\(index + 1).png")
            }
        }
        print("\(result.number): \(result.pageCount) page\(result.pageCount == 1 ? "" : "s") → \(output)")
    }
}

enum IssueCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: ["config", "out", "printer", "data", "dian"], flags: ["transmit"])
        guard args.positional.count == 1, let configPath = args.options["config"], let out = args.options["out"] else {
            throw CommandLineArguments.UsageError(description: "issue needs INPUT.json, --config CONFIG and --out DIR")
        }
        var configuration = try FolioConfiguration.load(path: configPath)
        if let endpoint = args.options["dian"] {
            configuration.dian = try FolioConfiguration.DIANSettings(endpoint: endpoint, base: configuration.dian)
        }
        if args.flags.contains("transmit") && configuration.dian == nil {
            throw CommandLineArguments.UsageError(
                description: "--transmit needs a DIAN endpoint: a \"dian\" section in \(configPath) or --dian URL|habilitacion|produccion")
        }
        let service = try FolioService(
            configuration: configuration, resources: .locate(), dataDirectory: args.options["data"], world: .live)
        let input = args.positional[0]
        let stored: (document: String, code: String, replay: Bool)
        switch try service.submit(try readInput(input), source: input, printer: args.options["printer"], requestedBy: "cli") {
        case .created(let document): stored = (document.number, document.uniqueCode, false)
        case .existing(let document): stored = (document.number, document.uniqueCode, true)
        }
        if configuration.dian != nil {
            try settle(service, number: stored.document, within: configuration.dian?.timeout ?? 60)
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try write(try service.xml(number: stored.document) ?? [], to: "\(out)/\(stored.document).xml")
        try write(try service.pdf(number: stored.document) ?? [], to: "\(out)/\(stored.document).pdf")
        for (file, suffix) in [(DocumentFile.applicationResponse, "application-response"), (.attachedDocument, "attached-document")] {
            if let bytes = try service.store.file(file, number: stored.document) {
                try write(bytes, to: "\(out)/\(stored.document).\(suffix).xml")
            }
        }
        if stored.replay { print("already issued (same ERP reference): nothing new was numbered") }
        let record = try service.store.issuanceRecord(number: stored.document)
        let current = try service.store.document(number: stored.document)
        print("\(stored.document) \(current?.uniqueCode ?? stored.code) \(record?.state ?? "")")
        if let error = record?.lastError { print("waiting: \(error)") }
        for event in try service.store.events(number: stored.document) where event.kind == "rules" { print("DIAN notifications: \(event.detail)") }
        if args.options["printer"] != nil {
            let semaphore = DispatchSemaphore(value: 0)
            Task {
                await service.drainPrintQueue()
                semaphore.signal()
            }
            semaphore.wait()
            for job in try service.store.printJobs(number: stored.document) {
                if let id = job.cupsJobID {
                    print("print: \(job.printer) CUPS job \(id) (\(job.status))")
                } else {
                    print("print: \(job.printer) \(job.status)\(job.error.map { ": \($0)" } ?? "")")
                }
            }
        }
        if record?.state == "rejected" {
            for event in try service.store.events(number: stored.document) where event.kind == "rejected" {
                print(event.detail)
            }
            throw InputError(description: "\(stored.document): DIAN rejected the document")
        }
    }

    /// Runs the document's issuance until it is settled, waiting out back-offs, for at most `seconds`.
    static func settle(_ service: FolioService, number: String, within seconds: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while let record = try service.settleIssuance(number: number), IssuanceState(rawValue: record.state)?.isSettled == false {
            let wait = max(0.2, record.nextAttempt.timeIntervalSinceNow)
            guard Date().addingTimeInterval(wait) < deadline else { return }
            Thread.sleep(forTimeInterval: wait)
        }
    }
}

enum PrintCommand {
    static func run(_ rest: ArraySlice<String>) async throws {
        let args = try CommandLineArguments(rest, options: ["printer", "copies", "cups-server"])
        guard args.positional.count == 1, let printer = args.options["printer"] else {
            throw CommandLineArguments.UsageError(description: "print needs FILE.pdf and --printer QUEUE")
        }
        guard let copies = Int(args.options["copies"] ?? "1"), (1...99).contains(copies) else {
            throw CommandLineArguments.UsageError(description: "--copies must be a number from 1 to 99")
        }
        let file = args.positional[0]
        let queue = CUPSPrintQueue(server: args.options["cups-server"])
        let submission = try await queue.submit(
            PrintRequest(printer: printer, document: try readInput(file), title: file, copies: copies))
        print("\(printer): CUPS job \(submission.jobID)")
    }
}

enum ServeCommand {
    static func run(_ rest: ArraySlice<String>) async throws {
        let args = try CommandLineArguments(rest, options: ["config", "data", "address", "port"])
        guard let configPath = args.options["config"] else {
            throw CommandLineArguments.UsageError(description: "serve needs --config CONFIG")
        }
        var configuration = try FolioConfiguration.load(path: configPath)
        if let address = args.options["address"] { configuration.server.address = address }
        if let port = args.options["port"] {
            guard let value = UInt16(port) else { throw CommandLineArguments.UsageError(description: "--port must be 0–65535") }
            configuration.server.port = value
        }
        let service = try FolioService(
            configuration: configuration, resources: .locate(), dataDirectory: args.options["data"], world: .live)
        try await FolioServer(service: service).run()
    }
}
