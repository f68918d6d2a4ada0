#ifndef GLEANER_CVECTORSCAN_SHIM_H
#define GLEANER_CVECTORSCAN_SHIM_H
// Vectorscan (Debian libvectorscan-dev) or Hyperscan (libhyperscan-dev): same API and headers.
#include <hs.h>
#endif
