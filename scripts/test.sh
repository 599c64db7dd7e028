#!/usr/bin/env bash
# Runs every test: the C++ suite (unit, API on SQLite and PostgreSQL, crash recovery) in the
# debug build with address and undefined-behaviour sanitizers, then the web front end's
# component tests (Vitest) and its end-to-end tests in headless Chromium. Ends with exactly one
# summary line, "N passed, N failed", and a non-zero status when anything failed or could not run.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

passed=0
failed=0
broken=()   # suites that could not run at all (build failure, crash): each counts as a failure

count_gtest() {  # reads the JUnit-style XML that googletest writes
  local xml=$1 tests failures errors disabled
  tests=$(grep -m1 -o 'tests="[0-9]*"' "$xml" | grep -o '[0-9]*')
  failures=$(grep -m1 -o 'failures="[0-9]*"' "$xml" | grep -o '[0-9]*')
  errors=$(grep -m1 -o 'errors="[0-9]*"' "$xml" | grep -o '[0-9]*')
  disabled=$(grep -m1 -o 'disabled="[0-9]*"' "$xml" | grep -o '[0-9]*')
  local bad=$((failures + errors))
  passed=$((passed + tests - bad - disabled))
  failed=$((failed + bad))
}

# ---------------------------------------------------------------- C++ suite
echo "== building (debug, sanitizers)"
if cmake --preset debug >/dev/null && cmake --build --preset debug; then
  xml=build/debug/test-results.xml
  rm -f "$xml"
  echo "== C++ tests (unit, API on SQLite and PostgreSQL, crash recovery)"
  build/debug/taawun_tests --gtest_output="xml:$xml" --gtest_brief=1
  status=$?
  if [ -s "$xml" ]; then
    count_gtest "$xml"
    # A crash after the XML was written still fails the run.
    [ $status -ne 0 ] && [ "$(grep -m1 -o 'failures="[0-9]*"' "$xml")" = 'failures="0"' ] &&
      broken+=("taawun_tests exited with status $status")
  else
    broken+=("taawun_tests (status $status, no results)")
  fi
else
  broken+=("C++ build")
fi

# ---------------------------------------------------------------- fuzzing
# Each libFuzzer target of fuzz/ for TEST_FUZZ_SECONDS (12) seconds on a copy of its seed corpus
# (scripts/fuzz.sh, ADR 0011): one test each, failed by a crash, leak, timeout or memory blow-up.
fuzz_seconds=${TEST_FUZZ_SECONDS:-12}
echo "== fuzzing (libFuzzer, $fuzz_seconds s per target)"
mkdir -p build/fuzz
fuzz_log=build/fuzz/test.log
bash scripts/fuzz.sh "$fuzz_seconds" 2>&1 | tee "$fuzz_log"
status=${PIPESTATUS[0]}
line=$(grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed$' "$fuzz_log" | tail -1)
if [ -n "$line" ]; then
  p=$(sed -E 's/^fuzz: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f))
  [ $status -ne 0 ] && [ "$f" = 0 ] && broken+=("fuzz exited with status $status")
else
  broken+=("fuzz (status $status, no summary)")
fi

# ---------------------------------------------------------------- web front end
if [ -f web/package.json ]; then
  echo "== web: build"
  if bash scripts/build-web.sh; then
    echo "== web: component tests (Vitest)"
    report=build/debug/vitest.json
    (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$root/$report")
    status=$?
    if [ -s "$report" ]; then
      p=$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests)' "$root/$report")
      f=$(node -e 'const r=require(process.argv[1]);console.log(r.numFailedTests)' "$root/$report")
      passed=$((passed + p)); failed=$((failed + f))
      [ $status -ne 0 ] && [ "$f" = 0 ] && broken+=("vitest exited with status $status")
    else
      broken+=("vitest (status $status, no results)")
    fi

    echo "== web: end-to-end tests (headless Chromium)"
    log=build/debug/e2e.log
    mkdir -p build/debug
    (cd web && TAAWUN_BINARY="$root/build/debug/taawun" TAAWUN_ARTEFACTS="$root/build/debug/e2e" \
      node e2e/run.mjs) 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ -n "$line" ]; then
      p=$(sed -E 's/^e2e: ([0-9]+) passed.*/\1/' <<<"$line")
      f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
      passed=$((passed + p)); failed=$((failed + f))
      [ $status -ne 0 ] && [ "$f" = 0 ] && broken+=("e2e exited with status $status")
    else
      broken+=("e2e (status $status, no summary)")
    fi
  else
    broken+=("web build")
  fi
fi

for b in "${broken[@]}"; do echo "could not run: $b"; done
failed=$((failed + ${#broken[@]}))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
