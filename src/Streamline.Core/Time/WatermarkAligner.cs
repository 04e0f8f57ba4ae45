namespace Streamline.Core.Time;

/// <summary>
/// Combines the watermarks of several channels (partitions or inputs): the combined watermark is
/// the minimum over active channels, never goes backwards, and ignores idle channels. When all
/// channels are idle the combined status is idle.
/// </summary>
public sealed class WatermarkAligner
{
    private readonly long[] _watermarks;
    private readonly bool[] _idle;

    public WatermarkAligner(int channels)
    {
        if (channels <= 0) throw new ArgumentOutOfRangeException(nameof(channels), channels, "need at least one channel");
        _watermarks = new long[channels];
        Array.Fill(_watermarks, long.MinValue);
        _idle = new bool[channels];
        Current = long.MinValue;
    }

    public int Channels => _watermarks.Length;

    /// <summary>The combined watermark emitted so far.</summary>
    public long Current { get; private set; }

    public bool AllIdle => Array.TrueForAll(_idle, i => i);

    public long ChannelWatermark(int channel) => _watermarks[channel];

    public bool IsIdle(int channel) => _idle[channel];

    /// <summary>Records a channel's watermark; returns true when the combined watermark advanced.</summary>
    public bool Update(int channel, long watermark)
    {
        _idle[channel] = false;
        if (watermark > _watermarks[channel]) _watermarks[channel] = watermark;
        return Recompute();
    }

    /// <summary>Marks a channel idle or active; returns true when the combined watermark advanced.</summary>
    public bool SetIdle(int channel, bool idle)
    {
        _idle[channel] = idle;
        return Recompute();
    }

    private bool Recompute()
    {
        var min = long.MaxValue;
        var any = false;
        for (var i = 0; i < _watermarks.Length; i++)
        {
            if (_idle[i]) continue;
            any = true;
            if (_watermarks[i] < min) min = _watermarks[i];
        }
        if (!any || min <= Current) return false;
        Current = min;
        return true;
    }
}
