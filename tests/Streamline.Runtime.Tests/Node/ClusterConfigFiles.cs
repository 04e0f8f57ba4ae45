using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Streamline.Runtime.Tests.Node;

/// <summary>The files in cluster-config/ and k8s/, loaded the way ClusterConfigTests loads them (includes resolved beside the file).</summary>
internal static class ClusterConfigFiles
{
    public static readonly string RepoRoot = FindRepoRoot();

    public static Config Load(string file)
    {
        var directory = Path.Combine(RepoRoot, "cluster-config");
        return ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(directory, file)),
            include => Parser.Parse(File.ReadAllText(Path.Combine(directory, include)), null));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Streamline.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Streamline.sln not found above {AppContext.BaseDirectory}");
    }
}
