namespace Streamline.Core.Tests;
internal static class AssemblyMarker { }
