using Akka.Configuration;

namespace Streamline.Runtime;

/// <summary>The runtime's embedded reference.conf (exchange settings and the serializer bindings a node needs).</summary>
public static class RuntimeConfig
{
    public static Config Default()
    {
        using var stream = typeof(RuntimeConfig).Assembly.GetManifestResourceStream("Streamline.Runtime.reference.conf")
            ?? throw new InvalidOperationException("Streamline.Runtime.reference.conf is not embedded");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
