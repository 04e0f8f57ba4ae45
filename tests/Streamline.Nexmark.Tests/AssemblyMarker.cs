namespace Streamline.Nexmark.Tests;
internal static class AssemblyMarker { }
