#!/usr/bin/env bash
# Publishes samples/Aot as Native AOT (trim/AOT warnings are errors in its project) and runs the binary twice, the
# [ConditionalOnProperty] flipped by an environment variable, comparing the whole output. Needs clang-14 and zlib1g-dev
# (apt-get install -y clang-14 zlib1g-dev). Prints "Native AOT sample: passed" and exits 0, or says what differed and exits 1.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! dotnet publish samples/Aot -c Release -r linux-x64 -p:CppCompilerAndLinker=clang-14 -o "$out" >"$out/publish.log" 2>&1; then
  echo "Native AOT sample: publish FAILED"
  grep -E "warning|error" "$out/publish.log" | sort -u
  exit 1
fi

expected_off=$'OnStart: Hello, start (2026-01-01)\nLazy class: 2026-01-01 through a generated subclass\nLogger: warnings on, information off; greeters: 1\nLoud: off\nPrototype: #1 EUR 2026-01-01: Hello, receipt (2026-01-01); #2 EUR 2026-01-01: Hello, receipt (2026-01-01)\nEndpoint: Hello, endpoint (2026-01-01)\nTask endpoint: Hello, task (2026-01-01) later\nComponents: Clock, Greeter, Receipt, Startup, sampleJson'
expected_on=$'OnStart: Hello, start (2026-01-01)\nLazy class: 2026-01-01 through a generated subclass\nLogger: warnings on, information off; greeters: 1\nLoud: HELLO!\nPrototype: #1 EUR 2026-01-01: Hello, receipt (2026-01-01); #2 EUR 2026-01-01: Hello, receipt (2026-01-01)\nEndpoint: Hello, endpoint (2026-01-01)\nTask endpoint: Hello, task (2026-01-01) later\nComponents: Clock, Greeter, Receipt, Shouter, Startup, sampleJson'
off=$(Logging__LogLevel__Default=Warning "$out/Aot" 2>&1)
on=$(Logging__LogLevel__Default=Warning Greeting__Loud=true "$out/Aot" 2>&1)
if [ "$off" == "$expected_off" ] && [ "$on" == "$expected_on" ]; then
  echo "Native AOT sample: passed"
  exit 0
fi

printf 'Native AOT sample: FAILED\n--- Greeting__Loud unset, expected:\n%s\n--- got:\n%s\n--- Greeting__Loud=true, expected:\n%s\n--- got:\n%s\n' \
  "$expected_off" "$off" "$expected_on" "$on"
exit 1
