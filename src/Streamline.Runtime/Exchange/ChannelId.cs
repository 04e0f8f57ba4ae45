namespace Streamline.Runtime.Exchange;

/// <summary>One channel of an exchange: records of edge <see cref="Edge"/> from task <see cref="Source"/> to task <see cref="Target"/>.</summary>
public readonly record struct ChannelId(string Pipeline, int Edge, int Source, int Target)
{
    public override string ToString() => $"{Pipeline}/edge{Edge}/{Source}->{Target}";
}
