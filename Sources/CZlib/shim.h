#pragma once
/* zlib: Render writes preview PNGs itself (PNGWriter), at a faster compression level than libpng's default. */
#include <zlib.h>
