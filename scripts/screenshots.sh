#!/usr/bin/env bash
# PNGs of a handoff doc and of the sandbox browse view, for the README (docs/img/).
# Needs headless Chromium (Debian: apt-get install chromium); the tests never need it.
# Runs `handoff run acme` against a fresh sandbox in a temporary folder (nothing else is touched),
# serves that sandbox on a free port, and screenshots the local doc copy and three browse pages.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "error: headless Chromium not found" >&2
  echo "  fix: apt-get install chromium (Debian), or put chromium on PATH" >&2
  exit 2
fi
HANDOFF=${HANDOFF:-.venv/bin/handoff}
out=docs/img
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export HANDOFF_SANDBOX_DIR="$tmp/sandbox" HANDOFF_OUT_DIR="$tmp/out" HANDOFF_SANDBOX_URL=
"$HANDOFF" run acme -q >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$HANDOFF" sandbox serve --port "$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
doc=$(HANDOFF_SANDBOX_URL="http://127.0.0.1:$port" "$HANDOFF" status --json \
  | python3 -c 'import json,sys; print(next(s["doc"] for s in json.load(sys.stdin) if s["account"]=="acme").split("/d/")[1].split("/")[0])')
shot() {  # shot NAME URL HEIGHT
  "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1200,"$3" --screenshot="$out/$1.png" "$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
shot handoff-doc "file://$tmp/out/acme/handoff.html" 2400
shot sandbox-doc "http://127.0.0.1:$port/browse/doc/$doc" 1600
shot sandbox-vitally "http://127.0.0.1:$port/browse/vitally/0015e00000Kq7TbAAJ" 1400
