using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Core.Time;

namespace Streamline.Testing;

/// <summary>Stands in for a pipeline's source: records come from the test, event time follows the original strategy.</summary>
internal sealed class TestSource<T>(WatermarkStrategy<T> strategy, Action<EnumerableSourceControl<T>> attach) : ISourceDefinition<T>
{
    public WatermarkStrategy<T> WatermarkStrategy => strategy;

    public string Describe() => "test input";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register) =>
        new ReportingStage<EnumerableSourceControl<T>>(new EnumerableSourceStage<T>(name, null, strategy, context), control =>
        {
            attach(control);
            register(control);
        });
}
