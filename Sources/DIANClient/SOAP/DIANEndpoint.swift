/// Where DIAN's web service is: habilitación, producción, or a simulator.
public struct DIANEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The URL requests are POSTed to, which is also the value of `wsa:To`.
    public var url: String

    /// An endpoint at `url` (e.g. `http://127.0.0.1:8089/WcfDianCustomerServices.svc` for `folio dian-sim`).
    public init(url: String) {
        self.url = url
    }

    /// The service path, the same on DIAN and on the simulator.
    public static let servicePath = "/WcfDianCustomerServices.svc"

    /// DIAN's habilitación (test) service.
    public static let habilitacion = DIANEndpoint(url: "https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc")
    /// DIAN's producción service.
    public static let produccion = DIANEndpoint(url: "https://vpfe.dian.gov.co/WcfDianCustomerServices.svc")

    /// Folio's simulator (`folio dian-sim`) on `host:port`.
    public static func simulator(host: String = "127.0.0.1", port: UInt16) -> DIANEndpoint {
        DIANEndpoint(url: "http://\(host):\(port)\(servicePath)")
    }

    /// The endpoint a configuration names: `habilitacion` (or `habilitación`), `produccion` (or `producción`),
    /// or an `http://` / `https://` URL (a simulator, a proxy).
    /// - Throws: ``DIANClientError`` `.invalidRequest` naming the value.
    public static func named(_ value: String) throws -> DIANEndpoint {
        switch value.lowercased() {
        case "habilitacion", "habilitación": return .habilitacion
        case "produccion", "producción": return .produccion
        default:
            let lowered = value.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), value.count > 8,
                !value.contains(where: { $0.isWhitespace })
            else {
                throw DIANClientError(
                    code: .invalidRequest,
                    message: "DIAN endpoint '\(value)' is not habilitacion, produccion or an http(s):// URL")
            }
            return DIANEndpoint(url: value)
        }
    }

    public var description: String { url }
}
