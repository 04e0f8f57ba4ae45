namespace Streamline.Runtime.Exchange.Messages;

/// <summary>Marker of the exchange protocol's messages (bound to the binary exchange serializer).</summary>
public interface IExchangeMessage
{
    ChannelId Channel { get; }
}
