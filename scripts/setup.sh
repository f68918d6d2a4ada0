#!/usr/bin/env bash
# Installs what building and testing glean needs on a fresh Debian machine with Swift:
# PCRE2 (libpcre2-dev, found through pkg-config) and the Python packages the tests use.
set -euo pipefail

need=()
pkg-config --exists libpcre2-8 2>/dev/null || need+=(libpcre2-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
# Vectorscan: the candidate prefilter in front of PCRE2 (optional; glean builds without it).
pkg-config --exists libhs 2>/dev/null || [ -n "${GLEANER_PCRE2_ONLY:-}" ] || need+=(libvectorscan-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on PATH (install Swift 6 first)" >&2; exit 1; }
pip_install() { python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"; }
python3 -c "import jsonschema, pytest" 2>/dev/null || pip_install jsonschema pytest
# Headless Chromium renders `glean report` pages in Tests/ReportBrowserTests.
if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing chromium" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
# The Spark job (scripts/spark) and its test: PySpark from pip, and a Java 17 runtime for it.
if ! command -v java >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
python3 -c "import pyspark" 2>/dev/null || pip_install pyspark
