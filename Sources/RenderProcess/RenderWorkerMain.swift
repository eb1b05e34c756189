import DisplayModel
import Foundation
import Render

/// The render worker: `folio-render --layouts DIR --fonts DIR`, started by ``RenderWorkerPool``.
///
/// It loads the templates and fonts once, says hello on standard output, then draws one PDF for each job
/// read from standard input until standard input closes (Folio exited or let it go). It links only what
/// drawing needs (cairo, Pango, libqrencode, libxml2; librsvg is opened at the first SVG), so a 1,000-line
/// invoice peaks at a fraction of what the whole server holds, and a crash inside a C library costs one
/// document, not the server.
public enum RenderWorkerMain {
    /// Runs the worker; returns the process exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        var layouts: String?
        var fonts: String?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch (option, rest.popFirst()) {
            case ("--layouts", let value?): layouts = value
            case ("--fonts", let value?): fonts = value
            default:
                FileHandle.standardError.write(Data("usage: folio-render --layouts DIR --fonts DIR (started by folio serve)\n".utf8))
                return 2
            }
        }
        guard let layouts, let fonts else {
            FileHandle.standardError.write(Data("folio-render: --layouts and --fonts are required\n".utf8))
            return 2
        }
        // Frames go to the original standard output; anything a library prints lands on standard error.
        let output = fcntl(1, F_DUPFD_CLOEXEC, 3)
        guard output >= 0 else { return 1 }
        dup2(2, 1)
        let channel = FrameChannel(readFD: 0, writeFD: output)

        let renderer: DocumentRenderer
        do {
            renderer = try DocumentRenderer(layoutsDirectory: layouts, fontsDirectory: fonts)
        } catch {
            try? channel.send(RenderWire.encode(RenderWire.Hello(layouts: [], error: "\(error)")))
            return 1
        }
        do {
            try serve(renderer, on: channel)
            return 0
        } catch {
            FileHandle.standardError.write(Data("folio-render: \(error)\n".utf8))
            return 1
        }
    }

    /// Says hello, then answers jobs until the input closes.
    static func serve(_ renderer: DocumentRenderer, on channel: FrameChannel) throws {
        try channel.send(RenderWire.encode(RenderWire.Hello(layouts: renderer.layoutNames, error: nil)))
        while let header = try nextJob(on: channel) {
            let data = try channel.receive()
            let (reply, pdf) = answer(header, data: data, with: renderer)
            try channel.send(RenderWire.encode(reply))
            try channel.send(pdf)
            // Hand the document's memory back: an idle worker should not keep the peak of its largest job.
            GlibcExtras.trimHeap()
        }
    }

    /// The next job's frame; `nil` once Folio closed the pipe.
    static func nextJob(on channel: FrameChannel) throws -> [UInt8]? {
        do {
            return try channel.receive()
        } catch {
            if case .closed = error { return nil }
            throw error
        }
    }

    /// Draws the job; a job that cannot be read or drawn becomes a reply carrying the error.
    static func answer(_ header: [UInt8], data: [UInt8], with renderer: DocumentRenderer) -> (RenderWire.Reply, [UInt8]) {
        do {
            let job = try RenderWire.decode(RenderWire.Job.self, from: header)
            let pdf = try renderer.renderPDF(
                layout: job.layout, data: try DisplayValueWire.decode(data), title: job.title, creationDate: Date(timeIntervalSince1970: job.creationDate))
            let reply = RenderWire.Reply(
                pageCount: pdf.pageCount, warnings: pdf.warnings.map(RenderWire.WireDiagnostic.init), error: nil,
                peakResidentKB: peakResidentKB())
            return (reply, pdf.bytes)
        } catch {
            let renderError = error as? RenderError ?? RenderError(code: .workerFailed, message: "unreadable job: \(error)")
            let reply = RenderWire.Reply(
                pageCount: 0, warnings: [], error: RenderWire.WireError(renderError), peakResidentKB: peakResidentKB())
            return (reply, [])
        }
    }

    /// `VmHWM` of `/proc/self/status`, in kB; 0 when unreadable.
    static func peakResidentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
