#!/usr/bin/env bash
# Cold start of a small application, process level: Sprig (./Sprig) against the same application on MS.DI (./MsDi).
# Builds both in Release, runs each mode once to warm the disk cache, then N rounds alternating MS.DI and Sprig as separate
# processes, measuring wall time (bash's EPOCHREALTIME around the process) and peak RSS (/usr/bin/time's %M), and prints
# medians side by side with the ratios.
#
#   tests/Sprig.ColdStart/run.sh [N=10] [--no-build] [--modes "explicit scan"] [--r2r]
#
# --r2r publishes both with PublishReadyToRun (every assembly of the application precompiled, Sprig.Core and the
# Microsoft.Extensions packages included) and runs the published programs instead of the build output.
#
# Modes (see each Program.cs):
#   explicit  Sprig: new ApplicationContext(registry of the six classes, empty configuration, NullLoggerFactory), Refresh, Get
#             MS.DI: ServiceCollection of the six classes, BuildServiceProvider, GetRequiredService
#   scan      Sprig: new ApplicationContext() (scans for [Component] classes, default configuration, console logging)
#             MS.DI: the same plus configuration (appsettings.json, environment, command line) and console logging
# Needs /usr/bin/time (apt-get install -y time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds=10
build=1
r2r=0
modes="explicit scan"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --r2r) r2r=1 ;;
    --modes) modes="$2"; shift ;;
    *) rounds="$1" ;;
  esac
  shift
done

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh needs /usr/bin/time for peak RSS: apt-get install -y time" >&2
  exit 1
fi

declare -A exe=(
  [sprig]="$here/Sprig/bin/Release/net10.0/Sprig.ColdStart.Sprig"
  [msdi]="$here/MsDi/bin/Release/net10.0/Sprig.ColdStart.MsDi"
)
if [[ $r2r == 1 ]]; then
  case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  exe[sprig]="$here/Sprig/bin/Release/net10.0/$rid/publish-r2r/Sprig.ColdStart.Sprig"
  exe[msdi]="$here/MsDi/bin/Release/net10.0/$rid/publish-r2r/Sprig.ColdStart.MsDi"
fi

if [[ $build == 1 ]]; then
  for project in Sprig/Sprig.ColdStart.Sprig MsDi/Sprig.ColdStart.MsDi; do
    if [[ $r2r == 1 ]]; then
      dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true "$here/$project.csproj" \
        -o "$(dirname "$here/$project")/bin/Release/net10.0/$rid/publish-r2r" -nologo -v q >/dev/null
    else
      dotnet build -c Release "$here/$project.csproj" -nologo -v q >/dev/null
    fi
  done
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One run: appends "<wall ms> <peak RSS KiB>" to $work/<container>-<mode>.
measure() {
  local container="$1" mode="$2" start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$work/rss" "${exe[$container]}" "$mode" >/dev/null
  end=$EPOCHREALTIME
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }') $(cat "$work/rss")" >>"$work/$container-$mode"
}

median() { # column $2 of file $1
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for mode in $modes; do
  measure msdi "$mode"; measure sprig "$mode"
  rm -f "$work/msdi-$mode" "$work/sprig-$mode"
done

echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= rounds; i++)); do
  for mode in $modes; do
    # Alternate which container goes first, so that neither always follows the other.
    if ((i % 2)); then measure msdi "$mode"; measure sprig "$mode"; else measure sprig "$mode"; measure msdi "$mode"; fi
  done
done
echo "# load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $rounds rounds per mode, medians$([[ $r2r == 1 ]] && echo ", ReadyToRun"); goal: wall <= 1.2x, peak RSS <= 1.3x"
echo
echo "| mode | MS.DI wall | Sprig wall | wall ratio | MS.DI peak RSS | Sprig peak RSS | RSS ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for mode in $modes; do
  mw=$(median "$work/msdi-$mode" 1); sw=$(median "$work/sprig-$mode" 1)
  mr=$(median "$work/msdi-$mode" 2); sr=$(median "$work/sprig-$mode" 2)
  awk -v m="$mode" -v mw="$mw" -v sw="$sw" -v mr="$mr" -v sr="$sr" 'BEGIN {
    printf "| %s | %.0f ms | %.0f ms | %.2fx | %.1f MiB | %.1f MiB | %.2fx |\n", m, mw, sw, sw / mw, mr / 1024, sr / 1024, sr / mr }'
done
if [[ -n "${COLDSTART_RAW:-}" ]]; then
  for f in "$work"/*-*; do echo "$(basename "$f"): $(cut -d' ' -f1 "$f" | tr '\n' ' ')"; done
fi
