using Sprig.Conditions;

namespace Sprig.Web.BrowserTests.Shop;

/// <summary>
/// The shop the page is tested on: every kind of link. By type (UserController -> UserService), by name (UserService ->
/// Greeting), lazy and closing a cycle (AuditLog -> UserService -> AuditLog), a collection (Notifier -> the channels),
/// a [Bean] of a [Configuration] (Clock -> InfraConfig), a conditional component that is in (EmailChannel) and one that
/// is out (PagerChannel); [PostConstruct] and [OnStart] hooks for the timeline.
/// </summary>
public static class ShopComponents
{
    /// <summary>The components to register; "Greeting" is an instance registered by name.</summary>
    public static PendingRegistry Registry() => new PendingRegistry()
        .Register<UserController>().Register<UserService>().Register<AuditLog>().Register<InfraConfig>().Register<Notifier>()
        .Register<EmailChannel>().Register<SmsChannel>().Register<PagerChannel>()
        .RegisterInstance("Greeting", "Welcome");

    public interface IUserDirectory
    {
        string Find(int id);
    }

    public interface IChannel
    {
        string Name { get; }
    }

    public interface IClock
    {
        DateTimeOffset Now { get; }
    }

    [Component]
    public sealed class UserController(UserService users, Notifier notifier)
    {
        public string Show(int id) => users.Find(id) + notifier.Channels;
    }

    [Service]
    public sealed class UserService(AuditLog audit, IClock clock, [InjectByName("Greeting")] string greeting) : IUserDirectory
    {
        public bool Ready { get; private set; }

        [PostConstruct]
        public void Init() => Ready = true;

        [Endpoint]
        public string Find(int id)
        {
            audit.Record($"find {id} at {clock.Now:O}");
            return $"{greeting}, user {id}";
        }
    }

    [Component]
    public sealed class AuditLog([Lazy] IUserDirectory users)
    {
        private readonly List<string> _lines = [];

        public bool Started { get; private set; }

        [OnStart]
        public Task StartAsync()
        {
            Started = true;
            return Task.CompletedTask;
        }

        public void Record(string line) => _lines.Add(line);

        public string Who(int id) => users.Find(id);
    }

    [Configuration]
    public sealed class InfraConfig
    {
        [Bean]
        public IClock Clock() => new FixedClock();
    }

    public sealed class FixedClock : IClock
    {
        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
    }

    [Component]
    public sealed class Notifier(IEnumerable<IChannel> channels)
    {
        public string Channels { get; } = string.Join(", ", channels.Select(c => c.Name));
    }

    [Component]
    [ConditionalOnProperty("feature.email", HavingValue = "true")]
    public sealed class EmailChannel : IChannel
    {
        public string Name => "email";
    }

    [Component]
    public sealed class SmsChannel : IChannel
    {
        public string Name => "sms";
    }

    [Component]
    [ConditionalOnProperty("feature.pager", HavingValue = "true")]
    public sealed class PagerChannel : IChannel
    {
        public string Name => "pager";
    }
}
