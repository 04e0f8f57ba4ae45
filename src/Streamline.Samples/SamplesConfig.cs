using System.Reflection;
using Akka.Configuration;

namespace Streamline.Samples;

/// <summary>Loads the embedded <c>reference.conf</c> holding the documented defaults of every sample setting.</summary>
public static class SamplesConfig
{
    private const string ResourceName = "Streamline.Samples.reference.conf";

    private static readonly Lazy<Config> LazyReference = new(Load);

    public static Config Reference => LazyReference.Value;

    /// <summary>The section at <paramref name="path"/> of <paramref name="config"/>, falling back to the reference defaults.</summary>
    public static Config Section(Config? config, string path)
    {
        var fallback = Reference.GetConfig(path) ?? Config.Empty;
        if (config is null || config.IsEmpty || !config.HasPath(path))
        {
            return fallback;
        }

        return config.GetConfig(path).WithFallback(fallback);
    }

    private static Config Load()
    {
        using var stream = typeof(SamplesConfig).GetTypeInfo().Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
