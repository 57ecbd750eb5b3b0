using System.Reflection;
using Sprig.Resolution;

namespace Sprig.Definitions;

/// <summary>A property or field the container sets after construction.</summary>
internal sealed record MemberInjection(MemberInfo Member, Type MemberType, Dependency Dependency, string Description)
{
    /// <summary>Gets Sprig.Generator's setter of the member, or null: reflection sets it.</summary>
    public Action<object, object?>? Set { get; init; }
}
