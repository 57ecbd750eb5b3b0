namespace Sprig.Definitions;

/// <summary>How a component's instance comes into being.</summary>
internal enum ComponentKind
{
    /// <summary>A class the container constructs and injects.</summary>
    Class,

    /// <summary>An object registered as it is (<see cref="PendingRegistry.RegisterInstance"/>); never disposed by the context.</summary>
    Instance,

    /// <summary>The result of a method on another component: a <see cref="BeanAttribute"/> method, or a provider's <see cref="IProvider{T}.Get"/>.</summary>
    Factory,

    /// <summary>A <c>ServiceDescriptor</c>'s factory delegate, called with the resolving provider (and the service key).</summary>
    Delegate,
}

/// <summary>What the factory method of a <see cref="ComponentKind.Factory"/> component is.</summary>
internal enum FactoryKind
{
    /// <summary>Not a factory component.</summary>
    None,

    /// <summary>A [Bean] method of a [Configuration] class (or a static one).</summary>
    BeanMethod,

    /// <summary>The Get method of an <see cref="IProvider{T}"/> component, whose own instance is infrastructure.</summary>
    Provider,
}
