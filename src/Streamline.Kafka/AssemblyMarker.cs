namespace Streamline.Kafka;
internal static class AssemblyMarker { }
