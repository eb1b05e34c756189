import CCUPS

/// Owns an IPP response (`ipp_t *`) returned by `cupsDoRequest`.
///
/// Requests are not wrapped: `cupsDoRequest` frees the request itself.
final class IPPMessage {
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// The response's status code.
    var status: ipp_status_t { ippGetStatusCode(pointer) }

    /// The first value of an integer or enum attribute, e.g. `job-state`.
    func integer(_ name: String, tag: ipp_tag_t) -> Int? {
        guard let attribute = ippFindAttribute(pointer, name, tag) else { return nil }
        return Int(ippGetInteger(attribute, 0))
    }

    deinit { ippDelete(pointer) }
}
