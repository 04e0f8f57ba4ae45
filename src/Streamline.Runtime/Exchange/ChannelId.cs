namespace Streamline.Runtime.Exchange;

/// <summary>
/// One channel of an exchange: records of edge <see cref="Edge"/> from task <see cref="Source"/> to task
/// <see cref="Target"/>, in deployment <see cref="Epoch"/> of the pipeline.
/// </summary>
public readonly record struct ChannelId(string Pipeline, int Edge, int Source, int Target, int Epoch = 0)
{
    public override string ToString() => $"{Pipeline}@{Epoch}/edge{Edge}/{Source}->{Target}";
}
