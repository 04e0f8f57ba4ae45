using Streamline.Core.Serdes;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Serialization;

/// <summary>The event serde for a <see cref="NexmarkEventFormat"/>.</summary>
public static class NexmarkSerdes
{
    public static ISerde<NexmarkEvent> For(NexmarkEventFormat format) => format switch
    {
        NexmarkEventFormat.Binary => NexmarkBinarySerde.Instance,
        NexmarkEventFormat.Json => NexmarkJsonSerde.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown Nexmark event format"),
    };
}
