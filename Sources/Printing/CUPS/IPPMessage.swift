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

    /// The first value of a text, name or keyword attribute.
    func string(_ name: String) -> String? {
        guard let attribute = ippFindAttribute(pointer, name, IPP_TAG_ZERO), let value = ippGetString(attribute, 0, nil) else {
            return nil
        }
        return String(cString: value)
    }

    /// The first value of a boolean attribute.
    func boolean(_ name: String) -> Bool? {
        guard let attribute = ippFindAttribute(pointer, name, IPP_TAG_BOOLEAN) else { return nil }
        return ippGetBoolean(attribute, 0) != 0
    }

    deinit { ippDelete(pointer) }
}
