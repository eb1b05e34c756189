import DisplayModel
import FolioApp
import Foundation
import LayoutTemplate
import Render

/// `folio check [LAYOUTS_DIR] [--grammar RNG]`: checks every template against the RELAX NG grammar
/// (`Layouts/schema/layout.rng`), then Folio's own checks (units, fonts present in `Fonts/`, bound field
/// paths), and prints every diagnostic in gcc format. Exit 1 when any template has an error, so it can gate
/// CI; warnings alone exit 0.
enum CheckCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: ["fonts", "grammar"])
        guard args.positional.count <= 1 else { throw CommandLineArguments.UsageError(description: "check takes one LAYOUTS_DIR") }
        let resources = FolioResources.locate()
        let layouts = args.positional.first ?? resources.layouts
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layouts, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(description: "\(layouts): not a folder of layouts")
        }
        do {
            // The grammar is Folio's own (shipped in Layouts/schema/), whichever folder of layouts is checked.
            let grammar = args.options["grammar"] ?? resources.layouts + "/" + LayoutGrammar.relativePath
            let renderer = try DocumentRenderer(
                layoutsDirectory: layouts, fontsDirectory: args.options["fonts"] ?? resources.fonts, schemas: .production,
                grammarPath: grammar)
            for warning in renderer.templateWarnings { print(warning) }
            let names = renderer.layoutNames
            print("\(names.count) layout\(names.count == 1 ? "" : "s") OK (\(names.joined(separator: ", "))), \(renderer.templateWarnings.count) warning\(renderer.templateWarnings.count == 1 ? "" : "s")")
        } catch let error as RenderError {
            FileHandle.standardError.write(Data("\(error.message)\n".utf8))
            exit(1)
        }
    }
}
