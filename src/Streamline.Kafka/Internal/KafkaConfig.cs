using System.Collections.Immutable;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Streamline.Kafka.Internal;

/// <summary>Reading <c>streamline.kafka.*</c> sections with the embedded reference.conf as fallback.</summary>
internal static class KafkaConfig
{
    private static readonly Lazy<Config> Reference = new(LoadReference);

    public static Config ReferenceConfig => Reference.Value;

    /// <summary>The section at <paramref name="path"/> of <paramref name="config"/> over the reference defaults.</summary>
    public static Config Section(Config? config, string path)
    {
        var merged = config is null || config.IsEmpty ? Reference.Value : config.WithFallback(Reference.Value);
        return merged.GetConfig(path);
    }

    public static int PositiveInt(Config section, string key, string settingsName)
    {
        var value = section.GetInt(key);
        return value > 0 ? value : throw Invalid(settingsName, key, value, "must be greater than 0");
    }

    public static TimeSpan PositiveDuration(Config section, string key, string settingsName)
    {
        var value = section.GetTimeSpan(key);
        return value > TimeSpan.Zero ? value : throw Invalid(settingsName, key, value, "must be a positive duration");
    }

    /// <summary>
    /// Flattens a properties block into librdkafka keys: both <c>{ "linger.ms" = 5 }</c> and
    /// unquoted <c>{ linger.ms = 5 }</c> (which HOCON parses as nested objects) give "linger.ms".
    /// </summary>
    public static ImmutableDictionary<string, string> Properties(Config section, string key)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (!section.HasPath(key)) return builder.ToImmutable();
        Flatten(section.GetValue(key), prefix: "", builder);
        return builder.ToImmutable();
    }

    public static ArgumentException Invalid(string settingsName, string key, object? value, string rule) =>
        new($"{settingsName}: '{key}' {rule}; got '{value}'.", key);

    private static void Flatten(HoconValue value, string prefix, ImmutableDictionary<string, string>.Builder into)
    {
        if (value.IsObject())
        {
            foreach (var (name, child) in value.GetObject().Items)
                Flatten(child, prefix.Length == 0 ? name : $"{prefix}.{name}", into);
            return;
        }
        if (prefix.Length > 0) into[prefix] = value.GetString();
    }

    private static Config LoadReference()
    {
        using var stream = typeof(KafkaConfig).Assembly.GetManifestResourceStream("Streamline.Kafka.reference.conf")
            ?? throw new InvalidOperationException("Streamline.Kafka.reference.conf is not embedded in Streamline.Kafka.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
