using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sprig.Generated;

/// <summary>
/// The feature switch between Sprig's reflection fallback and generated code. The fallback scans assemblies (Scrutor), emits
/// proxies (Castle DynamicProxy), compiles expression trees, closes generic types at run time and serializes with reflection-based
/// System.Text.Json: code marked <see cref="RequiresDynamicCodeAttribute"/> / <see cref="RequiresUnreferencedCodeAttribute"/>,
/// called only where <see cref="IsSupported"/> is true. Under Native AOT it is false and the trimmer removes that code (and
/// Castle with it); a trimmed application that is not AOT turns it off with
/// <c>&lt;RuntimeHostConfigurationOption Include="Sprig.IsDynamicCodeSupported" Value="false" Trim="true" /&gt;</c>.
/// </summary>
internal static class DynamicCode
{
    /// <summary>The name of the switch in the runtime configuration.</summary>
    public const string Switch = "Sprig.IsDynamicCodeSupported";

    /// <summary>The message of everything marked: what the generator replaces it with.</summary>
    public const string Message = "Sprig's reflection fallback (assembly scanning, Castle DynamicProxy, expression compilation, generic types closed at run time, "
        + "reflection-based System.Text.Json) needs code the trimmer cannot see and code generated at run time. Under trimming and Native AOT let "
        + "Sprig.Generator generate the application's registries, proxies and invokers, and register components with Register<T>().";

    /// <summary>
    /// Gets whether the reflection fallback may run: false under Native AOT, else the <see cref="Switch"/> switch when the
    /// application sets it, else true.
    /// </summary>
    [FeatureSwitchDefinition(Switch)]
    [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
    [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
    [UnconditionalSuppressMessage("Trimming", "IL4000", Justification = "A guard of unreferenced code: the trimmer removes code without being told only under Native AOT, where RuntimeFeature.IsDynamicCodeSupported is false; a trimmed application that is not AOT must turn the switch off, as the class summary says (the trimmer then substitutes false).")]
    public static bool IsSupported => RuntimeFeature.IsDynamicCodeSupported && SwitchOn;

    /// <summary>The name of the switch that makes Sprig call generated code where it could call by reflection (JIT only).</summary>
    public const string PreferGeneratedSwitch = "Sprig.PreferGeneratedCode";

    /// <summary>
    /// Gets whether components are created, injected and called through Sprig.Generator's code although reflection may run.
    /// Off by default: under JIT every generated method is compiled on its first call, and at refresh each constructor, setter
    /// and hook is called once, so reflection's call is cheaper than compiling the generated one (10,000 components: a first
    /// refresh of 0.85 s by reflection, 1.7 s through generated code). Without dynamic code generated code is all there is, and
    /// it is precompiled. The generated-path test suites turn it on, to run the generated calls under JIT.
    /// </summary>
    public static bool CallsGenerated => !IsSupported || PreferGenerated;

    // Read once, as SwitchOn.
    private static readonly bool PreferGenerated = AppContext.TryGetSwitch(PreferGeneratedSwitch, out var prefer) && prefer;

    // The application's switch, read once (reading it takes AppContext's locks); the property above stays an expression of
    // RuntimeFeature.IsDynamicCodeSupported so that the trimmer and the AOT compiler recognise it as the guard it declares.
    internal static readonly bool SwitchOn = !AppContext.TryGetSwitch(Switch, out var enabled) || enabled;
}
