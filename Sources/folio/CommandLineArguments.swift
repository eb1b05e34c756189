/// A tiny argument reader: positional arguments plus `--name value` options and `--flag`s.
/// Unknown options are usage errors (exit code 2).
struct CommandLineArguments {
    var positional: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ arguments: some Sequence<String>, options known: Set<String>, flags knownFlags: Set<String> = []) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument.hasPrefix("-") && argument.count > 1 {
                let name = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : String(argument.dropFirst())
                if knownFlags.contains(name) {
                    flags.insert(name)
                } else if known.contains(name) {
                    guard let value = iterator.next() else { throw UsageError(description: "\(argument) needs a value") }
                    options[name] = value
                } else {
                    throw UsageError(description: "unknown option \(argument)")
                }
            } else {
                positional.append(argument)
            }
        }
    }
}
