#!/usr/bin/env bash
# Builds glean (release, Swift runtime linked in: one self-contained file with the plugins
# embedded) and copies it to PREFIX/bin. Usage: scripts/install.sh [PREFIX]  (default
# /usr/local; sudo where PREFIX is not writable). GLEAN_CONFIGURATION=debug: the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
scripts/setup.sh
binary=$(scripts/build.sh)
sudo=""
if ! mkdir -p "$prefix/bin" 2>/dev/null || [ ! -w "$prefix/bin" ]; then
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
fi
$sudo mkdir -p "$prefix/bin"
$sudo install -m 755 "$binary" "$prefix/bin/glean"
echo "installed $prefix/bin/glean ($("$prefix/bin/glean" --version))"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
