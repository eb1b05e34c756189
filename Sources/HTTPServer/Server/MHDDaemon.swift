import CMicroHTTPD

/// Owns a running `struct MHD_Daemon *`; stopping it waits for MHD's threads to finish their requests.
///
/// `@unchecked Sendable`: after init it is only read (`MHD_get_daemon_info`) and stopped once in `deinit`,
/// both of which libmicrohttpd allows from any thread.
final class MHDDaemon: @unchecked Sendable {
    private let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// The port the daemon actually listens on.
    var boundPort: UInt16 { folio_mhd_bound_port(pointer) }

    deinit { MHD_stop_daemon(pointer) }
}
