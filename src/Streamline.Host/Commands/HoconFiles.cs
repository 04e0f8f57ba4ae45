using Akka.Configuration;

namespace Streamline.Host.Commands;

/// <summary>Loads a HOCON file, resolving <c>include "file"</c> relative to the including file.</summary>
public static class HoconFiles
{
    public static Config Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"configuration file '{path}' does not exist (looked at {full}); pass --config with a file from cluster-config/", full);
        return ConfigurationFactory.ParseString(Expand(full, new HashSet<string>()));
    }

    // Akka's parser leaves file includes to the caller; inline them textually (they are HOCON objects).
    private static string Expand(string file, HashSet<string> seen)
    {
        if (!seen.Add(file)) throw new InvalidOperationException($"configuration include cycle at '{file}'");
        var dir = Path.GetDirectoryName(file)!;
        var lines = File.ReadAllLines(file).Select(line =>
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("include ", StringComparison.Ordinal)) return line;
            var name = trimmed["include ".Length..].Trim().Trim('"');
            var included = Path.Combine(dir, name);
            return File.Exists(included) ? Expand(included, seen) : throw new FileNotFoundException($"'{file}' includes '{name}', which does not exist", included);
        });
        return string.Join('\n', lines);
    }
}
