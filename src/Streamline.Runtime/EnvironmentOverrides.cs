using System.Collections;
using Akka.Configuration;

namespace Streamline.Runtime;

/// <summary>
/// Applies the <c>streamline.environment-overrides</c> table (variable → setting path(s)) to a
/// configuration. Akka.NET's HOCON parser does not read environment variables, so the node does it;
/// comma-separated values fill list settings (seed nodes).
/// </summary>
public static class EnvironmentOverrides
{
    public static Config Apply(Config config, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!config.HasPath("streamline.environment-overrides")) return config;
        environment ??= Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        var lines = new List<string>();
        foreach (var (variable, mapping) in config.GetConfig("streamline.environment-overrides").AsEnumerable())
        {
            if (!environment.TryGetValue(variable, out var value) || value.Length == 0) continue;
            var paths = mapping.IsArray() ? mapping.GetStringList() : new[] { mapping.GetString() };
            foreach (var path in paths)
            {
                var current = config.HasPath(path) ? config.GetValue(path) : null;
                var hocon = current is not null && current.IsArray()
                    ? "[" + string.Join(",", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Quote)) + "]"
                    : Quote(value);
                lines.Add($"{path} = {hocon}");
            }
        }
        return lines.Count == 0 ? config : ConfigurationFactory.ParseString(string.Join("\n", lines)).WithFallback(config);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
