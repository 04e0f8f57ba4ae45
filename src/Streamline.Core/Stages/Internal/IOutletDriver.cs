using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Records;

namespace Streamline.Core.Stages.Internal;

/// <summary>Moves queued elements of one typed <see cref="Operators.Output{T}"/> to its outlet.</summary>
internal interface IOutletDriver
{
    Outlet Outlet { get; }

    bool HasPending { get; }

    bool IsClosed { get; }

    void EmitControl(ControlSignal signal);

    /// <summary>Pushes one element if the outlet has demand; true if something was pushed.</summary>
    bool TryPush(StageLogicBase logic);

    void MarkClosed();

    void Install(StageLogicBase logic, Action onPull, Action<Exception> onDownstreamFinish);
}

internal sealed class OutletDriver<T>(Outlet<StreamElement<T>> outlet, Operators.Output<T> output) : IOutletDriver
{
    public Outlet Outlet => outlet;

    public Operators.Output<T> Output => output;

    public bool HasPending => output.HasPending;

    public bool IsClosed => !output.Open;

    public void EmitControl(ControlSignal signal) => output.EmitControl(signal);

    public bool TryPush(StageLogicBase logic)
    {
        if (!output.Open || !logic.CanPush(outlet)) return false;
        var next = output.TakeNext();
        if (next is null) return false;
        logic.PushElement(outlet, next);
        return true;
    }

    public void MarkClosed() => output.Open = false;

    public void Install(StageLogicBase logic, Action onPull, Action<Exception> onDownstreamFinish) =>
        logic.SetOutHandler(outlet, onPull, onDownstreamFinish);
}
