#!/usr/bin/env bash
# Refresh of N attributed singletons compiled with Sprig.Generator, with it turned off (reflection), and MS.DI's build +
# resolve all of the same classes: side by side, three processes per mode; each prints its first round (a fresh process's one
# refresh, as an application's) and the median of R rounds after W warm-ups (each round builds and disposes).
# Modes: MS.DI; Sprig built without the generator; Sprig built with it (under JIT Sprig still calls constructors by
# reflection); the same with the Sprig.PreferGeneratedCode switch on (constructors called through the generated code).
# The classes (a DAG with 0-2 constructor dependencies each, on earlier classes; 100 per namespace, as an application spreads
# them) are written into a scratch project, not kept in the repository: 10,000 classes are 1 MB of source. (All 10,000 in one
# namespace made every parameter type's lookup under Native AOT walk the namespace: seconds for MS.DI and Sprig alike.)
# With SPRIG_BENCH_AOT=1 the generated build is also published as Native AOT (about 5 more minutes) and run as a fifth and sixth
# mode: MS.DI and Sprig without a JIT. W warm-up rounds come first: 2 is a test suite's few refreshes, 40 lets
# tiered compilation finish (each generated constructor call is a method of its own, compiled on its first call).
# Usage: [SPRIG_BENCH_AOT=1] run.sh [N=10000] [R=15] [W=2]
set -euo pipefail
n=${1:-10000}
rounds=${2:-15}
warmup=${3:-2}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$n" > "$work/Graph.cs" <<'PY'
import random, sys
n = int(sys.argv[1]); rng = random.Random(42)
print("using Sprig;")
name = lambda d: f"global::Graph.N{d // 100:03d}.C{d:05d}"
for i in range(n):
    k = min(rng.randrange(3), i)
    deps = rng.sample(range(i), k) if k else []
    params = ", ".join(f"{name(d)} d{j}" for j, d in enumerate(deps))
    fields = " ".join(f"public readonly {name(d)} D{j} = d{j};" for j, d in enumerate(deps))
    print(f"namespace Graph.N{i // 100:03d} {{ [Component] public sealed class C{i:05d}({params}) {{ {fields} }} }}")
PY

cat > "$work/Program.cs" <<'CS'
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig;

var mode = args[0];
var rounds = int.Parse(args[1]);
var warmup = int.Parse(args[2]);
var types = typeof(Graph.N000.C00000).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("Graph.N", StringComparison.Ordinal) == true).OrderBy(t => t.Name).ToArray();
var configuration = new ConfigurationBuilder().Build();
var times = new List<double>();
var first = 0.0;
for (var round = -warmup; round < rounds; round++)
{
    var stopwatch = Stopwatch.StartNew();
    IDisposable built;
    if (mode == "msdi")
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

    var elapsed = stopwatch.Elapsed.TotalMilliseconds;
    built.Dispose();
    if (round == -warmup) first = elapsed;
    if (round >= 0) times.Add(elapsed);
}

times.Sort();
Console.WriteLine($"{mode}: {types.Length} singletons, first refresh {first:F1} ms, median of {rounds} rounds after {warmup} warm-up rounds {times[rounds / 2]:F1} ms");
CS

cat > "$work/GeneratedRefresh.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/Core/build/Sprig.Core.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TieredPGO>true</TieredPGO>
  </PropertyGroup>
  <!-- In the project, not on the command line: a global PublishAot would reach Sprig.Generator (netstandard2.0) too. -->
  <PropertyGroup Condition="'\$(BenchmarkAot)' == 'true'">
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Core/Sprig.Core.csproj" />
    <ProjectReference Include="$repo/src/Generator/Sprig.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.14" />
  </ItemGroup>
  <ItemGroup Condition="'\$(PreferGenerated)' == 'true'">
    <RuntimeHostConfigurationOption Include="Sprig.PreferGeneratedCode" Value="true" />
  </ItemGroup>
</Project>
XML
echo '<Project></Project>' > "$work/Directory.Build.props"
echo '<Project></Project>' > "$work/Directory.Packages.props"

dotnet build "$work" -c Release -o "$work/generated" -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build "$work" -c Release -o "$work/reflection" -v q -nologo -p:SprigGenerator=false > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build "$work" -c Release -o "$work/calls" -v q -nologo -p:PreferGenerated=true > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
if [[ ${SPRIG_BENCH_AOT:-} == 1 ]]; then
  compiler=(); command -v clang > /dev/null || compiler=(-p:CppCompilerAndLinker=clang-14)
  dotnet publish "$work" -c Release -r linux-x64 -o "$work/native" -v q -nologo -p:BenchmarkAot=true \
    "${compiler[@]}" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
for process in 1 2 3; do
  dotnet "$work/generated/GeneratedRefresh.dll" msdi "$rounds" "$warmup" | sed 's/^msdi/MS.DI build + resolve all/'
  dotnet "$work/reflection/GeneratedRefresh.dll" sprig "$rounds" "$warmup" | sed 's/^sprig/Sprig, no generator (SprigGenerator=false)/'
  dotnet "$work/generated/GeneratedRefresh.dll" sprig "$rounds" "$warmup" | sed 's/^sprig/Sprig, generator (default)/'
  dotnet "$work/calls/GeneratedRefresh.dll" sprig "$rounds" "$warmup" | sed 's/^sprig/Sprig, generator + PreferGeneratedCode/'
  if [[ -x $work/native/GeneratedRefresh ]]; then
    "$work/native/GeneratedRefresh" msdi "$rounds" "$warmup" | sed 's/^msdi/Native AOT, MS.DI build + resolve all/'
    "$work/native/GeneratedRefresh" sprig "$rounds" "$warmup" | sed 's/^sprig/Native AOT, Sprig (generated code)/'
  fi
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
