using Sprig.Tests.Controllers;
using Sprig.Web;

namespace Sprig.Aot.Tests.Web;

/// <summary>A controller whose body type has no JSON metadata: without reflection MapSprig refuses it.</summary>
[Controller(Url = "/drafts"), ConditionalOnProperty("aot.web.drafts")]
public sealed class DraftController
{
    public sealed record Draft(string Text);

    [Post]
    public Draft Save(Draft draft) => draft;
}

/// <summary>A controller with an action no request can bind (a ref parameter), and a complex GET parameter that is not a service.</summary>
[Controller(Url = "/broken"), ConditionalOnProperty("aot.web.broken")]
public sealed class BrokenController
{
    [Post("/count")]
    public int Count(ref int value) => value;

    [Get("/find")]
    public string Find(Note note) => note.Text;
}


/// <summary>
/// An action overloaded by a generic method (not an action; the generator writes only why it cannot be one) declared first:
/// the action must get its own request delegate, not the generic method's refusal.
/// </summary>
[Controller(Url = "/overloads"), ConditionalOnProperty("aot.web.overloads")]
public sealed class OverloadController
{
    public T Echo<T>(T value) => value;

    [Get("/echo/{value}")]
    public string Echo(string value) => $"echo {value}";
}

/// <summary>An action declared to return object, returning a type the application's JSON options have no metadata for.</summary>
[Controller(Url = "/opaque"), ConditionalOnProperty("aot.web.opaque")]
public sealed class OpaqueController
{
    public sealed record Opaque(int Value);

    [Get]
    public object Read() => new Opaque(1);
}

/// <summary>A contract whose method requires a signed-in user.</summary>
public interface ISecretShelf
{
    [Microsoft.AspNetCore.Authorization.Authorize]
    string Peek();
}

/// <summary>A controller implementing <see cref="ISecretShelf"/>: the contract's [Authorize] closes its route, as under JIT.</summary>
[Controller(Url = "/contract"), ConditionalOnProperty("aot.web.contract")]
public sealed class ContractController : ISecretShelf
{
    [Get("/peek")]
    public string Peek() => "peeked";

    [Get("/open")]
    public string Open() => "open";
}
