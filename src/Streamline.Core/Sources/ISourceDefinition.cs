using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Stages;
using Streamline.Core.Time;

namespace Streamline.Core.Sources;

/// <summary>
/// A source a pipeline reads from (Kafka, a collection, a generator). Creates the stage of one
/// parallel instance: no inlets; outlet 0 records, outlet 1 dead letters.
/// </summary>
public interface ISourceDefinition<T>
{
    string Describe();

    /// <summary>How event time is assigned; the test harness applies it to pushed records too.</summary>
    WatermarkStrategy<T> WatermarkStrategy { get; }

    /// <param name="register">Receives the control of the instance when it materializes.</param>
    IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register);
}
