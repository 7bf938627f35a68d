#!/usr/bin/env bash
# Whole-process build times: SiteGen against Jekyll on the real Jekyll course repositories in
# tests/SiteGen.Tests/Fixtures/courses/ (each imported once with `sitegen import jekyll`, not timed).
#
#   bench/compare-jekyll.sh                 # both courses, RUNS=7
#   RUNS=11 bench/compare-jekyll.sh 2025sp-GenAI-overview
#
# Settings (environment): RUNS (timed runs per tool, default 7), WORK (scratch folder, default /tmp/sitegen-jekyll-bench),
# SKIP_BUILD=1 (reuse the Release build of SiteGen.Cli).
# Needs: .NET SDK, Debian's jekyll 4.3 (apt-get install -y jekyll).
# SiteGen runs as `dotnet src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll build --clean --out DIR` in the course
# folder (a full build, as Jekyll's); Jekyll as `jekyll build -s COPY -d DIR --config CFG` on an untouched copy of the
# repository, with CFG its _config.yml without plugins: and remote_theme: (the course's own _layouts/ replace the theme;
# the one plugin caches includes), as the reference sites were built. Runs alternate (SiteGen, Jekyll, SiteGen, ...) so
# a noisy neighbour hits both alike; each run writes into a folder no run used before; medians are reported.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-7}"
WORK="${WORK:-/tmp/sitegen-jekyll-bench}"
COURSES=("$@")
[ ${#COURSES[@]} -eq 0 ] && COURSES=(2025sp-GenAI-overview 2020f-UVA-CS-MachineLearningDeep)
CLI_DLL="$ROOT/src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll"

if [ "${SKIP_BUILD:-0}" != 1 ]; then dotnet build -c Release "$ROOT/src/SiteGen.Cli" -nologo -v q >&2; fi
rm -rf "$WORK"; mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1e9}'; }

for course in "${COURSES[@]}"; do
  src="$ROOT/tests/SiteGen.Tests/Fixtures/courses/$course/repo"
  sg="$WORK/$course-sitegen"; jk="$WORK/$course-jekyll"
  cp -r "$src" "$sg"; cp -r "$src" "$jk"; chmod -R u+w "$sg" "$jk"
  grep -v -E '^(remote_theme|plugins):' "$jk/_config.yml" | grep -v -E '^  - jekyll-' > "$WORK/$course-config.yml"
  (cd "$sg" && dotnet "$CLI_DLL" import jekyll > "$WORK/$course-import.txt")
  # One untimed run of each warms the disk cache and shows the warnings each prints.
  (cd "$sg" && dotnet "$CLI_DLL" build --clean --out "$WORK/warm-sg-$course" > "$WORK/$course-sitegen-build.txt")
  jekyll build -s "$jk" -d "$WORK/warm-jk-$course" --config "$WORK/$course-config.yml" > "$WORK/$course-jekyll-build.txt" 2>&1
  : > "$WORK/sg.times"; : > "$WORK/jk.times"
  for i in $(seq 1 "$RUNS"); do
    t0=$(now); (cd "$sg" && dotnet "$CLI_DLL" build --clean --quiet --out "$WORK/sg-$course-$i" > /dev/null); t1=$(now)
    echo $((t1 - t0)) >> "$WORK/sg.times"
    t0=$(now); jekyll build -s "$jk" -d "$WORK/jk-$course-$i" --config "$WORK/$course-config.yml" --quiet > /dev/null 2>&1; t1=$(now)
    echo $((t1 - t0)) >> "$WORK/jk.times"
  done
  s=$(median < "$WORK/sg.times"); j=$(median < "$WORK/jk.times")
  echo "$course: sitegen ${s} s, jekyll ${j} s (medians of $RUNS alternating runs), ratio $(awk -v s="$s" -v j="$j" 'BEGIN {printf "%.2f", s/j}')"
  echo "  sitegen runs (ns): $(tr '\n' ' ' < "$WORK/sg.times")"
  echo "  jekyll runs (ns):  $(tr '\n' ' ' < "$WORK/jk.times")"
  echo "  sitegen build: $(tail -1 "$WORK/$course-sitegen-build.txt"); warnings by code: $(grep -o 'warning SG[0-9]*' "$WORK/$course-sitegen-build.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ',' )"
  echo "  import: $(tail -1 "$WORK/$course-import.txt")"
  echo "  jekyll build: $(grep -c -i warn "$WORK/$course-jekyll-build.txt" || true) warning line(s)"
done
