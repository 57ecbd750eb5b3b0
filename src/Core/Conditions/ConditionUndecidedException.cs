namespace Sprig.Conditions;

/// <summary>Thrown inside condition evaluation when a condition asks about a component that is not decided yet; the condition is retried later.</summary>
internal sealed class ConditionUndecidedException : Exception
{
    public ConditionUndecidedException()
    {
    }

    public ConditionUndecidedException(string message)
        : base(message)
    {
    }

    public ConditionUndecidedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
