using System.Text;

namespace Streamline.TestSupport;

/// <summary>Config files of `streamline node` processes on loopback: the lines every test node shares, then the test's own.</summary>
public static class NodeConfig
{
    /// <summary>
    /// Writes <paramref name="file"/>: a cluster node on 127.0.0.1:<paramref name="port"/> that joins
    /// <paramref name="seedPort"/> (itself when null), logging at <paramref name="logLevel"/>, then
    /// <paramref name="extra"/> (HOCON lines, which win over these). Returns the file's path.
    /// </summary>
    public static string Write(string file, int port, string extra, int? seedPort = null, string logLevel = "WARNING")
    {
        File.WriteAllText(file, $$"""
            akka.actor.provider = cluster
            akka.loglevel = {{logLevel}}
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = {{port}} }
            akka.cluster.seed-nodes = ["akka.tcp://streamline@127.0.0.1:{{seedPort ?? port}}"]
            {{extra}}
            """, Encoding.UTF8);
        return file;
    }
}
