namespace Streamline.Samples.Etl.Normalize;

/// <summary>
/// Removes boilerplate lines from cleaned text: cookie/policy/copyright lines (phrase match on short lines),
/// short lines that repeat inside the same document (menus, breadcrumbs, "Share" buttons) and pipe-separated
/// menus. Each heuristic is a separate, configurable predicate so a false positive can be traced to one rule.
/// </summary>
public sealed class BoilerplateRemover
{
    private static readonly char[] MenuSeparators = ['|', '•', '·', '»'];

    private readonly BoilerplateSettings _settings;

    public BoilerplateRemover(BoilerplateSettings? settings = null) => _settings = settings ?? BoilerplateSettings.Default;

    /// <summary>Returns the text without boilerplate lines; <paramref name="removedLines"/> counts what was dropped.</summary>
    public string Remove(string text, out int removedLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var key = line.Trim();
            if (key.Length > 0 && WordCount(key) <= _settings.RepeatedLineMaxWords)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        removedLines = 0;
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && IsBoilerplate(trimmed, counts))
            {
                removedLines++;
                continue;
            }

            kept.Add(line);
        }

        return TextCleaner.Clean(string.Join('\n', kept));
    }

    public string Remove(string text) => Remove(text, out _);

    private bool IsBoilerplate(string line, Dictionary<string, int> counts)
    {
        var words = WordCount(line);
        if (words <= _settings.RepeatedLineMaxWords && counts.GetValueOrDefault(line) >= _settings.RepeatedLineMinOccurrences)
        {
            return true;
        }

        if (words <= _settings.PhraseLineMaxWords)
        {
            foreach (var phrase in _settings.Phrases)
            {
                if (line.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return IsMenu(line);
    }

    private bool IsMenu(string line)
    {
        if (line.IndexOfAny(MenuSeparators) < 0)
        {
            return false;
        }

        var items = line.Split(MenuSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length >= _settings.MenuMinItems && items.All(i => WordCount(i) <= 3);
    }

    private static int WordCount(string line)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }
}
