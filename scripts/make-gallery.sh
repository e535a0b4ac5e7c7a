#!/usr/bin/env bash
# `make screenshots`: render the gallery (scripts/gallery.py) in a real X server.
# Uses the display you have; without one, a private Xvfb (xvfb-run). PDF pages need pdftoppm
# (poppler-utils); workbook pages need LibreOffice (libreoffice-calc-nogui), else skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if [ -n "${DISPLAY:-}" ]; then
  QT_QPA_PLATFORM=xcb exec "$PY" scripts/gallery.py "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "make-gallery: no display and no xvfb-run; install xvfb (apt-get install xvfb xauth)" >&2
  exit 2
fi
QT_QPA_PLATFORM=xcb exec xvfb-run -a -s "-screen 0 1920x1200x24" "$PY" scripts/gallery.py "$@"
