#!/usr/bin/env bash
# bookc fuzzing: builds the libFuzzer targets of tests/fuzz with clang 14 (ASan + UBSan,
# in build-fuzz/) and runs each for SECONDS_PER_TARGET seconds (default 60), one after the
# other, on seed corpora made from content/, examples/, layouts/ and the test fixtures.
# Fails on any crash, timeout, leak or OOM; the input that caused it is left in
# build-fuzz/artifacts/<target>/ (reproduce: build-fuzz/tests/fuzz/<target> FILE).
# Prints the executions of each target at the end.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# BOOKC_FUZZ_SEED=N fixes libFuzzer's random seed (scripts/test.sh sets it for CI).
# Each run starts from the seeds and tests/fuzz/corpus/<target>/ (the few committed inputs:
# regressions). With BOOKC_FUZZ_KEEP=1 the inputs found are kept in build-fuzz/corpus/<target>/
# and later runs start from them too (long local runs); without it they are dropped, because
# replaying a kept corpus alone can take longer than the time given (fuzz_book takes 15-30 ms
# of CPU an input under the sanitizers), and CI's run must take the time it is given.
# Figures and what each target costs: docs/fuzzing.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(fuzz_load fuzz_config fuzz_linebreak fuzz_book); fi
build=build-fuzz

# Inputs longer than this are not tried: each target's cost grows with its input, and
# these sizes leave room for every construct (a loader test article is 1-10 KB).
declare -A max_len=([fuzz_load]=16384 [fuzz_config]=4096 [fuzz_linebreak]=2048 [fuzz_book]=4096)

for tool in clang-14 clang++-14; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool is not installed (scripts/deps.txt)" >&2; exit 2; }
done

start=$(date +%s)
CXX=clang++-14 CC=clang-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBOOKC_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
# At most two jobs: the machines running this are shared.
cmake --build "$build" -j2 --target fuzz_targets
echo "fuzz: build took $(( $(date +%s) - start )) s"

# ---- seed corpora (rebuilt every run from the files in the repository)
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_load,fuzz_config,fuzz_linebreak,fuzz_book}
articles=$(find content examples tests/fixtures -type f \
  \( -name '*.md' -o -name '*.markdown' -o -name '*.html' -o -name '*.htm' -o -name '*.txt' \) | sort)
n=0
while IFS= read -r f; do
  [[ -z "$f" ]] && continue
  # First byte: the extension the article is given (see tests/fuzz/article_options.hpp).
  case "$f" in
    *.html) sel='\001' ;; *.txt) sel='\002' ;; *.htm) sel='\003' ;; *) sel='\000' ;;
  esac
  n=$((n + 1))
  { printf "$sel"; cat "$f"; } >"$seeds/fuzz_load/article-$n"
  cp "$seeds/fuzz_load/article-$n" "$seeds/fuzz_book/article-$n"
  # The line breaker: each paragraph of the article, with made-up widths (byte 0 even)
  # and with the real fonts (odd), in a 200 pt measure with a 2 em indent.
  m=0
  while IFS= read -r line; do
    [[ ${#line} -lt 8 ]] && continue
    m=$((m + 1))
    ((m > 12)) && break
    { printf '\000\144\004\007'; printf '%s' "$line"; } >"$seeds/fuzz_linebreak/$n-$m-w"
    { printf '\001\144\004\007'; printf '%s' "$line"; } >"$seeds/fuzz_linebreak/$n-$m-f"
  done <"$f"
done <<<"$articles"
m=0
while IFS= read -r f; do
  m=$((m + 1))
  { printf '\000'; cat "$f"; } >"$seeds/fuzz_config/book-$m"
done < <(find content examples tests/fixtures -name book.toml | sort)
for f in layouts/*/layout.toml; do
  m=$((m + 1))
  { printf '\001'; cat "$f"; } >"$seeds/fuzz_config/layout-$m"
done

# ---- runs
declare -A execs rate
failed=()
for t in "${targets[@]}"; do
  if [[ "${BOOKC_FUZZ_KEEP:-0}" == 1 ]]; then
    corpus=$build/corpus/$t
  else
    corpus=$build/corpus-run/$t
    rm -rf "$corpus"
  fi
  artifacts=$build/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  dirs=("$corpus" "$seeds/$t")
  [[ -d tests/fuzz/corpus/$t ]] && dirs+=("tests/fuzz/corpus/$t")
  log=$build/fuzz-$t.log
  echo "fuzz: $t for ${seconds} s (max_len ${max_len[$t]}; log $log)"
  status=0
  SOURCE_DATE_EPOCH=1700000000 BOOKC_CACHE_DIR= \
    "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    ${BOOKC_FUZZ_SEED:+-seed="$BOOKC_FUZZ_SEED"} \
    -max_len="${max_len[$t]}" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "${dirs[@]}" >"$log" 2>&1 || status=$?
  execs[$t]=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate[$t]=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if ((status != 0)); then
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $status):" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|bookc fuzz:|.*runtime error)|Test unit written' "$log" | head -20 >&2 || true
  fi
done

echo "fuzz: executions per target (${seconds} s each)"
for t in "${targets[@]}"; do
  printf '  %-16s %12s execs  %8s exec/s\n' "$t" "${execs[$t]:-?}" "${rate[$t]:-?}"
done
if ((${#failed[@]})); then
  echo "fuzz: failed: ${failed[*]} (inputs in $build/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no crash, timeout, leak or out-of-memory"
