#!/usr/bin/env bash
# Quick start, command 1: set up .venv, create the database and the demo event,
# and serve Common Ground at http://127.0.0.1:5000 (SQLite, bundled model) with
# gunicorn, the model loaded at start. Jobs run inside the web workers unless
# BROKER_URL is set (then run `commonground worker` too). `commonground run` is the
# development server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/venv.sh"
cd "$root"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/commonground init-db
.venv/bin/commonground demo
export HOST="${HOST:-127.0.0.1}" PORT="${PORT:-5000}"
export MATCHER_WARM_UP="${MATCHER_WARM_UP:-1}"
export PROMETHEUS_MULTIPROC_DIR="${PROMETHEUS_MULTIPROC_DIR:-$root/instance/metrics}"
echo "==> open http://${HOST}:${PORT}/e/demo/join"
exec .venv/bin/gunicorn -c python:web.gunicorn_conf 'web:create_app()'
