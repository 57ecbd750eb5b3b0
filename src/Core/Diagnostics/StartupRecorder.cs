using System.Diagnostics;

namespace Sprig.Diagnostics;

/// <summary>
/// Records <see cref="ApplicationContext.StartupSteps"/> while a context refreshes: one step per refresh phase, per component
/// creation and per component's [PostConstruct] and [OnStart] hooks. Cheap enough to be always on: a step is a struct in one
/// array per context, timed with <see cref="Stopwatch.GetTimestamp"/>; nothing else is allocated per component. Recording
/// ends with refresh, so that components created later (prototypes, Request components, lazy singletons) never grow it.
/// </summary>
internal sealed class StartupRecorder
{
    public const string Create = "create";
    public const string PostConstruct = "post-construct";
    public const string OnStart = "on-start";

    private readonly Lock _gate = new();
    private Step[] _steps = [];
    private int _count;
    private long _origin;
    private volatile bool _recording;

    /// <summary>Starts the clock: every step's start is an offset from this moment.</summary>
    public void Start()
    {
        _origin = Stopwatch.GetTimestamp();
        _recording = true;
    }

    /// <summary>Ends recording: steps begun afterwards are not recorded (those under way still end).</summary>
    public void Stop() => _recording = false;

    /// <summary>Makes room for about <paramref name="steps"/> more steps, so that the array does not grow step by step.</summary>
    public void Reserve(int steps)
    {
        lock (_gate)
        {
            if (_count + steps > _steps.Length)
            {
                Array.Resize(ref _steps, _count + steps);
            }
        }
    }

    /// <summary>Begins a step; returns its handle for <see cref="End"/>, or -1 when nothing is being recorded.</summary>
    public int Begin(string name, string phase)
    {
        if (!_recording)
        {
            return -1;
        }

        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_count == _steps.Length)
            {
                Array.Resize(ref _steps, Math.Max(16, _steps.Length * 2));
            }

            _steps[_count] = new Step(name, phase, now, 0);
            return _count++;
        }
    }

    /// <summary>Begins a refresh phase's step (named after the phase), ended when the result is disposed.</summary>
    public StartupStepScope Measure(string phase) => new(this, Begin(phase, phase));

    /// <summary>Ends the step <paramref name="handle"/> (nothing for -1).</summary>
    public void End(int handle)
    {
        if (handle < 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _steps[handle].End = now;
        }
    }

    /// <summary>Returns the steps that have ended, in the order they began.</summary>
    public IReadOnlyList<StartupStep> Steps()
    {
        lock (_gate)
        {
            var steps = new List<StartupStep>(_count);
            for (var i = 0; i < _count; i++)
            {
                var step = _steps[i];
                if (step.End != 0)
                {
                    // Both ends from the same origin: a step that ended before another began has Start + Duration <= the other's Start.
                    var start = Stopwatch.GetElapsedTime(_origin, step.Start);
                    steps.Add(new StartupStep(step.Name, step.Phase, start, Stopwatch.GetElapsedTime(_origin, step.End) - start));
                }
            }

            return steps.AsReadOnly();
        }
    }

    private struct Step(string name, string phase, long start, long end)
    {
        public readonly string Name = name;
        public readonly string Phase = phase;
        public readonly long Start = start;
        public long End = end;
    }
}
