namespace Streamline.Core;
internal static class AssemblyMarker { }
