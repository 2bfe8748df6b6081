#!/usr/bin/env bash
# Install what the browser tests of the map page need: Debian's headless Chromium and its WebDriver.
# Safe to run again (it does nothing when both are present). Needs root or sudo and apt-get; on other
# systems install a Chromium and chromedriver of the same version yourself, or the browser tests skip.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: no apt-get here; install chromium and chromedriver yourself (browser tests skip without them)" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-test-deps: not root and no sudo; cannot install chromium (browser tests will skip)" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
