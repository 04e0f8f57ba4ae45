using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Graph;
using Streamline.Core.Records;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Etl.Shards;

namespace Streamline.Samples.Etl;

/// <summary>
/// The ETL job behind <c>streamline etl</c>: reads a directory of JSONL/Parquet files (or generates a
/// synthetic corpus), runs <see cref="TrainingDataPipeline"/> with the local runner, writes shards with
/// <see cref="ShardSink"/> and prints an <see cref="EtlReport"/>.
/// </summary>
public static class EtlJob
{
    public const string PipelineName = "training-data-etl";

    private static readonly Config QuietAkka = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING");

    /// <summary>Runs to the end of the input. On cancellation the sources stop, what was read is committed, and the call throws.</summary>
    public static async Task<EtlReport> RunAsync(EtlJobOptions options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Validate();
        var settings = EtlPipelineSettings.FromConfig(options.Config ?? Config.Empty);
        string? generated = null;
        try
        {
            var input = options.InputDirectory;
            if (input is null)
            {
                generated = Path.Combine(Path.GetTempPath(), "streamline-etl-input-" + Guid.NewGuid().ToString("N"));
                var corpus = CorpusGenerator.Generate(options.Corpus);
                CorpusFiles.WriteJsonlZstd(corpus, generated, options.GeneratedFiles);
                await output.WriteLineAsync($"generated {corpus.Count:N0} documents into {generated}").ConfigureAwait(false);
                input = generated;
            }

            var outputDirectory = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "streamline-etl-output-" + Guid.NewGuid().ToString("N"));
            var counters = new EtlCounters();
            var definition = Define(input, outputDirectory, settings, counters);
            await output.WriteLineAsync($"reading {input}").ConfigureAwait(false);

            var system = ActorSystem.Create("streamline-etl", QuietAkka);
            try
            {
                var stopwatch = Stopwatch.StartNew();
                var running = LocalRunner.Run(definition, system);
                using (ct.Register(running.Stop))
                {
                    await running.Completion.ConfigureAwait(false);
                }

                stopwatch.Stop();
                var report = EtlReport.From(counters, stopwatch.Elapsed, ShardReader.ReadManifest(outputDirectory).Shards.Length, outputDirectory);
                report.WriteTo(output);
                ct.ThrowIfCancellationRequested();
                return report;
            }
            finally
            {
                await system.Terminate().ConfigureAwait(false);
            }
        }
        finally
        {
            if (generated is not null)
            {
                TryDelete(generated);
            }
        }
    }

    /// <summary>The job's pipeline: file source → training-data pipeline → shard sink; dead letters are counted.</summary>
    public static PipelineDefinition Define(string inputDirectory, string outputDirectory, EtlPipelineSettings settings, EtlCounters counters)
    {
        var p = PipelineBuilder.Create(PipelineName);
        var lines = p.Source(new FileSource(inputDirectory), "input-files");
        var streams = TrainingDataPipeline.Build(lines, settings, counters);
        streams.Kept.To(new ShardSink(outputDirectory, settings.Shards), "shards");
        p.DeadLetters().To(new ForEachSink<DeadLetter>(_ => counters.OnFailed()), "failed");
        return p.Build();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A generated input left in the temp dir is harmless; the job's result does not depend on it.
        }
    }
}
