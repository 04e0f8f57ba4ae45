using System.Collections.Immutable;
using Akka.Configuration;

namespace Streamline.Samples.Etl.Normalize;

/// <summary>Line-level boilerplate removal thresholds; defaults and their rationale live in <c>reference.conf</c>.</summary>
public sealed record BoilerplateSettings
{
    public const string ConfigPath = "streamline.samples.etl.normalize.boilerplate";

    /// <summary>Case-insensitive phrases marking a policy/banner line (C4's list plus common footer text).</summary>
    public ImmutableArray<string> Phrases { get; init; } = [];

    /// <summary>Phrase lines longer than this are kept: a real paragraph may mention "privacy policy" in passing.</summary>
    public int PhraseLineMaxWords { get; init; } = 40;

    /// <summary>A line this short that repeats within a document is navigation, not content.</summary>
    public int RepeatedLineMaxWords { get; init; } = 4;

    public int RepeatedLineMinOccurrences { get; init; } = 2;

    /// <summary>Lines split by '|' or '•' into at least this many short items ("Home | News | About") are menus.</summary>
    public int MenuMinItems { get; init; } = 3;

    public static BoilerplateSettings Default { get; } = FromConfig(SamplesConfig.Reference);

    public static BoilerplateSettings FromConfig(Config config)
    {
        var section = SamplesConfig.Section(config, ConfigPath);
        return new BoilerplateSettings
        {
            Phrases = [.. section.GetStringList("phrases").Select(p => p.Trim()).Where(p => p.Length > 0)],
            PhraseLineMaxWords = section.GetInt("phrase-line-max-words"),
            RepeatedLineMaxWords = section.GetInt("repeated-line-max-words"),
            RepeatedLineMinOccurrences = section.GetInt("repeated-line-min-occurrences"),
            MenuMinItems = section.GetInt("menu-min-items"),
        };
    }
}
