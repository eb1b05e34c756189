public import LayoutTemplate

/// Why a document could not be rendered.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidTemplate, unknownLayout, layoutFailed, fontsUnavailable, missingAsset, cairo, qrCode, workerFailed
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A template in `Layouts/` has errors (see ``RenderError/diagnostics``).
        public static let invalidTemplate = Code(.invalidTemplate)
        /// No layout has the requested name.
        public static let unknownLayout = Code(.unknownLayout)
        /// The document's content cannot be laid out (something cannot fit), see ``RenderError/diagnostics``.
        public static let layoutFailed = Code(.layoutFailed)
        /// `Fonts/` could not be loaded or holds no font.
        public static let fontsUnavailable = Code(.fontsUnavailable)
        /// An image could not be read.
        public static let missingAsset = Code(.missingAsset)
        /// Cairo reported an error.
        public static let cairo = Code(.cairo)
        /// The QR payload could not be encoded.
        public static let qrCode = Code(.qrCode)
        /// The render worker process could not be started, exited while drawing, or did not answer in time.
        public static let workerFailed = Code(.workerFailed)

        /// The code whose ``description`` is `name` (`layoutFailed`), as a render worker reports it.
        public init?(named name: String) {
            guard let value = Value(rawValue: name) else { return nil }
            self.value = value
        }

        public var description: String { value.rawValue }
    }

    public var code: Code
    /// One paragraph; for template problems, the diagnostics in gcc format.
    public var message: String
    public var diagnostics: [Diagnostic]
    public var underlying: (any Error & Sendable)?

    public init(code: Code, message: String, diagnostics: [Diagnostic] = [], underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
        self.underlying = underlying
    }

    public var description: String { "render error (\(code)): \(message)" }

    /// A tree for logs: the error, its diagnostics and its underlying error.
    public func detailedDescription() -> String {
        var lines = ["RenderError.\(code): \(message)"]
        for diagnostic in diagnostics {
            lines.append("  ├─ " + DiagnosticRenderer.gcc([diagnostic], sources: [:]).split(separator: "\n").joined(separator: "\n  │  "))
        }
        if let underlying { lines.append("  └─ underlying: \(underlying)") }
        return lines.joined(separator: "\n")
    }
}

/// A cairo status other than success.
struct CairoError: Error, Sendable {
    var status: UInt32
    var operation: String
    var message: String
}
