using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Sprig.Web.Generated;

/// <summary>One [Controller] class as Sprig.Generator saw it: the class, and a request delegate for each public method that may be an action.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedController
{
    /// <summary>Initializes the controller's generated code.</summary>
    /// <param name="type">The controller class; its public methods and interfaces are kept (under trimming) for reading their attributes.</param>
    /// <param name="actions">Every public instance method that may be an action; <c>MapSprig</c> decides which are, as under JIT.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GeneratedController([DynamicallyAccessedMembers(Kept)] Type type, GeneratedAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(actions);
        Type = type;
        Actions = actions;
    }

    /// <summary>What the trimmer keeps of a controller class: its public methods (the actions, read for their attributes) and interfaces.</summary>
    internal const DynamicallyAccessedMemberTypes Kept = DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces;

    /// <summary>Gets the controller class.</summary>
    [DynamicallyAccessedMembers(Kept)]
    public Type Type { get; }

    /// <summary>Gets the methods, in declaration order.</summary>
    public IReadOnlyList<GeneratedAction> Actions { get; }
}
