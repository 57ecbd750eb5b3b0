using Sprig.Definitions;
using Sprig.Interop;

namespace Sprig.Refresh;

/// <summary>Phase 1: freezes the registry and takes what it holds (definitions, the problems found while registering, open generics).</summary>
internal static class RegistrationPhase
{
    public static Registration Run(PendingRegistry registry)
    {
        var (definitions, problems, openGenerics) = registry.Freeze();
        return new Registration(definitions, problems, openGenerics);
    }
}

/// <summary>What the registry held when refresh froze it.</summary>
internal sealed record Registration(
    IReadOnlyList<ComponentDefinition> Definitions, IReadOnlyList<ContainerException> Problems, IReadOnlyList<OpenGenericRegistration> OpenGenerics);
