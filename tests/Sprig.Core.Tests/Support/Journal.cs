namespace Sprig.Tests.Support;

/// <summary>Records what test components did, in order; registered as an instance so each test has its own.</summary>
public sealed class Journal
{
    private readonly Lock _gate = new();
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Write(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
