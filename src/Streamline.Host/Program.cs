using System.CommandLine;
using Streamline.Host.Commands;

// Ctrl+C stops the running command cleanly (sources stop, in-flight records drain) instead of killing the process.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
CancellationToken Link(CancellationToken ct) => CancellationTokenSource.CreateLinkedTokenSource(ct, interrupted.Token).Token;

var root = new RootCommand("streamline: a distributed streaming dataflow runtime for .NET");

var rate = new Option<int>("--rate") { Description = "page views produced per second", DefaultValueFactory = _ => 2000 };
var window = new Option<int>("--window-seconds") { Description = "tumbling window size in seconds", DefaultValueFactory = _ => 5 };
var seconds = new Option<int?>("--seconds") { Description = "stop after this many seconds (default: run until Ctrl+C)" };
var demo = new Command("demo", "run the demo on embedded defaults: embedded Kafka, one node, windowed counts shown live") { rate, window, seconds };
demo.SetAction((parse, ct) =>
{
    var r = parse.GetValue(rate);
    var w = parse.GetValue(window);
    if (r < 1) throw new ArgumentOutOfRangeException("--rate", r, "--rate must be at least 1");
    if (w < 1) throw new ArgumentOutOfRangeException("--window-seconds", w, "--window-seconds must be at least 1");
    var s = parse.GetValue(seconds);
    return DemoCommand.RunAsync(r, TimeSpan.FromSeconds(w), s is { } n ? TimeSpan.FromSeconds(n) : null, Link(ct));
});
root.Subcommands.Add(demo);

var input = new Option<string?>("--input") { Description = "directory of jsonl / jsonl.gz / jsonl.zst / parquet documents (default: generate a corpus with planted duplicates, spam and PII)" };
var output = new Option<string?>("--output") { Description = "directory for the shards and manifest.json (default: a new temp directory)" };
var etl = new Command("etl", "run the LLM training-data ETL sample and print its report") { input, output };
etl.SetAction(async (parse, ct) =>
{
    var options = new Streamline.Samples.Etl.EtlJobOptions { InputDirectory = parse.GetValue(input), OutputDirectory = parse.GetValue(output) };
    options.Validate();
    await Streamline.Samples.Etl.EtlJob.RunAsync(options, Console.Out, Link(ct));
    return 0;
});
root.Subcommands.Add(etl);

var config = new Option<string>("--config") { Description = "HOCON file of the node (see cluster-config/)", DefaultValueFactory = _ => "cluster-config/single-node.conf" };
var submit = new Option<string?>("--submit") { Description = "submit this registered pipeline once the node is Up" };
var kafka = new Option<string?>("--kafka") { Description = "Kafka bootstrap servers for the registered demo pipeline" };
var statusEvery = new Option<int>("--status-every") { Description = "with --submit: print every task's status (node, records in/out, backpressure, watermark) every N seconds; 0 = only state changes", DefaultValueFactory = _ => 0 };
var fromSavepoint = new Option<long?>("--from-savepoint") { Description = "with --submit: start the pipeline from this savepoint (its id, printed by `streamline savepoint`) instead of its last checkpoint" };
var node = new Command("node", "run a cluster node that hosts pipeline tasks") { config, submit, fromSavepoint, kafka, statusEvery };
node.Validators.Add(result =>
{
    if (result.GetValue(fromSavepoint) is not null && result.GetValue(submit) is null)
        result.AddError("--from-savepoint needs --submit: it names the savepoint the submitted pipeline starts from");
});
node.SetAction((parse, ct) => Streamline.Host.Commands.NodeCommand.RunAsync(parse.GetValue(config)!, parse.GetValue(submit), parse.GetValue(fromSavepoint), parse.GetValue(kafka), parse.GetValue(statusEvery), Link(ct)));
root.Subcommands.Add(node);

// Pipeline operations against a running cluster, through any node's health or management endpoint.
var url = new Option<string>("--url") { Description = "a node's health or management endpoint, e.g. http://127.0.0.1:8559 (`streamline node` prints it at start)", Required = true };
var operationTimeout = new Option<int>("--timeout") { Description = "seconds to wait for the node's answer (a stop waits until every record in flight drained)", DefaultValueFactory = _ => 300 };
var pipelineName = new Option<string>("--pipeline") { Description = "name of a running pipeline", Required = true };
var statusPipeline = new Option<string?>("--pipeline") { Description = "show this pipeline's status and every task (default: list the running pipelines)" };
operationTimeout.Validators.Add(result =>
{
    if (result.GetValue(operationTimeout) < 1) result.AddError("--timeout must be at least 1 second");
});
TimeSpan OperationTimeout(ParseResult parse) => TimeSpan.FromSeconds(parse.GetValue(operationTimeout));

var status = new Command("status", "list the pipelines running in the cluster, or show one pipeline's status and tasks") { url, statusPipeline, operationTimeout };
status.SetAction((parse, ct) => OperationsCommand.StatusAsync(parse.GetValue(url)!, parse.GetValue(statusPipeline), OperationTimeout(parse), Link(ct)));
root.Subcommands.Add(status);
var savepoint = new Command("savepoint", "take a savepoint of a running pipeline now and print its id") { url, pipelineName, operationTimeout };
savepoint.SetAction((parse, ct) => OperationsCommand.SavepointAsync(parse.GetValue(url)!, parse.GetValue(pipelineName)!, OperationTimeout(parse), Link(ct)));
root.Subcommands.Add(savepoint);
var anyPipeline = new Option<string>("--pipeline") { Description = "name of a pipeline, running or not", Required = true };
var savepointId = new Option<long>("--savepoint") { Description = "id of the savepoint (as `streamline savepoints` lists them)", Required = true };
var savepoints = new Command("savepoints", "list a pipeline's savepoints (kept until deleted), whether it runs or not") { url, anyPipeline, operationTimeout };
savepoints.SetAction((parse, ct) => OperationsCommand.SavepointsAsync(parse.GetValue(url)!, parse.GetValue(anyPipeline)!, OperationTimeout(parse), Link(ct)));
root.Subcommands.Add(savepoints);
var deleteSavepoint = new Command("delete-savepoint", "delete a savepoint: its stored state, then its entry (not the one a running pipeline would restore from)") { url, anyPipeline, savepointId, operationTimeout };
deleteSavepoint.SetAction((parse, ct) => OperationsCommand.DeleteSavepointAsync(parse.GetValue(url)!, parse.GetValue(anyPipeline)!, parse.GetValue(savepointId), OperationTimeout(parse), Link(ct)));
root.Subcommands.Add(deleteSavepoint);
var stop = new Command("stop", "stop a running pipeline cleanly: its sources stop, records in flight drain; returns when it finished") { url, pipelineName, operationTimeout };
stop.SetAction((parse, ct) => OperationsCommand.StopAsync(parse.GetValue(url)!, parse.GetValue(pipelineName)!, OperationTimeout(parse), Link(ct)));
root.Subcommands.Add(stop);

var brokers = new Option<int>("--brokers") { Description = "number of mock brokers", DefaultValueFactory = _ => 1 };
var topics = new Option<string[]>("--topic") { Description = "topic to create, name or name:partitions (repeatable)", AllowMultipleArgumentsPerToken = true };
var kafkaCommand = new Command("kafka", "run an embedded Kafka (librdkafka mock cluster) until Ctrl+C and print its bootstrap servers") { brokers, topics };
kafkaCommand.SetAction((parse, ct) => Streamline.Host.Commands.KafkaCommand.RunAsync(parse.GetValue(brokers), parse.GetValue(topics) ?? Array.Empty<string>(), Link(ct)));
root.Subcommands.Add(kafkaCommand);

// Options of the runner are parsed by NexmarkBenchOptions itself (--query --mode --events --warmup --tps --rate ...).
var nexmark = new Command("nexmark", "run a Nexmark query: engine-only throughput (generator → query → discard) or latency at a fixed rate")
{
    TreatUnmatchedTokensAsErrors = false,
};
nexmark.SetAction(async (parse, ct) =>
{
    var options = Streamline.Nexmark.Bench.NexmarkBenchOptions.Parse(parse.UnmatchedTokens.ToList());
    var result = await Streamline.Nexmark.Bench.NexmarkBenchmark.RunAsync(options, Console.Out, Link(ct));
    Console.WriteLine(result.Format());
    return 0;
});
var bench = new Command("bench", "benchmarks that print figures") { nexmark };
root.Subcommands.Add(bench);

return await root.Parse(args).InvokeAsync();
