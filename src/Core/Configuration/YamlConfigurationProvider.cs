using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sprig.Configuration;

/// <summary>
/// Flattens a YAML document into configuration keys the way the JSON provider does: nested mappings join with ':' and sequence
/// items are numbered (<c>VllmWorker:Models:0</c>). A malformed file fails with its line and column.
/// </summary>
internal sealed class YamlConfigurationProvider(YamlConfigurationSource source) : FileConfigurationProvider(source)
{
    public override void Load(Stream stream)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var yaml = new YamlStream();
        using var reader = new StreamReader(stream);
        var parser = new Parser(reader);
        try
        {
            yaml.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Some scanner errors carry no position: report the last place the parser reached.
            var mark = parser.Current?.End;
            throw new FormatException(
                $"line {mark?.Line ?? 1}, column {mark?.Column ?? 1}: the YAML is not well-formed after this point (unclosed bracket or quote?)",
                new YamlException(mark ?? Mark.Empty, mark ?? Mark.Empty, ex.Message, ex));
        }

        foreach (var document in yaml.Documents)
        {
            Flatten(document.RootNode, "", data);
        }

        Data = data;
    }

    private static void Flatten(YamlNode node, string prefix, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    Flatten(value, prefix.Length == 0 ? name : $"{prefix}:{name}", data);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], $"{prefix}:{i}", data);
                }

                break;
            case YamlScalarNode scalar:
                data[prefix] = scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" ? null : scalar.Value;
                break;
        }
    }
}
