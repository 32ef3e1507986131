#!/usr/bin/env bash
# Peer tools for `make bench` and `make accuracy`, each in its own venv under .peers/ (gitignored):
#   .peers/apkid   pip install apkid        (3.x uses the yara-python-dex wheel: nothing to build;
#                                             older apkid pinned yara-python and built it from source)
#   .peers/exodus  pip install exodus-core  (pins androguard 4.1.1; lists classes with `dexdump`,
#                                             Debian package "dexdump", from PATH)
# Idempotent: a venv whose tool already imports is left alone. Prints what it did.
# Usage: bash scripts/peers_setup.sh   (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS="$ROOT/.peers"
PYTHON="${PYTHON:-python3}"
mkdir -p "$PEERS"

say() { printf '[peers] %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "need root for: $*"; return 1
    fi
}

APT_UPDATED=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        say "no apt-get here: install $* by hand"
        return 1
    fi
    if [ "$APT_UPDATED" -eq 0 ]; then
        say "apt-get update"
        as_root apt-get update -qq
        APT_UPDATED=1
    fi
    say "apt-get install -y $*"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

make_venv() {  # make_venv NAME
    local dir="$PEERS/$1"
    if [ ! -x "$dir/bin/python" ]; then
        say "creating venv $dir"
        "$PYTHON" -m venv "$dir"
        "$dir/bin/pip" install --quiet --upgrade pip
    fi
}

# --- apkid ---------------------------------------------------------------------------------
if [ -x "$PEERS/apkid/bin/apkid" ] && "$PEERS/apkid/bin/python" -c "import apkid, yara" 2>/dev/null
then
    say "apkid: already installed ($("$PEERS/apkid/bin/python" -c \
        'import importlib.metadata as m; print(m.version("apkid"))'))"
else
    make_venv apkid
    say "pip install apkid (into .peers/apkid)"
    if ! "$PEERS/apkid/bin/pip" install --quiet apkid; then
        # An apkid that pins yara-python builds it from source: it needs a compiler and headers.
        say "pip install apkid failed; installing build dependencies for yara-python and retrying"
        apt_install build-essential python3-dev libssl-dev libmagic-dev
        "$PEERS/apkid/bin/pip" install --quiet apkid
    fi
    "$PEERS/apkid/bin/python" -c "import apkid, yara" \
        && say "apkid: installed ($("$PEERS/apkid/bin/python" -c \
            'import importlib.metadata as m; print(m.version("apkid"))'))"
fi

# --- exodus-core ---------------------------------------------------------------------------
if "$PEERS/exodus/bin/python" -c "import exodus_core.analysis.static_analysis" 2>/dev/null; then
    say "exodus-core: already installed ($("$PEERS/exodus/bin/python" -c \
        'import importlib.metadata as m; print(m.version("exodus-core"))'))"
else
    make_venv exodus
    say "pip install exodus-core (into .peers/exodus)"
    "$PEERS/exodus/bin/pip" install --quiet exodus-core
    "$PEERS/exodus/bin/python" -c "import exodus_core.analysis.static_analysis" \
        && say "exodus-core: installed ($("$PEERS/exodus/bin/python" -c \
            'import importlib.metadata as m; print(m.version("exodus-core"))'))"
fi

# exodus-core's StaticAnalysis._get_embedded_classes runs `dexdump FILE` and regex-scans its
# output for class names; without dexdump on PATH it calls sys.exit(1).
if command -v dexdump >/dev/null 2>&1; then
    say "dexdump: already on PATH ($(command -v dexdump))"
else
    apt_install dexdump
    command -v dexdump >/dev/null 2>&1 && say "dexdump: installed ($(command -v dexdump))"
fi

say "done: $PEERS/apkid/bin/apkid, $PEERS/exodus/bin/python, $(command -v dexdump || echo 'no dexdump')"
