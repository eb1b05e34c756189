public import DIANClient

/// The command line of `folio dian-sim`:
/// `--port P --technical-key K [--address IP] [--software-pin PIN] [--schemas DIR]
/// [--range PREFIX,FROM,TO,RESOLUTION,VALID_FROM,VALID_TO] [--certificate PEM] [--key PEM]
/// [--fault KIND [--fault-operation OP] [--fault-times N] [--fault-delay-ms MS]]`.
///
/// Without `--range`, the simulator knows DIAN's habilitación test range (SETP 990000000–995000000,
/// resolution 18760000001, 2019-01-19 to 2030-01-19) with the given technical key.
public struct SimulatorOptions: Sendable, Hashable {
    public var address = "127.0.0.1"
    public var port: UInt16 = 0
    public var technicalKey = ""
    public var softwarePIN: String?
    public var schemasDirectory: String?
    public var ranges: [NumberingRange] = []
    /// For the Signing wiring: the certificate (PEM) the simulator trusts and signs with.
    public var certificatePath: String?
    /// For the Signing wiring: the private key (PEM) the simulator signs its ApplicationResponses with.
    public var keyPath: String?
    /// A fault active from the start.
    public var fault: SimulatorFault?

    /// Parses the arguments after `dian-sim`.
    /// - Throws: ``SimulatorOptionsError`` naming the option.
    public init(arguments: [String]) throws {
        var values: [String: String] = [:]
        var iterator = arguments.makeIterator()
        let known: Set<String> = [
            "address", "port", "technical-key", "software-pin", "schemas", "range", "certificate", "key", "fault",
            "fault-operation", "fault-times", "fault-delay-ms",
        ]
        var rangeTexts: [String] = []
        while let argument = iterator.next() {
            guard argument.hasPrefix("--"), known.contains(String(argument.dropFirst(2))) else {
                throw SimulatorOptionsError(message: "unknown argument \(argument)")
            }
            let name = String(argument.dropFirst(2))
            guard let value = iterator.next() else { throw SimulatorOptionsError(message: "\(argument) needs a value") }
            if name == "range" { rangeTexts.append(value) } else { values[name] = value }
        }
        guard let port = values["port"] else { throw SimulatorOptionsError(message: "--port is required (0 picks a free port)") }
        guard let portNumber = UInt16(port) else { throw SimulatorOptionsError(message: "--port \(port) is not 0–65535") }
        guard let key = values["technical-key"], !key.isEmpty else {
            throw SimulatorOptionsError(message: "--technical-key is required (the ClTec the CUFE is recomputed with)")
        }
        self.port = portNumber
        technicalKey = key
        address = values["address"] ?? address
        softwarePIN = values["software-pin"]
        schemasDirectory = values["schemas"]
        certificatePath = values["certificate"]
        keyPath = values["key"]
        ranges = try rangeTexts.map { try Self.range($0, technicalKey: key) }
        if ranges.isEmpty {
            ranges = [
                NumberingRange(
                    resolutionNumber: "18760000001", resolutionDate: "2019-01-19", prefix: "SETP", fromNumber: 990_000_000,
                    toNumber: 995_000_000, validDateFrom: "2019-01-19", validDateTo: "2030-01-19", technicalKey: key)
            ]
        }
        if let kindText = values["fault"] {
            guard let kind = SimulatorFault.Kind(rawValue: kindText), kind != .none else {
                let kinds = SimulatorFault.Kind.allCases.filter { $0 != .none }.map(\.rawValue).joined(separator: "|")
                throw SimulatorOptionsError(message: "--fault \(kindText) is not one of \(kinds)")
            }
            var operation: DIANOperation?
            if let name = values["fault-operation"] {
                guard let found = DIANOperation(rawValue: name) else {
                    throw SimulatorOptionsError(message: "--fault-operation \(name) is not an operation (e.g. SendBillSync)")
                }
                operation = found
            }
            guard let times = Int(values["fault-times"] ?? "1"), times > 0 else {
                throw SimulatorOptionsError(message: "--fault-times must be a positive number")
            }
            var delay: Int?
            if let text = values["fault-delay-ms"] {
                guard let milliseconds = Int(text), milliseconds >= 0 else {
                    throw SimulatorOptionsError(message: "--fault-delay-ms \(text) is not a number of milliseconds")
                }
                delay = milliseconds
            }
            fault = SimulatorFault(operation: operation, fault: kind, times: times, delayMs: delay)
        } else if values.keys.contains(where: { $0.hasPrefix("fault-") }) {
            throw SimulatorOptionsError(message: "--fault-operation/--fault-times/--fault-delay-ms need --fault")
        }
    }

    /// `PREFIX,FROM,TO,RESOLUTION,VALID_FROM,VALID_TO`.
    private static func range(_ text: String, technicalKey: String) throws -> NumberingRange {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, let from = Int64(parts[1]), let to = Int64(parts[2]), from <= to else {
            throw SimulatorOptionsError(
                message: "--range \(text) is not PREFIX,FROM,TO,RESOLUTION,VALID_FROM,VALID_TO (e.g. SETP,990000000,995000000,18760000001,2019-01-19,2030-01-19)")
        }
        return NumberingRange(
            resolutionNumber: parts[3], resolutionDate: parts[4], prefix: parts[0], fromNumber: from, toNumber: to,
            validDateFrom: parts[4], validDateTo: parts[5], technicalKey: technicalKey)
    }
}

/// A `folio dian-sim` command line that cannot be used.
public struct SimulatorOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
