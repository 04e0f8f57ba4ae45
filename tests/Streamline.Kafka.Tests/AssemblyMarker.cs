namespace Streamline.Kafka.Tests;
internal static class AssemblyMarker { }
