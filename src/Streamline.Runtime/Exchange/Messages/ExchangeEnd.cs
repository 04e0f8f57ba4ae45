namespace Streamline.Runtime.Exchange.Messages;

/// <summary>The sender's input ended: nothing follows <see cref="LastSequence"/>.</summary>
public sealed record ExchangeEnd(ChannelId Channel, long LastSequence) : IExchangeMessage;
