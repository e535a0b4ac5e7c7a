#!/usr/bin/env bash
# Install the Debian/Ubuntu packages Qt needs, only those missing. Usage:
#   scripts/install-system-deps.sh          # libraries for tests (offscreen Qt)
#   scripts/install-system-deps.sh --gui    # plus the X11/xcb libraries to show windows
#   scripts/install-system-deps.sh --gallery  # plus Xvfb and pdftoppm for `make screenshots`
set -euo pipefail

PKGS=(libgl1 libegl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0 fonts-dejavu-core)
if [ "${1:-}" = "--gui" ] || [ "${1:-}" = "--gallery" ]; then
  PKGS+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
         libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0)
fi
if [ "${1:-}" = "--gallery" ]; then  # make screenshots: a virtual screen and PDF pages
  PKGS+=(xvfb xauth poppler-utils)
fi
# the Spark engine's tests (make test) need a Java runtime; Spark 4 needs Java 17 or newer
if [ "${1:-}" = "" ] && ! command -v java >/dev/null 2>&1; then
  PKGS+=(openjdk-17-jre-headless)
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  PKGS+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian/Ubuntu system; install the Qt runtime libraries yourself: ${PKGS[*]}" >&2
  exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-system-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-system-deps: installing ${missing[*]}"
$SUDO mkdir -p /usr/share/man/man1  # slim images lack it and the JRE's postinst needs it
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
