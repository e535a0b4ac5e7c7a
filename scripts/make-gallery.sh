#!/usr/bin/env bash
# `make screenshots`: render the gallery (scripts/gallery.py) in a real X server, in English
# (docs/images/gallery) and in Italian (docs/images/gallery/it: the Italian demo, the app in
# Italian). Arguments are passed to gallery.py instead (e.g. `--lang it` for one language).
# Uses the display you have; without one, a private Xvfb (xvfb-run). PDF pages need pdftoppm
# (poppler-utils); workbook pages need LibreOffice (libreoffice-calc-nogui), else skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if [ -z "${DISPLAY:-}" ] && ! command -v xvfb-run >/dev/null 2>&1; then
  echo "make-gallery: no display and no xvfb-run; install xvfb (apt-get install xvfb xauth)" >&2
  exit 2
fi
run() {
  if [ -n "${DISPLAY:-}" ]; then
    QT_QPA_PLATFORM=xcb "$PY" scripts/gallery.py "$@"
  else
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1200x24" "$PY" scripts/gallery.py "$@"
  fi
}
if [ $# -gt 0 ]; then
  run "$@"
else
  run
  run --lang it
fi
