using Streamline.Runtime.Exchange.Messages;

namespace Streamline.Runtime.Exchange;

/// <summary>Delivers exchange messages to the task that receives a channel (directly, or through cluster sharding).</summary>
public interface IExchangeTransport
{
    void Send(IExchangeMessage message);
}
