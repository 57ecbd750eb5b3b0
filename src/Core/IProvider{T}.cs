namespace Sprig;

/// <summary>Produces the component a <see cref="ProviderAttribute"/> class stands for.</summary>
/// <typeparam name="T">The type of the product.</typeparam>
public interface IProvider<out T>
{
    /// <summary>Creates (or returns) the product. A singleton provider is asked once; a prototype provider on every resolution.</summary>
    /// <returns>The product.</returns>
#pragma warning disable CA1716 // The name is fixed by the public contract (API.md); Spring's ObjectProvider and Cullinan use get as well.
    T Get();
#pragma warning restore CA1716
}
