using System.Runtime.CompilerServices;
using Sprig.Generated;

namespace Sprig.Aot.Tests;

/// <summary>That this suite really runs with the reflection fallback off, under JIT: every other test here depends on it.</summary>
public sealed class SwitchTests
{
    [Fact]
    public void DynamicCode_IsOff_ThroughTheRuntimeSwitch_UnderJit()
    {
        AppContext.TryGetSwitch(DynamicCode.Switch, out var enabled).Should().BeTrue();

        enabled.Should().BeFalse();
        RuntimeFeature.IsDynamicCodeSupported.Should().BeTrue();
        DynamicCode.IsSupported.Should().BeFalse();
    }
}
