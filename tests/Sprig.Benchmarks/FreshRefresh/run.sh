#!/usr/bin/env bash
# Refresh of 10 attributed components once per process, as an application starts: a Stopwatch around
# new PendingRegistry() + Register(...) + new ApplicationContext(registry, configuration, NullLoggerFactory) + Refresh(), timed
# once in each of P fresh processes per mode, modes alternating, medians side by side; with the CPU time the process spent
# meanwhile (every thread: tiered compilation runs in the background), which moves less than wall time on a loaded machine. Modes:
#   generated   the classes compiled with Sprig.Generator (generated calls, the registry's module initializer)
#   reflection  the same classes with -p:SprigGenerator=false
#   aot-path    the generated build with the Sprig.IsDynamicCodeSupported switch off (what Native AOT runs, under JIT)
#   msdi        MS.DI: ServiceCollection of the 10 classes, BuildServiceProvider, GetRequiredService of each
# The ten classes form a small graph (each takes 0-2 earlier ones). Everything before the Stopwatch (the configuration, the
# runtime's start) is outside the time; the first use of Sprig's and MS.DI's code, JIT compilation included, is inside.
# Usage: run.sh [P=20]
set -euo pipefail
processes=${1:-20}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/Graph.cs" <<'CS'
using Sprig;
namespace Graph;
[Component] public sealed class C0;
[Component] public sealed class C1;
[Component] public sealed class C2(C0 a) { public C0 A { get; } = a; }
[Component] public sealed class C3(C0 a, C1 b) { public C0 A { get; } = a; public C1 B { get; } = b; }
[Component] public sealed class C4(C2 a) { public C2 A { get; } = a; }
[Component] public sealed class C5(C3 a, C4 b) { public C3 A { get; } = a; public C4 B { get; } = b; }
[Component] public sealed class C6(C1 a) { public C1 A { get; } = a; }
[Component] public sealed class C7(C5 a, C6 b) { public C5 A { get; } = a; public C6 B { get; } = b; }
[Component] public sealed class C8(C7 a) { public C7 A { get; } = a; }
[Component] public sealed class C9(C8 a, C2 b) { public C8 A { get; } = a; public C2 B { get; } = b; }
CS

cat > "$work/Program.cs" <<'CS'
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig;

Type[] types = [typeof(Graph.C0), typeof(Graph.C1), typeof(Graph.C2), typeof(Graph.C3), typeof(Graph.C4),
    typeof(Graph.C5), typeof(Graph.C6), typeof(Graph.C7), typeof(Graph.C8), typeof(Graph.C9)];
var configuration = new ConfigurationBuilder().Build();
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
IDisposable built;
if (args[0] == "msdi")
{
    var services = new ServiceCollection();
    foreach (var type in types) services.AddSingleton(type);
    var provider = services.BuildServiceProvider();
    foreach (var type in types) _ = provider.GetRequiredService(type);
    built = provider;
}
else
{
    var registry = new PendingRegistry();
    foreach (var type in types) registry.Register(type);
    var context = new ApplicationContext(registry, configuration, NullLoggerFactory.Instance);
    context.Refresh();
    built = context;
}

var elapsed = stopwatch.Elapsed.TotalMicroseconds;
process.Refresh();
var cpuElapsed = (process.TotalProcessorTime - cpu).TotalMicroseconds;
if (built is ApplicationContext ctx && ctx.Get<Graph.C9>().A.A.A.B.A.A is null) throw new InvalidOperationException("not wired");
built.Dispose();
Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{elapsed:F0} {cpuElapsed:F0}"));
CS

cat > "$work/FreshRefresh.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/Core/build/Sprig.Core.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup Condition="'\$(SprigDynamicCode)' == 'false'">
    <RuntimeHostConfigurationOption Include="Sprig.IsDynamicCodeSupported" Value="false" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Core/Sprig.Core.csproj" />
    <ProjectReference Include="$repo/src/Generator/Sprig.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.14" />
  </ItemGroup>
</Project>
XML
echo '<Project></Project>' > "$work/Directory.Build.props"
echo '<Project></Project>' > "$work/Directory.Packages.props"

build() { # output directory, MSBuild arguments...
  local out=$1; shift
  dotnet build "$work" -c Release -o "$work/$out" -v q -nologo "$@" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
}
build generated
build aot-path -p:SprigDynamicCode=false
build reflection -p:SprigGenerator=false
grep -aq GeneratedComponents "$work/generated/FreshRefresh.dll" || { echo "the generated build has no generated registry" >&2; exit 1; }

modes="generated reflection aot-path msdi"
declare -A dll=([generated]=generated [reflection]=reflection [aot-path]=aot-path [msdi]=generated)
for mode in $modes; do dotnet "$work/${dll[$mode]}/FreshRefresh.dll" "${mode/aot-path/sprig}" > /dev/null; done # disk cache
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) before, $processes processes per mode"
for ((i = 0; i < processes; i++)); do
  for mode in $modes; do
    arg=sprig; [[ $mode == msdi ]] && arg=msdi
    dotnet "$work/${dll[$mode]}/FreshRefresh.dll" "$arg" >> "$work/$mode.txt"
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 - "$work" $modes <<'PY'
import statistics, sys
work, modes = sys.argv[1], sys.argv[2:]
print("| mode | wall, median | wall, min | wall, max | CPU of the process (all threads), median |")
print("|---|---:|---:|---:|---:|")
for mode in modes:
    rows = [line.split() for line in open(f"{work}/{mode}.txt")]
    wall, cpu = [float(r[0]) for r in rows], [float(r[1]) for r in rows]
    print(f"| {mode} | {statistics.median(wall):,.0f} µs | {min(wall):,.0f} µs | {max(wall):,.0f} µs | {statistics.median(cpu):,.0f} µs |")
PY
