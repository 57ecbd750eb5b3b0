using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Generated;

/// <summary>Binds a parameter from the request's services (keyed when <paramref name="keyed"/>): required unless optional, as RequestDelegateFactory does.</summary>
internal sealed class ServiceBinder<T>(bool keyed, object? key, bool optional) : ParameterBinder<T>
{
    public override ValueTask<T> BindAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var value = (keyed, optional) switch
        {
            (false, false) => services.GetRequiredService(typeof(T)),
            (false, true) => services.GetService(typeof(T)),
            (true, false) => services.GetRequiredKeyedService(typeof(T), key),
            (true, true) => (services as IKeyedServiceProvider)?.GetKeyedService(typeof(T), key),
        };
        return ValueTask.FromResult((T)value!);
    }
}
