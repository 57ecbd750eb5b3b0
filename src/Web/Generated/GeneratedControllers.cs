using System.Collections.Concurrent;
using System.ComponentModel;

namespace Sprig.Web.Generated;

/// <summary>
/// Where Sprig.Generator's controller code announces itself: in an assembly that references Sprig.Web, a module initializer hands
/// every [Controller] class's actions (their methods and request delegates that bind parameters and call the method directly) to
/// <see cref="Register"/> when the assembly loads. Without dynamic code (Native AOT) <c>MapSprig</c> serves controllers through
/// them instead of ASP.NET Core's RequestDelegateFactory. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedControllers
{
    private static readonly ConcurrentDictionary<Type, GeneratedController> ByType = new();

    /// <summary>Registers one controller's generated actions; a second registration of the same class replaces the first.</summary>
    /// <param name="controller">The controller class and its actions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
    public static void Register(GeneratedController controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ByType[controller.Type] = controller;
    }

    /// <summary>Returns the generated actions of a controller class, or null when its assembly was not built with the generator.</summary>
    internal static GeneratedController? Of(Type type) => ByType.GetValueOrDefault(type);
}
