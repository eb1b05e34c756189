#pragma once
#include <librsvg/rsvg.h>

// Pointer types of the librsvg functions Render looks up with dlsym, taken from the declarations themselves
// so that a mismatch with the header cannot compile. Swift must not call the rsvg_* declarations directly:
// that would reference the symbols and need librsvg on the link line again.
typedef __typeof__(&rsvg_handle_new_from_data) folio_rsvg_handle_new_from_data_fn;
typedef __typeof__(&rsvg_handle_set_dpi) folio_rsvg_handle_set_dpi_fn;
typedef __typeof__(&rsvg_handle_get_intrinsic_size_in_pixels) folio_rsvg_handle_get_intrinsic_size_in_pixels_fn;
typedef __typeof__(&rsvg_handle_get_intrinsic_dimensions) folio_rsvg_handle_get_intrinsic_dimensions_fn;
typedef __typeof__(&rsvg_handle_render_document) folio_rsvg_handle_render_document_fn;
