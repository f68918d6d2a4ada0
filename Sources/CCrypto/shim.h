#ifndef GLEANER_CCRYPTO_SHIM_H
#define GLEANER_CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-256 only: its assembly uses the CPU's SHA instructions (or
// AVX2/SSSE3) where the CPU has them. The low-level SHA256_* calls are deprecated in OpenSSL 3
// but stay in its API; the EVP calls allocate a context per digest, which costs more than
// hashing a short document, so the shim uses SHA256_CTX on the stack.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#endif
