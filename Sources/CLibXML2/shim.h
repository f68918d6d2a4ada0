#ifndef GLEANER_CLIBXML2_SHIM_H
#define GLEANER_CLIBXML2_SHIM_H
// libxml2's HTML parser: documents are parsed with a real HTML parser, never with regexes.
// Debian builds libxml2 with ICU; its ICU headers clash with Foundation's own ICU copy
// ('UErrorCode' has different definitions), and Gleaner never uses libxml2's converters.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
