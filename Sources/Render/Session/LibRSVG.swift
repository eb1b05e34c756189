import CRSVG
import Foundation

/// The librsvg functions Render calls, looked up in `librsvg-2.so.2` opened with `dlopen` the first time a
/// document needs an SVG, not linked: most documents have no SVG, and librsvg with its private dependencies
/// (gdk-pixbuf, gio, libmount, libblkid, libselinux) costs every process about 3 MB of resident memory.
///
/// The library is opened at most once per process (``shared`` is a static, which Swift initialises once,
/// thread-safely) and never closed; a failure is kept too, so every SVG after it fails the same way.
struct LibRSVG: @unchecked Sendable {  // C function pointers into a library that stays loaded: immutable.
    /// The shared object opened: the runtime library of Debian's `librsvg2-2` (installed with librsvg2-dev).
    static let soname = "librsvg-2.so.2"

    let newFromData: folio_rsvg_handle_new_from_data_fn
    let setDPI: folio_rsvg_handle_set_dpi_fn
    let intrinsicSizeInPixels: folio_rsvg_handle_get_intrinsic_size_in_pixels_fn
    let intrinsicDimensions: folio_rsvg_handle_get_intrinsic_dimensions_fn
    let renderDocument: folio_rsvg_handle_render_document_fn

    /// Why a library could not be used: its name and `dlerror()`'s text.
    struct LoadFailure: Error, Sendable, Equatable {
        var library: String
        var reason: String
    }

    /// librsvg, opened on first use.
    private static let shared = Result { () throws(LoadFailure) in try LibRSVG(opening: soname) }

    /// librsvg for decoding the image at `path`, or a ``RenderError/Code/missingAsset`` error naming that image
    /// when the library cannot be loaded.
    static func forImage(_ path: String) throws(RenderError) -> LibRSVG {
        switch shared {
        case .success(let library): return library
        case .failure(let failure): throw failure.renderError(image: path)
        }
    }

    /// Opens `library` (`RTLD_NOW | RTLD_LOCAL`: resolved at once, its symbols kept out of the global scope) and
    /// looks up every function; on any failure the library is closed again.
    init(opening library: String) throws(LoadFailure) {
        _ = dlerror()
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            throw LoadFailure(library: library, reason: Self.lastError())
        }
        func function<Pointer>(_ name: String, as type: Pointer.Type) throws(LoadFailure) -> Pointer {
            _ = dlerror()
            guard let address = dlsym(handle, name) else {
                let reason = Self.lastError()
                dlclose(handle)
                throw LoadFailure(library: library, reason: reason)
            }
            return unsafeBitCast(address, to: type)
        }
        newFromData = try function("rsvg_handle_new_from_data", as: folio_rsvg_handle_new_from_data_fn.self)
        setDPI = try function("rsvg_handle_set_dpi", as: folio_rsvg_handle_set_dpi_fn.self)
        intrinsicSizeInPixels = try function(
            "rsvg_handle_get_intrinsic_size_in_pixels", as: folio_rsvg_handle_get_intrinsic_size_in_pixels_fn.self)
        intrinsicDimensions = try function(
            "rsvg_handle_get_intrinsic_dimensions", as: folio_rsvg_handle_get_intrinsic_dimensions_fn.self)
        renderDocument = try function("rsvg_handle_render_document", as: folio_rsvg_handle_render_document_fn.self)
    }

    private static func lastError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown dynamic loader error"
    }
}

extension LibRSVG.LoadFailure {
    /// The error an SVG image at `path` fails with when librsvg is missing.
    func renderError(image path: String) -> RenderError {
        RenderError(
            code: .missingAsset, message: "cannot decode image \(path) as SVG: \(library) could not be loaded: \(reason)")
    }
}
