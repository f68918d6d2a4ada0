#!/usr/bin/env bash
# Installs what building and running glean needs on a fresh Debian machine with Swift:
# pkg-config and the C libraries (PCRE2, libxml2, zlib, libcrypto; Vectorscan, optional, for speed).
# Prints nothing when everything is there. The test tools: scripts/setup-tests.sh.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libpcre2-8 2>/dev/null || need+=(libpcre2-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
pkg-config --exists libcrypto 2>/dev/null || need+=(libssl-dev)
# Vectorscan: the candidate prefilter in front of PCRE2 (optional; glean builds without it).
pkg-config --exists libhs 2>/dev/null || [ -n "${GLEANER_PCRE2_ONLY:-}" ] || need+=(libvectorscan-dev)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on PATH (install Swift 6 first)" >&2; exit 1; }
