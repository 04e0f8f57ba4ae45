using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Sinks;

/// <summary>
/// A destination (Kafka, a collection, the console). Creates the stage of one parallel instance:
/// one inlet, no outlets. The stage calls <c>signalCompleted</c> when every record before a
/// control signal (flush marker, checkpoint barrier) is durably written.
/// </summary>
public interface ISinkDefinition<T>
{
    string Describe();

    IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register);
}
