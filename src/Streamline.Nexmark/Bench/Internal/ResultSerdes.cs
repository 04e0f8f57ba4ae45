using Streamline.Core.Serdes;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// How Kafka mode writes a query's results: q0's bids in the input's own format (so q0 is a true
/// pass-through), every other result type as JSON (System.Text.Json, web defaults).
/// </summary>
internal static class ResultSerdes
{
    public static ISerde<T> For<T>(NexmarkEventFormat format)
    {
        if (typeof(T) == typeof(Bid))
        {
            object bids = format == NexmarkEventFormat.Binary ? BidBinarySerde.Instance : Serdes.Json(NexmarkJsonContext.Default.Bid);
            return (ISerde<T>)bids;
        }
        return Serdes.Json<T>();
    }
}
