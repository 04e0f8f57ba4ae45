namespace Streamline.Samples;
internal static class AssemblyMarker { }
