// Declarations only (CFuzzDriver.h); libFuzzer (-sanitize=fuzzer) defines the function.
#include "CFuzzDriver.h"
