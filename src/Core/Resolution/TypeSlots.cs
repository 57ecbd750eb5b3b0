namespace Sprig.Resolution;

/// <summary>Hands out the indexes of <see cref="TypeSlot{T}"/>.</summary>
internal static class TypeSlots
{
    private static int s_next = -1;

    public static int Next() => Interlocked.Increment(ref s_next);
}
