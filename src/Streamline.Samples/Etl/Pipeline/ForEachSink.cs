using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>Calls an action per record (counting, logging); synchronous, so signals complete right away.</summary>
public sealed class ForEachSink<T> : ISinkDefinition<T>
{
    private readonly Action<T> _action;

    public ForEachSink(Action<T> action) => _action = action ?? throw new ArgumentNullException(nameof(action));

    public string Describe() => "for-each";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register) =>
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, r => _action(r.Value), signalCompleted), register);
}
