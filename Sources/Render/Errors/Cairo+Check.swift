import CCairo

/// The one choke point for cairo statuses.
func check(_ status: cairo_status_t, _ operation: StaticString = #function) throws(CairoError) {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw CairoError(status: status.rawValue, operation: "\(operation)", message: String(cString: cairo_status_to_string(status)))
}

extension RenderError {
    init(_ error: CairoError) {
        self.init(code: .cairo, message: "cairo failed in \(error.operation): \(error.message)", underlying: error)
    }
}
