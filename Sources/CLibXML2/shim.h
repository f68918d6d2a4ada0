#ifndef GLEANER_CLIBXML2_SHIM_H
#define GLEANER_CLIBXML2_SHIM_H
// libxml2's HTML parser: documents are parsed with a real HTML parser, never with regexes.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
