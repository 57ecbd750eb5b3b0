using Microsoft.Extensions.Configuration;

namespace Sprig.Configuration;

/// <summary>A YAML file (application.yaml) as a configuration source, read with YamlDotNet.</summary>
internal sealed class YamlConfigurationSource : FileConfigurationSource
{
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new YamlConfigurationProvider(this);
    }
}
