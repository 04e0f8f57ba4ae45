namespace Streamline.Benchmarks;
internal static class AssemblyMarker { }
