import CCairo

/// A cairo surface, owned.
final class CairoSurface {
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) throws(CairoError) {
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_surface_destroy(pointer)
            try check(status)
        }
        self.pointer = pointer
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// A cairo drawing context, owned.
final class CairoContext {
    let pointer: OpaquePointer

    init(on surface: CairoSurface) throws(CairoError) {
        let pointer = cairo_create(surface.pointer)!
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_destroy(pointer)
            try check(status)
        }
        self.pointer = pointer
    }

    deinit { cairo_destroy(pointer) }
}
