namespace Streamline.Runtime.Exchange.Messages;

/// <summary>The receiver can buffer <see cref="Credits"/> more batches from this sender.</summary>
public sealed record ExchangeCredit(ChannelId Channel, int Credits) : IExchangeMessage;
