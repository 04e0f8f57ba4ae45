using System.Text.RegularExpressions;

namespace Streamline.TestSupport;

/// <summary>
/// The node processes of one test: their output for failure messages, waits that fail with that
/// output, and the checkpoints a node reports (`pipeline X: checkpoint N completed`).
/// </summary>
public sealed partial class NodeGroup : List<NodeProcess>, IDisposable
{
    public string Logs() => string.Join("\n---\n", this.Select(n => n.Output));

    /// <summary>Awaits <paramref name="wait"/>; a timeout fails with every node's output.</summary>
    public async Task<T> WithLogs<T>(Task<T> wait)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("timed out; node output:\n" + Logs());
        }
    }

    /// <summary>The id of the next checkpoint <paramref name="node"/> reports completed after <paramref name="after"/>.</summary>
    public async Task<long> NextCheckpoint(NodeProcess node, long after, TimeSpan timeout)
    {
        var line = await WithLogs(node.WaitForLine(l => CheckpointLine().Match(l) is { Success: true } m && long.Parse(m.Groups[1].Value) > after, timeout));
        return long.Parse(CheckpointLine().Match(line).Groups[1].Value);
    }

    /// <summary>The newest checkpoint the node printed as completed so far (0 = none).</summary>
    public static long LastCompleted(NodeProcess node) =>
        CheckpointLine().Matches(node.Output).Select(m => long.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();

    public void Dispose()
    {
        foreach (var node in this) node.Dispose();
    }

    [GeneratedRegex(@"checkpoint (\d+) completed")]
    private static partial Regex CheckpointLine();
}
