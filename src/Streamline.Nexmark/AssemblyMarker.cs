namespace Streamline.Nexmark;
internal static class AssemblyMarker { }
