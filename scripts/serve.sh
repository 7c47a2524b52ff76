#!/usr/bin/env bash
# Quick start, command 1: set up .venv, create the database and the demo event,
# and serve Common Ground at http://127.0.0.1:5000 (SQLite, bundled model).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/venv.sh"
cd "$root"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/commonground init-db
.venv/bin/commonground demo
echo "==> open http://${HOST:-127.0.0.1}:${PORT:-5000}/e/demo/join"
exec .venv/bin/commonground run --host "${HOST:-127.0.0.1}" --port "${PORT:-5000}"
