namespace Streamline.Runtime.Exchange.Messages;

/// <summary>
/// One stream element (a record batch or a control signal) on a channel, in order. In-process it
/// carries the element object; between nodes the exchange serializer writes it with the edge's serde.
/// </summary>
public sealed record ExchangeData(ChannelId Channel, long Sequence, object Element) : IExchangeMessage;
