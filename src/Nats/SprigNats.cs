namespace Sprig.Nats;

/// <summary>Adds the NATS transport to a registry.</summary>
public static class SprigNats
{
    /// <summary>
    /// Registers the NATS transport, and its "nats" health check (<see cref="NatsHealthChecks"/>), in a private registry. <see cref="PendingRegistry.Instance"/> finds it by itself in every
    /// application that references Sprig.Nats. The transport is in only when <c>Sprig:Nats:Url</c> is set. Calling this twice
    /// registers it once.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <returns>The registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    /// <example>
    /// <code>
    /// var registry = new PendingRegistry().Register&lt;Calculator&gt;().AddNats();
    /// var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Sprig:Nats:Url", "nats://127.0.0.1:4222")]).Build();
    /// using var context = new ApplicationContext(registry, configuration);
    /// context.Refresh();
    /// </code>
    /// </example>
    public static PendingRegistry AddNats(this PendingRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var (definitions, _, _) = registry.Snapshot().Freeze();
        return definitions.Any(d => d.Type == typeof(NatsTransport) || d.ImplementationType == typeof(NatsTransport))
            ? registry
            : registry.Register<NatsTransport>().Register<NatsHealthChecks>();
    }
}
