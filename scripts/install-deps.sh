#!/usr/bin/env bash
# Installs the Debian 12 packages Taawun needs to build, run and test.
# Idempotent: asks apt only for what is missing, so a second `make run` starts at once.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config
  # CMake compiles through ccache when it is there: a second clean build (another clone, CI) reuses
  # the objects of the first (ADR 0013)
  ccache
  libboost1.74-dev libsqlite3-dev sqlite3 libpq-dev
  rapidjson-dev nlohmann-json3-dev libyaml-cpp-dev
  libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libicu-dev
  # spreadsheets (nomination import/export): XLSX written by libxlsxwriter, read with minizip + expat
  libxlsxwriter-dev libminizip-dev libexpat1-dev
  # certificates (PDF): Pango and Cairo, and the two fonts they are drawn in, needed at run time too
  libpango1.0-dev fonts-hosny-amiri fonts-dejavu-core
  # two-factor sign-in: HMAC-SHA-1 for TOTP (OpenSSL's libcrypto) and the enrolment's QR code (ADR 0012)
  libssl-dev libqrencode-dev
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 curl
  poppler-utils  # pdftotext reads the certificates back in the API tests
)
# fuzzing (scripts/fuzz.sh): clang, libFuzzer and the sanitizers' runtimes (libclang-rt), and
# llvm-symbolizer for readable stack traces
fuzz_packages=(clang libclang-rt-14-dev llvm-14)
web_packages=(nodejs npm)
browser_packages=(chromium)

wanted=("${build_packages[@]}")
case "${1:-run}" in
  test) wanted+=("${test_packages[@]}" "${fuzz_packages[@]}" "${web_packages[@]}" "${browser_packages[@]}") ;;
  fuzz) wanted+=("${fuzz_packages[@]}") ;;
  bench) wanted+=("${test_packages[@]}" wrk) ;;
  run) wanted+=("${web_packages[@]}") ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
# Node from the base image counts as installed when it is new enough (Vite needs >= 20).
if command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ "$package" == nodejs || "$package" == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
