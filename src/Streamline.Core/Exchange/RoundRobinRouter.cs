using Streamline.Core.Records;

namespace Streamline.Core.Exchange;

/// <summary>Spreads records evenly (rebalance); one instance per sending task.</summary>
public sealed class RoundRobinRouter<T> : IRecordRouter<T>
{
    private int _next;

    public int Route(in Record<T> record, int targets)
    {
        var target = _next;
        _next = target + 1 == targets ? 0 : target + 1;
        return target;
    }
}
