using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Sinks;

/// <summary>Calls an action for every record (metrics, side effects in tests). The action runs on the stream's thread.</summary>
public sealed class ForEachSink<T>(Action<T> action) : ISinkDefinition<T>
{
    public string Describe() => "for-each";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register) =>
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, r => action(r.Value), signalCompleted), register);
}
