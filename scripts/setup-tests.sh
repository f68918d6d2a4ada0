#!/usr/bin/env bash
# Installs what the tests need beyond building (scripts/setup.sh): Python with jsonschema and
# pytest (the schema tests), headless Chromium (the report's browser test), a Java 17 runtime
# and PySpark (the Spark job's test). About 1 GB; scripts/test.sh runs it, scripts/run.sh not.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
need=()
command -v python3 >/dev/null 2>&1 || need+=(python3 python3-pip)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
    echo "setup-tests: installing ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
pip_install() { python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"; }
python3 -c "import jsonschema, pytest" 2>/dev/null || pip_install jsonschema pytest
python3 -c "import pyspark" 2>/dev/null || pip_install pyspark
