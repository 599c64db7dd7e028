#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (the `fuzz` preset: clang, address and undefined
# sanitizers) and runs each one for SECONDS (default 12) on a copy of its seed corpus, within the
# limits per input below. Prints one line per target with the inputs it ran, and ends with
# exactly one summary line, "fuzz: N passed, N failed"; exits non-zero when a target crashed,
# leaked, timed out or ran out of memory, or when nothing could run (status 2). The input that
# failed is kept under build/fuzz/crashes/<target>/, the logs and the corpus the last run grew
# under build/fuzz/last/ (nothing is written into fuzz/). ADR 0011.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   TAAWUN_BUILD_LOCK=/tmp/lock  builds under `flock -o` that file (shared build machines)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

seconds=${1:-12}
shift || true
all_targets=(csv_fuzz xlsx_fuzz json_fuzz query_fuzz document_fuzz)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

# The largest input each target tries, and its dictionary.
declare -A max_len=([csv_fuzz]=32768 [xlsx_fuzz]=65536 [json_fuzz]=16384 [query_fuzz]=4096 [document_fuzz]=4096)
declare -A dict=([csv_fuzz]=fuzz/csv.dict [xlsx_fuzz]=fuzz/xml.dict [json_fuzz]=fuzz/json.dict)

build=build/fuzz
lock=()
[ -n "${TAAWUN_BUILD_LOCK:-}" ] && lock=(flock -o "$TAAWUN_BUILD_LOCK")
echo "== fuzz: building (clang, libFuzzer, address and undefined sanitizers)"
if ! cmake --preset fuzz >/dev/null || ! "${lock[@]}" cmake --build --preset fuzz; then
  echo "fuzz: could not build the fuzz targets"
  exit 2
fi

# Readable stack traces: the sanitizers look for llvm-symbolizer (package llvm-14).
for symbolizer in llvm-symbolizer llvm-symbolizer-14 /usr/lib/llvm-14/bin/llvm-symbolizer; do
  if command -v "$symbolizer" >/dev/null; then
    export ASAN_SYMBOLIZER_PATH="$(command -v "$symbolizer")"
    break
  fi
done
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# read_xlsx unpacks through a temporary file: in memory when /dev/shm is there (eight times as
# many runs a second as on disk), in a folder of this run's own, removed at the end.
tmp_parent=/dev/shm
[ -d "$tmp_parent" ] && [ -w "$tmp_parent" ] || tmp_parent=${TMPDIR:-/tmp}
TMPDIR=$(mktemp -d "$tmp_parent/taawun-fuzz.XXXXXX") || exit 2
export TMPDIR
# Corpus copies and logs in a folder of this run's own (two runs at once, `make test` during a
# `make fuzz`, must not share them), which becomes build/fuzz/last/ at the end.
run=$(mktemp -d "$build/run.XXXXXX") || exit 2
finish() {
  rm -rf "$TMPDIR" "$build/last"
  mv "$run" "$build/last"
}
trap finish EXIT

passed=0
failed=0
for target in "${targets[@]}"; do
  if [ ! -x "$build/$target" ] || [ ! -d "fuzz/corpus/$target" ]; then
    echo "fuzz: $target FAILED: no such target"
    failed=$((failed + 1))
    continue
  fi
  work="$run/work/$target"
  crashes="$build/crashes/$target"
  log="$run/logs/$target.log"
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  cp fuzz/corpus/"$target"/* "$work"/
  options=(-max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10
           -max_len="${max_len[$target]}" -print_final_stats=1 -artifact_prefix="$crashes/")
  [ -n "${dict[$target]:-}" ] && options+=(-dict="${dict[$target]}")
  echo "== fuzz: $target for ${seconds} s"
  start=$(date +%s)
  "$build/$target" "${options[@]}" "$work" >"$log" 2>&1
  status=$?
  elapsed=$(($(date +%s) - start))
  # (-a: libFuzzer's recommended dictionary at the end may hold any byte)
  runs=$(grep -ao 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  [ -n "$runs" ] || runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  coverage=$(grep -aoE '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -o '[0-9]*')
  if [ $status -eq 0 ]; then
    echo "fuzz: $target passed: ${runs:-?} runs in ${elapsed} s (coverage ${coverage:-?} edges, $(ls "$work" | wc -l) inputs)"
    passed=$((passed + 1))
  else
    kind=$(grep -aoE 'broken promise|terminate called|runtime error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+( [a-z-]+)?' \
      "$log" | head -1)
    [ "$kind" = "terminate called" ] && kind="uncaught exception"
    input=$(grep -aoE 'Test unit written to .*' "$log" | tail -1 | sed 's/Test unit written to //')
    echo "fuzz: $target FAILED (${kind:-status $status}) after ${runs:-?} runs in ${elapsed} s"
    # What went wrong and the frames in our code (the whole report is in the log).
    grep -aE "broken promise|terminate called|what\\(\\)|runtime error|ERROR: |SUMMARY|^ *#[0-9]+ .* $root/(src|fuzz)/" "$log" |
      grep -vE 'libFuzzer: deadly signal|/usr/include/' | sed -E 's/ \(BuildId: [0-9a-f]+\)//; s/^ */  /' | cut -c1-220 | head -20
    echo "  input: ${input:-none written}; whole log: $build/last/logs/$target.log"
    echo "  again: $build/$target ${input:-INPUT}"
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
