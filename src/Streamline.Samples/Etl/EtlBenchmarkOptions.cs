using Akka.Configuration;
using Streamline.Samples.Etl.Generator;

namespace Streamline.Samples.Etl;

/// <summary>Inputs of <see cref="EtlBenchmark"/>: the corpus to process and the pipeline settings.</summary>
public sealed class EtlBenchmarkOptions
{
    /// <summary>Defaults to ~2,700 documents (~5 MB of JSONL): long enough to time, short enough for a CI run.</summary>
    public CorpusGeneratorSettings Corpus { get; set; } = new()
    {
        GoodDocuments = 2000,
        HtmlDocuments = 200,
        PiiDocuments = 200,
        ExactDuplicates = 150,
        NearDuplicatesPerLevel = 50,
        RejectsPerCategory = 20,
        NonEnglishPerLanguage = 10,
    };

    public Config? Config { get; set; }
}
