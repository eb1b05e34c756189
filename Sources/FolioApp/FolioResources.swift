public import Foundation

/// Where Folio's own files live: `Layouts/`, `Fonts/`, `Schemas/` and `CodeLists/` of the checkout or installation.
public struct FolioResources: Sendable {
    public var root: String
    public var layouts: String { root + "/Layouts" }
    public var fonts: String { root + "/Fonts" }
    public var schemas: String { root + "/Schemas/ubl-2.1" }
    /// DIAN's code lists (genericode), read by the DIAN rules (``DIANValidation``).
    public var codeLists: String { root + "/CodeLists" }

    public init(root: String) { self.root = root }

    /// The render worker program: `FOLIO_RENDER_WORKER` if set, else `folio-render` beside the running
    /// executable (both are products of the same build, and are installed together).
    public static func renderWorker(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["FOLIO_RENDER_WORKER"], !path.isEmpty { return path }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().path
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("folio-render").path
    }

    /// `FOLIO_HOME` if set; otherwise the first folder holding `Layouts/` and `Fonts/`, walking up from the
    /// executable (a `swift build` product sits in `.build/…/debug` inside the checkout), then from the
    /// working directory.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> FolioResources {
        if let home = environment["FOLIO_HOME"], !home.isEmpty { return FolioResources(root: home) }
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ]
        for start in starts {
            var folder = start.standardized
            while folder.path != "/" {
                let manager = FileManager.default
                if manager.fileExists(atPath: folder.appendingPathComponent("Layouts").path),
                    manager.fileExists(atPath: folder.appendingPathComponent("Fonts").path)
                {
                    return FolioResources(root: folder.path)
                }
                folder.deleteLastPathComponent()
            }
        }
        return FolioResources(root: FileManager.default.currentDirectoryPath)
    }
}
