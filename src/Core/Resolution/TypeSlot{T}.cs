namespace Sprig.Resolution;

/// <summary>
/// A process-wide small integer per type, so that <c>Get&lt;T&gt;()</c> finds its entry with an array index instead of a
/// dictionary lookup (a static generic field is resolved by the JIT at no cost).
/// </summary>
/// <typeparam name="T">The type asked for.</typeparam>
internal static class TypeSlot<T>
{
    public static readonly int Index = TypeSlots.Next();
}
