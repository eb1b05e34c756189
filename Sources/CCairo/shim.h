#pragma once
#include <cairo.h>
#include <cairo-pdf.h>
/* zlib, which cairo's own PNG writer uses through libpng: Folio writes preview PNGs itself (PNGWriter in Render)
   to choose a faster compression level than libpng's default. */
#include <zlib.h>
