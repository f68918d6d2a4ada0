#ifndef GLEANER_CZLIB_SHIM_H
#define GLEANER_CZLIB_SHIM_H
#include <zlib.h>
#endif
