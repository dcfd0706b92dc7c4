#!/usr/bin/env bash
# Builds the seed corpora for the fuzz targets from testdata/ and
# ../shared/realdata (fuzz/corpus/ is git-ignored, so run this first).
#
# Every target reads its first byte as a selector (an extension for
# parse_any, a Format::ALL index for parse_format and analyze), so each seed
# file is written with the selector byte its extension implies. Seeds are cut
# to 64 KiB: libFuzzer mutates small inputs far faster, and the long-input
# cases are covered by tests/limits.rs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$root/../shared/realdata"
max=65536

# Format::ALL order: vtt srt txt csv canonical whisper whisperx aws deepgram assemblyai chat rttm
# eaf trs textgrid docx
format_bytes() {
  case "$1" in
    vtt|test) echo 0 ;;
    srt) echo 1 ;;
    txt|stm|trn|ctm|sbv|md) echo 2 ;;
    csv|tsv) echo 3 ;;
    json) echo 4 5 6 7 8 9 ;;
    cha) echo 10 ;;
    rttm) echo 11 ;;
    eaf) echo 12 ;;
    trs) echo 13 ;;
    textgrid) echo 14 ;;
    docx) echo 15 ;;
    *) echo ;;
  esac
}
# parse_any's EXTS order: x.vtt x.srt x.txt x.csv x.json x.cha x.rttm x.tsv x
# x.eaf x.trs x.TextGrid x.docx x.md
ext_bytes() {
  case "$1" in
    vtt|test) echo 0 8 ;;
    srt) echo 1 8 ;;
    txt|stm|trn|ctm|sbv) echo 2 8 ;;
    csv) echo 3 ;;
    tsv) echo 7 ;;
    eaf) echo 9 8 ;;
    trs) echo 10 8 ;;
    textgrid) echo 11 8 ;;
    docx) echo 12 8 ;;
    md) echo 13 8 ;;
    json) echo 4 8 ;;
    cha) echo 5 8 ;;
    rttm) echo 6 8 ;;
    *) echo ;;
  esac
}

emit() { # dir selector file
  local dir="$1" sel="$2" file="$3"
  local name
  name="$(printf '%s_%s' "$sel" "$(printf '%s' "$file" | cksum | cut -d' ' -f1)")"
  { printf "\\x$(printf '%02x' "$sel")"; head -c "$max" "$file"; } >"$dir/$name"
}

for t in parse_any parse_format analyze; do mkdir -p "$here/corpus/$t"; done
n=0
while IFS= read -r -d '' f; do
  ext="${f##*.}"
  ext="$(printf '%s' "$ext" | tr 'A-Z' 'a-z')"
  for b in $(ext_bytes "$ext"); do emit "$here/corpus/parse_any" "$b" "$f"; done
  for b in $(format_bytes "$ext"); do
    emit "$here/corpus/parse_format" "$b" "$f"
    emit "$here/corpus/analyze" "$b" "$f"
  done
  n=$((n + 1))
done < <(find "$root/testdata" "$shared" -type f ! -name '*.expected.json' ! -name 'README.md' ! -name NOTICE ! -name '*.tsv.expected' -print0 2>/dev/null)
for t in parse_any parse_format analyze; do
  echo "$t: $(ls "$here/corpus/$t" | wc -l) seeds from $n files"
done
