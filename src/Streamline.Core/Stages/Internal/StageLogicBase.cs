using Akka.Streams;
using Akka.Streams.Stage;

namespace Streamline.Core.Stages.Internal;

/// <summary>
/// Common plumbing of Streamline stages: queued outputs per outlet, pushing as demand allows,
/// and completing once the input is done and every queue drained.
/// </summary>
internal abstract class StageLogicBase : TimerGraphStageLogic
{
    private IOutletDriver[] _drivers = Array.Empty<IOutletDriver>();
    private bool _completing;

    protected StageLogicBase(Shape shape) : base(shape) { }

    internal bool CanPush<T>(Outlet<T> outlet) => IsAvailable(outlet) && !IsClosed(outlet);

    internal void SetOutHandler<T>(Outlet<T> outlet, Action onPull, Action<Exception> onDownstreamFinish) =>
        SetHandler(outlet, onPull, onDownstreamFinish);

    internal void PushElement<T>(Outlet<T> outlet, T element) => Push(outlet, element);

    protected IReadOnlyList<IOutletDriver> Drivers => _drivers;

    protected void SetDrivers(IOutletDriver[] drivers)
    {
        _drivers = drivers;
        foreach (var driver in drivers)
        {
            var d = driver;
            d.Install(this, () => { d.TryPush(this); AfterOutput(); }, cause =>
            {
                d.MarkClosed();
                // The main output gone means nobody needs this stage; a side output gone is fine.
                if (ReferenceEquals(d, _drivers[0]) || _drivers.All(x => x.IsClosed)) CompleteStage();
            });
        }
    }

    protected bool AllDrained
    {
        get
        {
            foreach (var d in _drivers)
                if (!d.IsClosed && d.HasPending) return false;
            return true;
        }
    }

    protected void EmitControlToAll(Records.ControlSignal signal)
    {
        foreach (var d in _drivers) d.EmitControl(signal);
    }

    /// <summary>Pushes what the outlets can take, then asks for more input or completes.</summary>
    protected void Flush()
    {
        foreach (var d in _drivers) d.TryPush(this);
        AfterOutput();
    }

    protected void CompleteWhenDrained()
    {
        _completing = true;
        Flush();
    }

    private void AfterOutput()
    {
        if (!AllDrained) return;
        if (_completing) CompleteStage();
        else OnDrained();
    }

    protected override void OnTimer(object timerKey) { }

    /// <summary>Called when every outlet queue is empty: the place to pull input.</summary>
    protected abstract void OnDrained();
}
