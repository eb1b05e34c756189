#ifndef FOLIO_CZIP_SHIM_H
#define FOLIO_CZIP_SHIM_H

#include <stdlib.h>
#include <zip.h>

#endif
