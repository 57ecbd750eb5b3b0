using System.Text;

namespace Sprig.Generator.Emitting;

/// <summary>Collects indented lines of generated source.</summary>
/// <param name="indent">The indentation level (four spaces each) of every line.</param>
internal sealed class SourceWriter(int indent)
{
    private readonly StringBuilder _text = new();
    private readonly string _indent = new(' ', indent * 4);

    /// <summary>Writes one line at this writer's indentation.</summary>
    public void Line(string line) => (line.Length == 0 ? _text : _text.Append(_indent).Append(line)).Append('\n');

    /// <summary>Appends lines written (and indented) by another writer.</summary>
    public void Raw(string lines) => _text.Append(lines);

    /// <summary>Writes an extern accessor method: its attribute line, then its private static declaration.</summary>
    public void Extern(string attribute, string signature)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        Line(attribute);
        Line($"private static extern {signature};");
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();
}
