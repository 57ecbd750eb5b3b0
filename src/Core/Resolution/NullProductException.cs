namespace Sprig.Resolution;

/// <summary>Signals, inside creation, that a factory returned null; turned into a <see cref="ComponentCreationException"/>.</summary>
internal sealed class NullProductException : Exception
{
    public NullProductException()
        : base("The factory returned null.")
    {
    }

    public NullProductException(string message)
        : base(message)
    {
    }

    public NullProductException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static object Check(object? product) => product ?? throw new NullProductException();
}
