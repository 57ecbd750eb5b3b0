using System.Diagnostics;
using System.Text;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>The lines a child process writes to one stream, as they arrive, with waits for a line that matches.</summary>
internal sealed class OutputLines
{
    private readonly object _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private string? _closed;

    /// <summary>Gets a copy of the lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Records a line and wakes the waits it matches.</summary>
    public void Add(string line)
    {
        List<TaskCompletionSource<string>> found = [];
        lock (_lock)
        {
            _lines.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    found.Add(_waiters[i].Found);
                    _waiters.RemoveAt(i);
                }
            }
        }

        found.ForEach(f => f.TrySetResult(line));
    }

    /// <summary>Ends the stream (the process exited): waits that have not matched fail at once, saying why.</summary>
    public void Close(string why)
    {
        List<TaskCompletionSource<string>> waiting;
        lock (_lock)
        {
            _closed = why;
            waiting = [.. _waiters.Select(w => w.Found)];
            _waiters.Clear();
        }

        waiting.ForEach(w => w.TrySetException(new InvalidOperationException(why)));
    }

    /// <summary>Counts the lines so far that match.</summary>
    public int Count(Func<string, bool> match)
    {
        lock (_lock)
        {
            return _lines.Count(match);
        }
    }

    /// <summary>Returns the first line, past or future, that matches; fails after <paramref name="timeout"/> or when the stream ends first.</summary>
    /// <param name="match">The line wanted.</param>
    /// <param name="what">What the line means, for the failure message.</param>
    /// <param name="timeout">The bound of the wait.</param>
    /// <param name="describe">The process's output, for the failure message.</param>
    /// <param name="cancellationToken">Abandons the wait (when another wait won).</param>
    public async Task<string> WaitForAsync(Func<string, bool> match, string what, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_closed is not null)
            {
                throw new InvalidOperationException($"{_closed} before {what}.\n{describe()}");
            }

            _waiters.Add((match, found));
        }

        var waited = Stopwatch.StartNew();
        try
        {
            return await found.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {waited.Elapsed.TotalSeconds:0.#} s for {what}; it did not come.\n{describe()}");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} before {what}.\n{describe()}");
        }
    }

    /// <summary>Returns the lines as text, the last <paramref name="tail"/> of them.</summary>
    public string Text(int tail = 60)
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            if (_lines.Count > tail)
            {
                text.Append("  ... ").Append(_lines.Count - tail).Append(" earlier lines\n");
            }

            foreach (var line in _lines.Skip(Math.Max(0, _lines.Count - tail)))
            {
                text.Append("  ").Append(line).Append('\n');
            }

            return text.ToString();
        }
    }
}
