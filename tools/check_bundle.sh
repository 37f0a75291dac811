#!/usr/bin/env bash
# Check a built bundle (make bundle) the way a coach's machine would run it: no virtual
# environment, no Python on PATH, an empty home folder, no display.
#   tools/check_bundle.sh [dist/coachdesk]
# It opens the window (--smoke-test: a new database is created and migrated), makes a PDF
# with the `pdf` command (fonts, the starter library, the QR codes' barcode modules), and
# checks the developer-only packages stayed out and Qt stayed in separate files (LGPL).
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/coachdesk}
app="$bundle/coachdesk"
[[ -x $app ]] || { echo "check_bundle: no bundle at $app (run make bundle)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
fail() { echo "check_bundle: FAILED: $*" >&2; exit 1; }
run_bare() {  # the bundle with a bare environment (nothing from the caller's shell)
  env -i HOME="$work/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$app" "$@"
}

echo "== $app --version"
run_bare --version

echo "== $app --smoke-test"
run_bare --smoke-test >"$work/smoke.out" 2>"$work/smoke.err" \
  || { code=$?; cat "$work/smoke.out" "$work/smoke.err" >&2; fail "--smoke-test exited $code"; }
cat "$work/smoke.out"
grep -q "^database ready: " "$work/smoke.out" || fail "--smoke-test did not open the database"
[[ -s $work/home/.local/share/CoachDesk/coachdesk.sqlite3 ]] \
  || fail "--smoke-test made no database in the user data folder"

echo "== $app pdf"
cat >"$work/week.coachdesk" <<'EOF'
{"format": "coachdesk-template", "version": 1, "name": "Base block — كتلة أساسية",
 "client": {"name": "Ana Río", "goal": "race"},
 "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}],
          "fri": [{"exercise": "Back Extension", "sets": 2, "reps": 10}]}}
EOF
pdf="$work/program.pdf"
run_bare pdf "$work/week.coachdesk" -o "$pdf" --weeks 4 --start 2027-01-04 \
  || fail "pdf exited $?"
[[ -s $pdf ]] || fail "pdf wrote no file at $pdf"
[[ $(head -c 5 "$pdf") == "%PDF-" ]] || fail "$pdf does not start with %PDF-"
tail -c 1024 "$pdf" | grep -q "%%EOF" || fail "$pdf has no %%EOF (cut short?)"
if command -v pdftotext >/dev/null 2>&1; then
  text=$(pdftotext "$pdf" -)
  for words in "Ana Río" "Base block" "Nordic Curl"; do
    grep -qF "$words" <<<"$text" || fail "the PDF does not say '$words'"
  done
fi
echo "$pdf: $(wc -c <"$pdf") bytes"

echo "== contents"
internal="$bundle/_internal"
for package in pytest _pytest pytestqt hypothesis ruff pypdf PyInstaller; do
  [[ ! -e $internal/$package ]] || fail "developer-only package $package is in the bundle"
done
ls "$internal"/PySide6/Qt/lib/libQt6Core.so.* >/dev/null 2>&1 \
  || [[ $(uname) != Linux ]] || fail "Qt's libraries are not separate files in the bundle"
echo "bundle size: $(du -sh "$bundle" | cut -f1)"
echo "check_bundle: OK"
