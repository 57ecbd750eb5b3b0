namespace Sprig.Diagnostics;

/// <summary>One link of a component as diagnostics show it, with the entry it leads to when that is a component of the table (null for a framework service).</summary>
internal readonly record struct ComponentLink(string Component, string Kind, ComponentEntry? Target);
