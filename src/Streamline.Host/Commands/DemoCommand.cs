using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Confluent.Kafka;
using Spectre.Console;
using Streamline.Core.Execution;
using Streamline.Core.Serdes;
using Streamline.Host.Demo;
using Streamline.Kafka.Embedded;
using Streamline.Kafka.Producer;
using Streamline.Kafka.Sink;

namespace Streamline.Host.Commands;

/// <summary>
/// `streamline demo`: embedded Kafka, a producer of page views, the counting pipeline on one
/// node, and a consumer that shows the windowed results as they arrive. Ctrl+C stops it cleanly.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(int ratePerSecond, TimeSpan window, TimeSpan? duration, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration is { } d) stop.CancelAfter(d);

        AnsiConsole.MarkupLine("[bold]Streamline demo[/]: embedded Kafka → page views per page per window → Kafka");
        using var kafka = EmbeddedKafka.Start(brokers: 1);
        kafka.CreateTopic(DemoPipeline.InputTopic, partitions: 3);
        kafka.CreateTopic(DemoPipeline.OutputTopic, partitions: 1);
        AnsiConsole.MarkupLine($"Embedded Kafka at [green]{kafka.BootstrapServers}[/]; topics '{DemoPipeline.InputTopic}' (3 partitions), '{DemoPipeline.OutputTopic}'");

        var definition = DemoPipeline.Build(kafka.BootstrapServers, window);
        AnsiConsole.WriteLine(definition.Explain());

        var system = ActorSystem.Create("streamline-demo", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var producerTask = Task.Run(() => Produce(kafka.BootstrapServers, ratePerSecond, stop.Token));
        var running = LocalRunner.Run(definition, system);
        AnsiConsole.MarkupLine($"Pipeline running; producing {ratePerSecond} views/s. Results appear when a {window.TotalSeconds:0} s window closes. [grey]Ctrl+C to stop.[/]");

        var received = 0;
        try
        {
            received = await Task.Run(() => ShowResults(kafka.BootstrapServers, stop.Token), CancellationToken.None);
        }
        finally
        {
            await producerTask;
            AnsiConsole.MarkupLine("[grey]Stopping: sources stop, in-flight records drain, sinks flush…[/]");
            running.Stop();
            try
            {
                await running.Completion.WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                AnsiConsole.MarkupLine("[yellow]The pipeline did not finish within 15 s; shutting down anyway.[/]");
            }
            await system.Terminate();
        }
        AnsiConsole.MarkupLine($"Stopped cleanly after showing {received} window results.");
        return received > 0 || duration is null ? 0 : 1;
    }

    private static void Produce(string bootstrap, int ratePerSecond, CancellationToken ct)
    {
        var settings = KafkaSinkSettings.Default.WithBootstrapServers(bootstrap).WithTopic(DemoPipeline.InputTopic);
        using var producer = new StreamlineProducer<DemoPageView>(settings, Serdes.Json<DemoPageView>(), v => System.Text.Encoding.UTF8.GetBytes(v.User));
        var traffic = new DemoTraffic();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!ct.IsCancellationRequested)
        {
            // Pace by elapsed time so the rate holds whatever the loop's own cost.
            var due = (long)(clock.Elapsed.TotalSeconds * ratePerSecond);
            for (; sent < due; sent++) producer.Produce(traffic.Next(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            ct.WaitHandle.WaitOne(10);
        }
        producer.Flush(TimeSpan.FromSeconds(5));
    }

    private static int ShowResults(string bootstrap, CancellationToken ct)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "streamline-demo-viewer", AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(new TopicPartitionOffset(DemoPipeline.OutputTopic, 0, Offset.Beginning));
        var serde = Serdes.Json<PageCount>();
        var shown = 0;
        var current = new List<PageCount>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result is null)
                {
                    if (current.Count > 0) Render(current);
                    current.Clear();
                    continue;
                }
                var count = serde.Deserialize(result.Message.Value);
                if (current.Count > 0 && current[0].WindowStart != count.WindowStart)
                {
                    Render(current);
                    current.Clear();
                }
                current.Add(count);
                shown++;
            }
        }
        finally
        {
            consumer.Close();
        }
        return shown;
    }

    private static void Render(List<PageCount> window)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(window[0].WindowStart);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(window[0].WindowEnd);
        var table = new Table().Title($"window {start:HH:mm:ss}–{end:HH:mm:ss} UTC").AddColumn("page").AddColumn(new TableColumn("views").RightAligned());
        foreach (var c in window.OrderByDescending(c => c.Views).Take(8)) table.AddRow(Markup.Escape(c.Page), c.Views.ToString());
        AnsiConsole.Write(table);
    }
}
