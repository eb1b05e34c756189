import CCurl

/// A failed HTTP exchange, classified from libcurl's `CURLcode`.
struct TransportError: Error, Sendable {
    enum Kind: Sendable, Hashable {
        /// The whole exchange took longer than the timeout (`CURLE_OPERATION_TIMEDOUT`).
        case timeout
        /// No connection could be made (refused, unreachable, name not resolved): nothing was sent.
        case connect
        /// The connection broke while sending or receiving: the request may have arrived.
        case broken
        /// TLS failed (certificate, handshake): not transient.
        case tls
        case other

        init(_ code: CURLcode) {
            switch code {
            case CURLE_OPERATION_TIMEDOUT: self = .timeout
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: self = .connect
            case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: self = .broken
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
                CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE:
                self = .tls
            default: self = .other
            }
        }
    }

    var kind: Kind
    var curlCode: Int
    var message: String
}
