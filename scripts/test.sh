#!/usr/bin/env bash
# Quick start, command 2: set up .venv (with test tools) and run the whole suite:
# linters, type checks, then pytest (real model, real browser, real QR decoder,
# PostgreSQL when reachable — required under CI=true). Extra args go to pytest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Debian tools the tests drive: package -> command it provides.
declare -A tools=(
  [chromium]=chromium
  [zbar-tools]=zbarimg
  [libzbar0]=/usr/lib/x86_64-linux-gnu/libzbar.so.0
  [poppler-utils]=pdftoppm
  [libreoffice-calc-nogui]=soffice
  [wrk]=wrk
)
missing=()
for pkg in "${!tools[@]}"; do
  cmd="${tools[$pkg]}"
  if [[ "$cmd" == /* ]]; then
    [ -e "$cmd" ] || ldconfig -p 2>/dev/null | grep -q "$(basename "$cmd")" || missing+=("$pkg")
  else
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing Debian test tools: ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "==> missing Debian test tools: ${missing[*]} (tests that need them will skip;" \
         "install with: sudo apt-get install ${missing[*]})"
  fi
fi

# PostgreSQL: the suite runs the database layer against it when reachable.
if [ "${CI:-}" = "true" ] && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "==> starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
fi

"$root/scripts/venv.sh" test
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false

echo "==> ruff"
.venv/bin/ruff check matcher web models tests scripts
.venv/bin/ruff format --check matcher web models tests scripts
echo "==> mypy"
.venv/bin/mypy
echo "==> pytest"
.venv/bin/python -m pytest "$@"
