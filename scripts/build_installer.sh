#!/usr/bin/env bash
# Build the desktop bundle from a clean checkout and check it with its own --self-test.
#
#   bash scripts/build_installer.sh
#
# Steps: make a venv in build/venv, install the project with its build extra (PyInstaller),
# run PyInstaller on build_installer.spec into dist/, run the built program with
# --self-test (offscreen Qt) and check that it wrote nothing inside the bundle.
#
# Environment:
#   PYTHON=python3.11        interpreter for the venv (default: python, else python3)
#   BUILD_REUSE_ENV=1        use $PYTHON's own environment instead of a new venv (CI, after
#                            `pip install .[test]`); PyInstaller is installed there if missing
#   COMPARE_APP_ONEFILE=1    one executable instead of a folder (read by the spec)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# `python` first: CI installs the project with `python -m pip`, and python3 may be another interpreter
PYTHON=${PYTHON:-$(command -v python || command -v python3)}
START=$SECONDS

step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - START))"; }

if [[ "${BUILD_REUSE_ENV:-0}" == "1" ]]; then
    step "reusing $PYTHON's environment"
    PY=$PYTHON
    if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
        "$PY" -m pip install --quiet "pyinstaller>=6.5"
    fi
else
    step "creating build/venv"
    "$PYTHON" -m venv --clear build/venv
    if [[ -x build/venv/bin/python ]]; then PY=$ROOT/build/venv/bin/python; else PY=$ROOT/build/venv/Scripts/python.exe; fi
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet ".[build]"
fi
"$PY" -c "import PyInstaller, sys; print('PyInstaller', PyInstaller.__version__, 'on Python', sys.version.split()[0])"

step "running PyInstaller"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" build_installer.spec

case "$(uname -s)" in
    Darwin) BUNDLE="dist/Compare App.app"; EXE="$BUNDLE/Contents/MacOS/compare_app" ;;
    MINGW*|MSYS*|CYGWIN*) BUNDLE=dist/compare_app; EXE=$BUNDLE/compare_app.exe ;;
    *) BUNDLE=dist/compare_app; EXE=$BUNDLE/compare_app ;;
esac
if [[ "${COMPARE_APP_ONEFILE:-0}" == "1" ]]; then
    EXE=$BUNDLE; [[ -f "$BUNDLE.exe" ]] && EXE=$BUNDLE.exe
    BUNDLE=$EXE
fi
[[ -x "$EXE" ]] || { echo "build_installer: no executable at $EXE" >&2; exit 1; }

step "self-test of $EXE"
before=$(find "$BUNDLE" | sort)
QT_QPA_PLATFORM=offscreen "$EXE" --self-test
after=$(find "$BUNDLE" | sort)
if [[ "$before" != "$after" ]]; then
    echo "build_installer: the self-test wrote inside the bundle:" >&2
    diff <(echo "$before") <(echo "$after") >&2 || true
    exit 1
fi

step "done"
du -sh "$BUNDLE"
