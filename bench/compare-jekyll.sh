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

# timed FILE CMD... : runs CMD, appends "wall cpu" in seconds (cpu = user + system, steadier on a busy machine) to FILE.
timed() { local file="$1"; shift; /usr/bin/time -f "%e %U %S" -o "$WORK/one.time" "$@" > /dev/null 2>&1; awk '{printf "%s %.2f\n", $1, $2 + $3}' "$WORK/one.time" >> "$file"; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

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
    (cd "$sg" && timed "$WORK/sg.times" dotnet "$CLI_DLL" build --clean --quiet --out "$WORK/sg-$course-$i")
    timed "$WORK/jk.times" jekyll build -s "$jk" -d "$WORK/jk-$course-$i" --config "$WORK/$course-config.yml" --quiet
  done
  s=$(cut -d' ' -f1 "$WORK/sg.times" | median); j=$(cut -d' ' -f1 "$WORK/jk.times" | median)
  sc=$(cut -d' ' -f2 "$WORK/sg.times" | median); jc=$(cut -d' ' -f2 "$WORK/jk.times" | median)
  echo "$course: wall sitegen ${s} s, jekyll ${j} s, ratio $(awk -v s="$s" -v j="$j" 'BEGIN {printf "%.2f", s/j}'); cpu sitegen ${sc} s, jekyll ${jc} s, ratio $(awk -v s="$sc" -v j="$jc" 'BEGIN {printf "%.2f", s/j}') (medians of $RUNS alternating runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "  sitegen runs (wall cpu): $(tr '\n' ',' < "$WORK/sg.times")"
  echo "  jekyll runs (wall cpu):  $(tr '\n' ',' < "$WORK/jk.times")"
  echo "  sitegen build: $(tail -1 "$WORK/$course-sitegen-build.txt"); warnings by code: $(grep -o 'warning SG[0-9]*' "$WORK/$course-sitegen-build.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ',' )"
  echo "  import: $(tail -1 "$WORK/$course-import.txt")"
  echo "  jekyll build: $(grep -c -i warn "$WORK/$course-jekyll-build.txt" || true) warning line(s)"
done
