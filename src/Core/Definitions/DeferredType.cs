namespace Sprig.Definitions;

/// <summary>The one detector of the deferred wrappers an injection point may ask for: <see cref="Lazy{T}"/> and <see cref="Func{TResult}"/>.</summary>
internal static class DeferredType
{
    /// <summary>Tells whether <paramref name="type"/> is <c>Lazy&lt;T&gt;</c> or <c>Func&lt;T&gt;</c>, and gives T and which it is.</summary>
    public static bool Is(Type type, out Type inner, out bool lazy)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(Lazy<>) || definition == typeof(Func<>)))
        {
            inner = type.GetGenericArguments()[0];
            lazy = definition == typeof(Lazy<>);
            return true;
        }

        inner = type;
        lazy = false;
        return false;
    }

    /// <summary>Returns T of <c>Lazy&lt;T&gt;</c> or <c>Func&lt;T&gt;</c>, or <paramref name="type"/> itself.</summary>
    public static Type Unwrap(Type type) => Is(type, out var inner, out _) ? inner : type;
}
