#!/usr/bin/env bash
# Whole-process build times: SiteGen (the Release build of SiteGen.Cli, run as a process) against Hugo on the same
# generated sessions, plus the seed course, an incremental rebuild (when the CLI has one) and large listings.
#
#   bench/compare-hugo.sh                      # everything, default sizes
#   SIZES="1000 3000" RUNS=7 bench/compare-hugo.sh sessions
#   bench/compare-hugo.sh seed | sessions | incremental | listings   (any of these, in any order)
#
# Settings (environment): SIZES (session counts, default "1000 3000 10000"), RUNS (timed runs per tool, default 5),
# LISTINGS (listing entry counts, default "200000 1000000"), WORK (scratch folder, default /tmp/sitegen-bench),
# ENTRIES_PER_FILE (listing entries per file, default the generator's 5,000; e.g. ENTRIES_PER_FILE=210000 LISTINGS=210000
# makes one 200 MB file), SEED (generator seed, default 1), SKIP_BUILD=1 (reuse the existing Release builds), OUTPUTS (fresh or deleted, below),
# CLI (which SiteGen is timed, default published):
#   CLI=published: the self-contained single-folder install (`dotnet publish` below: app and .NET compiled ahead of time
#     into one composite ReadyToRun image, 138 MB, ~3 min to make), run as `$WORK/sitegen/SiteGen.Cli`; the way to
#     install SiteGen for speed, as Hugo is installed as one native program. 3,000 sessions into /dev/shm: 1.94 s against 2.17 s.
#   CLI=dll: `dotnet src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll`, the framework-dependent build.
# Needs: .NET SDK, hugo (Debian's package: apt-get install -y hugo), /usr/bin/time (apt-get install -y time);
# uses hyperfine for each single run when present (apt-get install -y hyperfine), else date +%s%N.
# Runs alternate between the two tools (SiteGen, Hugo, SiteGen, ...) so a noisy neighbour hits both alike;
# medians are reported. Every build writes its whole site into an empty folder:
#   OUTPUTS=fresh (default): each timed run writes into a folder no run used before, under $WORK/runs/; they are all
#     deleted when the script ends. Nothing was deleted just before a run, so the figures are the tools' own work.
#   OUTPUTS=deleted: the output folder is deleted (rm -rf) right before each run. On ext4 without a journal (this
#     machine's disk) the kernel then scans the inodes deleted in the last minutes on every file it creates
#     (find_inode_bit -> recently_deleted): 2-6 s of system time per 3,000-session run for either tool, growing run to run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${SIZES:-1000 3000 10000}"
RUNS="${RUNS:-5}"
LISTINGS="${LISTINGS:-200000 1000000}"
WORK="${WORK:-/tmp/sitegen-bench}"
SEED="${SEED:-1}"
OUTPUTS="${OUTPUTS:-fresh}"
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(seed sessions incremental listings)

CLI="${CLI:-published}"
CLI_DLL="$ROOT/src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll"
PUBLISHED="$WORK/sitegen"
if [ "$CLI" = published ]; then SITEGEN=("$PUBLISHED/SiteGen.Cli"); else SITEGEN=(dotnet "$CLI_DLL"); fi
GEN_DLL="$ROOT/bench/SiteGen.Benchmarks/bin/Release/net10.0/SiteGen.Benchmarks.dll"
mkdir -p "$WORK"
RUNS_DIR="$WORK/runs"
rm -rf "$RUNS_DIR"
trap 'rm -rf "$RUNS_DIR"' EXIT

# out_dir NAME : the output folder for one timed run (see OUTPUTS above).
out_dir() {
  if [ "$OUTPUTS" = deleted ]; then rm -rf "$2"; echo "$2"; else mkdir -p "$RUNS_DIR"; mktemp -u -d "$RUNS_DIR/$1-XXXXXX"; fi
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "# building Release: SiteGen.Cli and the course generator" >&2
  dotnet build -c Release "$ROOT/src/SiteGen.Cli" -nologo -v q >&2
  dotnet build -c Release "$ROOT/bench/SiteGen.Benchmarks" -nologo -v q >&2
  if [ "$CLI" = published ]; then
    echo "# publishing SiteGen.Cli self-contained, one composite ReadyToRun image, into $PUBLISHED" >&2
    dotnet publish -c Release "$ROOT/src/SiteGen.Cli" -r linux-x64 --self-contained -p:PublishReadyToRun=true \
      -p:PublishReadyToRunComposite=true -o "$PUBLISHED" -nologo -v q >&2
  fi
fi

have() { command -v "$1" >/dev/null 2>&1; }

# time_once CMD... : runs CMD once, prints "wall_seconds cpu_seconds" (cpu = user + system). Output of CMD goes to $WORK/last.log.
time_once() {
  if have hyperfine; then
    local json="$WORK/hyperfine.json"
    hyperfine -N --runs 1 --warmup 0 --style none --export-json "$json" -- "$(printf '%q ' "$@")" >"$WORK/last.log" 2>&1
    local mean user system
    mean=$(grep -m1 '"mean"' "$json" | sed 's/.*: *//; s/,//')
    user=$(grep -m1 '"user"' "$json" | sed 's/.*: *//; s/,//')
    system=$(grep -m1 '"system"' "$json" | sed 's/.*: *//; s/,//')
    awk -v m="$mean" -v u="$user" -v s="$system" 'BEGIN { printf "%.3f %.3f\n", m, u + s }'
  else
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$WORK/cpu.txt" "$@" >"$WORK/last.log" 2>&1
    end=$(date +%s%N)
    awk -v a="$start" -v b="$end" -v c="$(cat "$WORK/cpu.txt")" 'BEGIN { split(c, x, " "); printf "%.3f %.3f\n", (b - a) / 1e9, x[1] + x[2] }'
  fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

sitegen() { "${SITEGEN[@]}" "$@"; }

generate() { # generate DIR SESSIONS ENTRIES [ENTRIES_PER_FILE]
  if [ ! -f "$1/truth.json" ] || ! grep -q "\"sessions\": $2," "$1/truth.json" || ! grep -q "\"listingEntries\": $3," "$1/truth.json"; then
    dotnet "$GEN_DLL" generate-course --sessions "$2" --listing-entries "$3" --seed "$SEED" ${4:+--entries-per-file "$4"} --out "$1" >&2
  fi
}

# Hugo gets the same session files (their YAML front matter as it is, plus weight: from LOrder) and the same slide decks.
hugo_site() { # hugo_site COURSE_DIR HUGO_DIR
  rm -rf "$2"
  cp -r "$ROOT/bench/hugo-site" "$2"
  mkdir -p "$2/content/sessions" "$2/static/Lectures"
  for f in "$1"/content/sessions/*.md; do
    awk 'NR > 1 && !done && /^---/ { if (w != "") print "weight: " w; done = 1 } /^LOrder:/ { w = $2 } { print }' "$f" >"$2/content/sessions/$(basename "$f")"
  done
  if [ -d "$1/content/Lectures" ]; then cp "$1"/content/Lectures/* "$2/static/Lectures/"; fi
}

check_ok() { # check_ok WHAT : fails loudly when the last run did not succeed
  if [ "$1" -ne 0 ]; then echo "$2 failed (exit $1); its output:" >&2; tail -20 "$WORK/last.log" >&2; exit 1; fi
}

part_seed() {
  echo "## Seed course (content/), whole process: SiteGen build (CLI=$CLI), $RUNS runs"
  local walls=() cpus=() out="$WORK/seed-site"
  local code=0
  sitegen build --content "$ROOT/content" --out "$out" -q >"$WORK/last.log" 2>&1 || code=$?
  check_ok "$code" "seed build"
  for _ in $(seq "$RUNS"); do
    rm -rf "$out"
    read -r w c < <(time_once "${SITEGEN[@]}" build --content "$ROOT/content" --out "$out" -q)
    walls+=("$w"); cpus+=("$c")
  done
  printf 'seed: median wall %s s, median cpu (user+sys) %s s\n' "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)"
}

part_sessions() {
  have hugo || { echo "hugo not found: apt-get install -y hugo" >&2; exit 1; }
  echo "## Sessions: SiteGen vs Hugo ($(hugo version | cut -d' ' -f2)), $RUNS alternating runs each, medians, OUTPUTS=$OUTPUTS"
  printf '%-9s %12s %12s %8s %14s %14s\n' sessions "sitegen s" "hugo s" ratio "sitegen cpu s" "hugo cpu s"
  for n in $SIZES; do
    local course="$WORK/course-$n" hsite="$WORK/hugo-$n"
    generate "$course" "$n" 0
    hugo_site "$course" "$hsite"
    export HUGO_CACHEDIR="$WORK/hugo-cache"
    local sw=() sc=() hw=() hc=()
    # One untimed run of each: warms the file cache and checks that both builds succeed.
    local code=0
    sitegen build --content "$course/content" --out "$course/site" -q >"$WORK/last.log" 2>&1 || code=$?
    check_ok "$code" "SiteGen build of $n sessions"
    hugo --quiet -s "$hsite" -d "$hsite/public" >"$WORK/last.log" 2>&1 || code=$?
    check_ok "$code" "Hugo build of $n sessions"
    local out
    for _ in $(seq "$RUNS"); do
      out=$(out_dir "sitegen-$n" "$course/site")
      read -r w c < <(time_once "${SITEGEN[@]}" build --content "$course/content" --out "$out" -q); sw+=("$w"); sc+=("$c")
      out=$(out_dir "hugo-$n" "$hsite/public")
      read -r w c < <(time_once hugo --quiet -s "$hsite" -d "$out"); hw+=("$w"); hc+=("$c")
    done
    local s h
    s=$(printf '%s\n' "${sw[@]}" | median); h=$(printf '%s\n' "${hw[@]}" | median)
    printf '%-9s %12s %12s %8s %14s %14s\n' "$n" "$s" "$h" "$(awk -v a="$s" -v b="$h" 'BEGIN { printf "%.2f", a / b }')" \
      "$(printf '%s\n' "${sc[@]}" | median)" "$(printf '%s\n' "${hc[@]}" | median)"
  done
}

part_incremental() {
  # Builds are incremental by default when the CLI has --clean (unchanged pages are reused); skipped otherwise.
  if ! sitegen build --help 2>/dev/null | grep -q -- '--clean'; then
    echo "## Incremental rebuild: skipped (this SiteGen.Cli has no incremental build)"
    return
  fi
  local n="${SIZES%% *}" course="$WORK/course-inc"
  generate "$course" "$n" 0
  echo "## Incremental rebuild: $n sessions, one session edited before each build, $RUNS runs"
  rm -rf "$course/site"
  sitegen build --content "$course/content" --out "$course/site" -q >/dev/null
  local walls=() files
  files=("$course"/content/sessions/*.md)
  local file="${files[0]}"
  for i in $(seq "$RUNS"); do
    printf '\nEdited for the incremental benchmark, run %s.\n' "$i" >>"$file"
    read -r w _ < <(time_once "${SITEGEN[@]}" build --content "$course/content" --out "$course/site" -q)
    walls+=("$w")
  done
  printf 'incremental: median wall %s s\n' "$(printf '%s\n' "${walls[@]}" | median)"
}

part_listings() {
  echo "## Listings: 30 sessions + N Hugging Face listing entries, one run each (/usr/bin/time -v)"
  printf '%-9s %10s %14s %8s %s\n' entries "wall s" "peak RSS MB" exit summary
  for m in $LISTINGS; do
    local course="$WORK/listings-$m${ENTRIES_PER_FILE:+-per-$ENTRIES_PER_FILE}"
    generate "$course" 30 "$m" "${ENTRIES_PER_FILE:-}"
    rm -rf "$course/site"
    local code=0
    /usr/bin/time -v -o "$WORK/time-v.txt" "${SITEGEN[@]}" build --content "$course/content" --out "$course/site" -v >"$WORK/last.log" 2>&1 || code=$?
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$WORK/time-v.txt" | awk '{ print $NF }' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(grep 'Maximum resident set size' "$WORK/time-v.txt" | awk '{ printf "%.0f", $NF / 1024 }')
    printf '%-9s %10s %14s %8s %s\n' "$m" "$wall" "$rss" "$code" "$(grep -m1 'sessions,' "$WORK/last.log" || true)"
    printf '    listing files: %s MB in %s files\n' "$(du -sm "$course/content/listings" | cut -f1)" "$(find "$course/content/listings" -type f | wc -l)"
    grep -E '^  (gc|memory):' "$WORK/last.log" | sed 's/^/  /' || true
    grep -E '^  [A-Za-z]+ +[0-9.]+ ms' "$WORK/last.log" | sed 's/^/    /' || true
    grep -m1 '"distinctPapers"' "$course/truth.json" | sed 's/^ */    truth: /'
  done
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GB, dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg), SiteGen CLI=$CLI"
for part in "${PARTS[@]}"; do
  case "$part" in
    seed) part_seed ;;
    sessions) part_sessions ;;
    incremental) part_incremental ;;
    listings) part_listings ;;
    *) echo "unknown part $part (seed, sessions, incremental, listings)" >&2; exit 2 ;;
  esac
done
