namespace Streamline.Testing;
internal static class AssemblyMarker { }
