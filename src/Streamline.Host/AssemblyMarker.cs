namespace Streamline.Host;
internal static class AssemblyMarker { }
