using Akka;
using Akka.Streams;
using Akka.Streams.Stage;

namespace Streamline.Core.Stages;

/// <summary>
/// Runs an inner stage unchanged but hands its materialized value (a control handle) to a
/// callback, so a graph of many stages can collect their controls while materializing.
/// </summary>
public sealed class ReportingStage<TMat> : GraphStageWithMaterializedValue<OperatorShape, NotUsed>
{
    private readonly GraphStageWithMaterializedValue<OperatorShape, TMat> _inner;
    private readonly Action<TMat> _report;

    public ReportingStage(GraphStageWithMaterializedValue<OperatorShape, TMat> inner, Action<TMat> report)
    {
        _inner = inner;
        _report = report;
    }

    public override OperatorShape Shape => _inner.Shape;

    protected override Attributes InitialAttributes => _inner.Module.Attributes;

    public override ILogicAndMaterializedValue<NotUsed> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var inner = _inner.CreateLogicAndMaterializedValue(inheritedAttributes);
        _report(inner.MaterializedValue);
        return new LogicAndMaterializedValue<NotUsed>(inner.Logic, NotUsed.Instance);
    }
}
