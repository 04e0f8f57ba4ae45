using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Sinks;

/// <summary>Writes each record as a line to standard output (or a given writer).</summary>
public sealed class ConsoleSink<T>(Func<T, string>? format = null, TextWriter? writer = null) : ISinkDefinition<T>
{
    public string Describe() => "console";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register)
    {
        var output = writer ?? Console.Out;
        return new ReportingStage<ISinkControl>(new SinkStage<T>(name, r => output.WriteLine(format is null ? r.Value?.ToString() : format(r.Value)), signalCompleted), register);
    }
}
