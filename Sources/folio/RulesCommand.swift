import DIANValidation
import DocumentModel
import Foundation

/// `folio rules [--json | --markdown]`: the DIAN rules Folio checks before a document leaves (DIAN code,
/// Rechazo/Notificación, field, rule, fix, source). `--json` prints what `GET /rules` answers.
enum RulesCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let args = try CommandLineArguments(rest, options: [], flags: ["json", "markdown"])
        guard args.positional.isEmpty, args.flags.count <= 1 else {
            throw CommandLineArguments.UsageError(description: "rules takes no arguments and at most one of --json, --markdown")
        }
        if args.flags.contains("json") {
            struct Catalogue: Encodable {
                var tolerance = RuleCatalogue.tolerance.description
                var rules = RuleCatalogue.all
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(Catalogue()))
            print()
        } else if args.flags.contains("markdown") {
            print(RuleCatalogue.markdownTable(), terminator: "")
        } else {
            print(RuleCatalogue.plainText(), terminator: "")
        }
    }
}
