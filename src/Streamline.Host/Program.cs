using System.CommandLine;
using Streamline.Host.Commands;

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
    return DemoCommand.RunAsync(r, TimeSpan.FromSeconds(w), s is { } n ? TimeSpan.FromSeconds(n) : null, ct);
});
root.Subcommands.Add(demo);

return await root.Parse(args).InvokeAsync();
