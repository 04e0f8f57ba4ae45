namespace Streamline.Samples.Tests;
internal static class AssemblyMarker { }
