namespace Sprig.Diagnostics;

/// <summary>
/// The problems refresh found, collected so that all are reported at once. Each is rendered once the dependency graph is known,
/// so that its message can show the path that leads to the component.
/// </summary>
internal sealed class Problems
{
    private readonly List<(ComponentEntry? Owner, Func<IReadOnlyList<string>, ContainerException> Make)> _items = [];

    public Problems()
    {
    }

    /// <summary>Initializes a collection that starts with the problems of <paramref name="earlier"/> (which stays unchanged).</summary>
    public Problems(Problems earlier) => _items.AddRange(earlier._items);

    public int Count => _items.Count;

    public void Add(ComponentEntry? owner, Func<IReadOnlyList<string>, ContainerException> make) => _items.Add((owner, make));

    public void Add(ContainerException problem) => _items.Add((null, _ => problem));

    public List<ContainerException> Render(Func<ComponentEntry, IReadOnlyList<string>> pathTo) =>
        [.. _items.Select(p => p.Make(p.Owner is null ? [] : pathTo(p.Owner)))];
}
