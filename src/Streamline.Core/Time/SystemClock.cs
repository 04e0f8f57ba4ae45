namespace Streamline.Core.Time;

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();

    public long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public bool IsVirtual => false;
}
