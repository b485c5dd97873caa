#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS (default 60) is each target's -max_total_time; TARGETs default to all of them.
# Installs cargo-fuzz when missing, builds the seed corpus from tests/fixtures into
# fuzz/corpus/NAME (plus the committed seeds in fuzz/seeds/NAME), runs each target and prints
# its executions and executions per second. Exits non-zero when a target crashes, times out or
# runs out of memory; the output then names the artifact (fuzz/artifacts/NAME/...) that
# reproduces it:  cargo +nightly fuzz run NAME fuzz/artifacts/NAME/crash-...
#
# Environment: FUZZ_TOOLCHAIN (default nightly), FUZZ_SANITIZER (default none; address, ...), FUZZ_JOBS (libFuzzer -jobs, default unset),
# FUZZ_ARGS (extra libFuzzer flags), FUZZ_FIXED=1 (the pass `make test` runs: a fixed random
# seed and a fixed number of executions per target, so that the same commit explores the same
# inputs on every machine and a run is reproducible; SECONDS then only caps each target).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
ALL_TARGETS=(article json url sanitize ssr nesting qr)
SECONDS_EACH=${1:-60}
shift || true
if [[ ! $SECONDS_EACH =~ ^[0-9]+$ ]]; then
  echo "fuzz.sh: SECONDS must be a number, got '$SECONDS_EACH'" >&2
  exit 2
fi
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL_TARGETS[@]}")
TOOLCHAIN=${FUZZ_TOOLCHAIN:-nightly}
# The crate forbids unsafe code, so AddressSanitizer finds little and costs half the speed.
SANITIZER=${FUZZ_SANITIZER:-none}

CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$CARGO_BIN:$PATH"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz
fi
if ! rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1; then
  echo "fuzz.sh: the $TOOLCHAIN toolchain is missing (rustup toolchain install $TOOLCHAIN)" >&2
  exit 2
fi

FIX=$ROOT/tests/fixtures
CORPUS=$ROOT/fuzz/corpus

# Writes each line of stdin (at most $2 of them, evenly sampled) as one file in directory $1,
# prefixed with $3.
lines_to_files() {
  local dir=$1 max=$2 prefix=${3:-}
  awk -v dir="$dir" -v max="$max" -v prefix="$prefix" '
    { lines[NR] = $0 }
    END {
      step = NR > max ? NR / max : 1
      for (i = 1; i <= NR; i += step) {
        n = int(i); f = sprintf("%s/l%05d", dir, n)
        printf "%s%s", prefix, lines[n] > f; close(f)
      }
    }'
}

# Payload strings of the JSON corpora (h5sc, DOMPurify), one per line (newlines as spaces).
json_payloads() {
  node -e '
    const fs = require("fs");
    for (const f of process.argv.slice(1)) {
      for (const t of JSON.parse(fs.readFileSync(f, "utf8"))) {
        if (typeof t.payload === "string") console.log(t.payload.replace(/[\r\n]+/g, " "));
      }
    }' "$FIX/xss/h5sc.json" "$FIX/xss/dompurify-expect.json"
}

build_corpus() {
  local t=$1 dir=$CORPUS/$1
  mkdir -p "$dir"
  case $t in
    article)
      cp "$FIX/seed-article.json" "$dir/seed-article.json"
      # The seed with every URL field in turn set to a hostile URL, and the body set to an XSS
      # payload: starts the fuzzer inside valid articles.
      node -e '
        const fs = require("fs");
        const [seedPath, dir, payloadPath] = process.argv.slice(1);
        const seed = JSON.parse(fs.readFileSync(seedPath, "utf8"));
        const urls = ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,x",
          "//evil.com", "\\\\evil.com", "https://bank.com@evil.com", "vbscript:x", "http:evil.com",
          "HTTPS://EXAMPLE.COM/a b", "mailto:x@y", "file:///etc/passwd", "\u0001javascript:x"];
        const paths = [];
        (function walk(v, p) {
          if (typeof v === "string" && /^(https?:|\/\/)/.test(v)) paths.push(p);
          else if (v && typeof v === "object")
            for (const k of Object.keys(v)) walk(v[k], p.concat([k]));
        })(seed, []);
        let n = 0;
        for (const p of paths) {
          const u = urls[n % urls.length];
          const copy = JSON.parse(JSON.stringify(seed));
          let o = copy;
          for (const k of p.slice(0, -1)) o = o[k];
          o[p[p.length - 1]] = u;
          fs.writeFileSync(`${dir}/url-${n++}.json`, JSON.stringify(copy));
        }
        const payloads = fs.readFileSync(payloadPath, "utf8").split("\n").filter(Boolean);
        for (let i = 0; i < 20; i++) {
          const copy = JSON.parse(JSON.stringify(seed));
          copy.title = payloads[(i * 331) % payloads.length];
          if ("bodyHtml" in copy) copy.bodyHtml = payloads[(i * 97) % payloads.length];
          fs.writeFileSync(`${dir}/payload-${i}.json`, JSON.stringify(copy));
        }' "$FIX/seed-article.json" "$dir" "$FIX/xss/payloadbox.txt"
      ;;
    json)
      # First byte: depth limit (`@` = 64) and size limit.
      { printf '@'; cat "$FIX/seed-article.json"; } >"$dir/seed-article.json"
      { printf '@'; cat "$ROOT/schema/article-v1.schema.json"; } >"$dir/schema.json"
      { printf '\x05'; cat "$FIX/seed-article.json"; } >"$dir/seed-article-depth5.json"
      ;;
    url)
      grep -ohiE "(href|src|action|formaction|xlink:href|poster|background)=(\"[^\"]*\"|'[^']*')" \
        "$FIX/xss/payloadbox.txt" "$FIX/xss/h5sc.json" "$FIX/rich-body.html" |
        sed -E "s/^[^=]*=.//; s/.$//" | sort -u | lines_to_files "$dir" 400
      grep -oE '"(https?:)?//[^"]*"' "$FIX/seed-article.json" | tr -d '"' | sort -u |
        awk -v dir="$dir" '{ f = sprintf("%s/seed%03d", dir, NR); printf "%s", $0 > f; close(f) }'
      ;;
    sanitize)
      # Structured input: these only give the fuzzer realistic bytes to start from.
      lines_to_files "$dir" 200 <"$FIX/xss/payloadbox.txt"
      ;;
    ssr)
      # Two bytes of policy (`00`: iframe hosts and style properties allowed), then HTML.
      { printf '00'; cat "$FIX/rich-body.html"; } >"$dir/rich-body.html"
      { printf '\x01\x00'; cat "$FIX/rich-body.html"; } >"$dir/rich-body-ugc.html"
      json_payloads | lines_to_files "$dir" 600 '00'
      # libFuzzer reads corpus directories recursively.
      mkdir -p "$dir/payloadbox"
      lines_to_files "$dir/payloadbox" 200 '00' <"$FIX/xss/payloadbox.txt"
      ;;
    nesting)
      # First byte: the depth bound (`4` = 4, `P` = 8).
      { printf 'P'; cat "$FIX/rich-body.html"; } >"$dir/rich-body-8.html"
      { printf '4'; cat "$FIX/rich-body.html"; } >"$dir/rich-body-4.html"
      json_payloads | lines_to_files "$dir" 400 '4'
      ;;
    qr)
      # Two bytes of settings, then the data.
      grep -oE '"https?://[^"]*"' "$FIX/seed-article.json" | tr -d '"' | sort -u |
        awk -v dir="$dir" '{ f = sprintf("%s/url%03d", dir, NR); printf "A!%s", $0 > f; close(f) }'
      ;;
  esac
}

# Executions per target in the fixed pass (about 10-15 s each on the 2-core machine).
declare -A FIXED_RUNS=([article]=8000 [json]=60000 [url]=120000 [sanitize]=80000 [ssr]=25000
  [nesting]=30000 [qr]=3000)
FIXED_SEED=20261128

declare -A EXECS RATE STATUS ARTIFACT
failed=0
for t in "${TARGETS[@]}"; do
  if [[ ! -f fuzz/fuzz_targets/$t.rs ]]; then
    echo "fuzz.sh: no target '$t' (targets: ${ALL_TARGETS[*]})" >&2
    exit 2
  fi
done
echo "==> building the fuzz targets (cargo +$TOOLCHAIN fuzz build)"
# All at once: one cargo invocation, the shared crate compiled once.
cargo "+$TOOLCHAIN" fuzz build --sanitizer "$SANITIZER"
for t in "${TARGETS[@]}"; do
  build_corpus "$t"
  seeds=()
  [[ -d fuzz/seeds/$t ]] && seeds=("fuzz/seeds/$t")
  mkdir -p "fuzz/artifacts/$t"
  log=$(mktemp)
  fixed=()
  if [[ ${FUZZ_FIXED:-0} == 1 ]]; then
    fixed=(-seed=$FIXED_SEED -runs="${FIXED_RUNS[$t]}")
    echo "==> fuzz $t: ${FIXED_RUNS[$t]} executions from seed $FIXED_SEED (at most ${SECONDS_EACH}s)"
  else
    echo "==> fuzz $t for ${SECONDS_EACH}s"
  fi
  set +e
  # shellcheck disable=SC2086
  cargo "+$TOOLCHAIN" fuzz run --sanitizer "$SANITIZER" "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 "${fixed[@]}" \
    ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS} ${FUZZ_ARGS:-} 2>&1 | tee "$log" |
    grep -E '^#[0-9]+.*(INITED|DONE)'
  rc=${PIPESTATUS[0]}
  set -e
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  EXECS[$t]=${execs:-?}
  RATE[$t]=${rate:-?}
  if [[ $rc -ne 0 ]]; then
    STATUS[$t]="FAILED (exit $rc)"
    failed=1
    # The first failure: its message (the lines after `panicked at`) and the artifact.
    grep -m1 -A8 'panicked at' "$log" | grep -vE '^stack backtrace|^ +([0-9]+: | *at )' || true
    grep -m3 -E 'ERROR: libFuzzer|SUMMARY|Test unit written to' "$log" || true
    ARTIFACT[$t]=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/.* //')
  else
    STATUS[$t]=ok
  fi
  rm -f "$log"
done

echo
echo "==> fuzz summary (${SECONDS_EACH}s per target)"
printf '  %-10s %14s %10s  %s\n' target executions exec/s status
for t in "${TARGETS[@]}"; do
  printf '  %-10s %14s %10s  %s\n' "$t" "${EXECS[$t]}" "${RATE[$t]}" "${STATUS[$t]}"
done
for t in "${TARGETS[@]}"; do
  [[ -n ${ARTIFACT[$t]:-} ]] && echo "  $t artifact: ${ARTIFACT[$t]}"
done
if [[ $failed -ne 0 ]]; then
  echo "fuzz.sh: a target failed; reproduce with: cargo +$TOOLCHAIN fuzz run --sanitizer $SANITIZER TARGET fuzz/artifacts/TARGET/<file>" >&2
  exit 1
fi
