using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>Shutdown stops resolution before it destroys anything, so no caller receives a destroyed component.</summary>
public sealed class ShutdownTests
{
    public sealed class Cache : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    /// <summary>Tries to resolve during shutdown, after the cache (created later) has been destroyed.</summary>
    public sealed class LateReader(ApplicationContext context)
    {
        public Exception? Failure { get; private set; }

        [PreDestroy]
        public void Stop()
        {
            try
            {
                _ = context.Get<Cache>();
            }
            catch (InvalidOperationException ex)
            {
                Failure = ex;
            }
        }
    }

    [Fact]
    public void Get_Throws_WhileTheContextIsStopping()
    {
        var context = Contexts.Create(typeof(LateReader), typeof(Cache));
        context.Refresh();
        var reader = context.Get<LateReader>();

        context.Shutdown();

        FluentActions.Invoking(context.Get<Cache>).Should().Throw<InvalidOperationException>();
        reader.Failure.Should().NotBeNull("resolution stops before [PreDestroy] hooks run");
        reader.Failure!.Message.Should().Be(
            "The context cannot resolve components while it is Stopping. Resolve components only between Refresh() and Shutdown().");
    }
}
