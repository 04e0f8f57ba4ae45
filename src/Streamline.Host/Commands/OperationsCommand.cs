using System.Globalization;
using Streamline.Runtime.Node.Operations;

namespace Streamline.Host.Commands;

/// <summary>
/// `streamline status`, `savepoint`, `savepoints`, `delete-savepoint` and `stop`: pipeline operations against a
/// running cluster, through any node's health or management endpoint (<c>--url</c>). Any member
/// reaches every pipeline (the cluster's pipeline manager knows where each coordinator runs). On
/// failure the node's message goes to stderr and the exit code is 1.
/// </summary>
public static class OperationsCommand
{
    public static Task<int> StatusAsync(string url, string? pipeline, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(url, timeout, async client =>
        {
            if (pipeline is null) PrintList(await client.ListAsync(ct));
            else PrintStatus(await client.StatusAsync(pipeline, ct));
        });

    public static Task<int> SavepointAsync(string url, string pipeline, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(url, timeout, async client =>
        {
            var taken = await client.SavepointAsync(pipeline, ct);
            Console.WriteLine($"pipeline {taken.Pipeline}: savepoint {taken.Savepoint} taken");
            Console.WriteLine($"start the pipeline from it with: streamline node --config <file> --submit {taken.Pipeline} --from-savepoint {taken.Savepoint}");
        });

    public static Task<int> SavepointsAsync(string url, string pipeline, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(url, timeout, async client =>
        {
            var list = await client.SavepointsAsync(pipeline, ct);
            if (list.Savepoints.Count == 0)
            {
                Console.WriteLine($"pipeline {list.Pipeline} has no savepoints");
                return;
            }
            var table = new TextTable("SAVEPOINT", "COMPLETED (UTC)", "BYTES", "PARALLELISM (VERTEX:TASKS)").AlignRight(0, 2);
            foreach (var s in list.Savepoints)
                table.Add(Number(s.Savepoint), s.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Number(s.Bytes),
                    string.Join(" ", s.Parallelism.OrderBy(kv => kv.Key).Select(kv => $"v{kv.Key}:{kv.Value}")));
            table.Write(Console.Out);
        });

    public static Task<int> DeleteSavepointAsync(string url, string pipeline, long savepoint, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(url, timeout, async client =>
        {
            var deleted = await client.DeleteSavepointAsync(pipeline, savepoint, ct);
            Console.WriteLine($"pipeline {deleted.Pipeline}: savepoint {deleted.Savepoint} deleted (its stored state and its journal entry)");
        });

    public static Task<int> StopAsync(string url, string pipeline, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(url, timeout, async client =>
        {
            var stopped = await client.StopAsync(pipeline, ct);
            Console.WriteLine($"pipeline {stopped.Pipeline}: stopped ({stopped.State}); its sources stopped and every record in flight drained");
        });

    private static async Task<int> RunAsync(string url, TimeSpan timeout, Func<OperationsClient, Task> operation)
    {
        try
        {
            using var client = new OperationsClient(url, timeout);
            await operation(client);
            return 0;
        }
        catch (OperationFailedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void PrintList(PipelineListJson list)
    {
        if (list.Pipelines.Count == 0) Console.WriteLine("no pipeline is running in this cluster");
        else
        {
            var table = new TextTable("PIPELINE", "STATE", "EPOCH", "RESTARTS", "TASKS", "LAST CHECKPOINT").AlignRight(2, 3, 4, 5);
            foreach (var p in list.Pipelines)
                table.Add(p.Pipeline, p.State, Number(p.Epoch), Number(p.Restarts), Number(p.Tasks), p.LastCheckpoint is null or 0 ? "-" : Number(p.LastCheckpoint));
            table.Write(Console.Out);
            foreach (var p in list.Pipelines.Where(p => p.Error is not null)) Console.WriteLine($"{p.Pipeline}: {p.Error}");
        }
        Console.WriteLine($"registered on this node: {(list.Registered.Count == 0 ? "none" : string.Join(", ", list.Registered))}");
    }

    private static void PrintStatus(PipelineStatusJson status)
    {
        Console.WriteLine($"pipeline {status.Pipeline}: {status.State} (epoch {status.Epoch}, restarts {status.Restarts})");
        if (status.Failure is not null) Console.WriteLine($"failure: {status.Failure}");
        var c = status.Checkpoints;
        Console.WriteLine(c.LastCompletedId == 0
            ? "checkpoints: none completed yet"
            : $"checkpoints: last completed {c.LastCompletedId}" +
              (c.LastCompletedAt is { } at ? $" at {at.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC" : "") +
              $" ({c.LastBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes in {c.LastDurationMs.ToString("F0", CultureInfo.InvariantCulture)} ms)");
        if (c.ConsecutiveFailures > 0) Console.WriteLine($"checkpoints: {c.ConsecutiveFailures} failed in a row; last: {c.LastFailure}");
        if (c.RestoredFrom > 0) Console.WriteLine($"restored from checkpoint or savepoint {c.RestoredFrom}");
        var table = new TextTable("TASK", "NODE", "RECORDS IN", "RECORDS OUT", "BACKPRESSURE", "BLOCKED", "WATERMARK", "FINISHED").AlignRight(2, 3, 4, 5, 6);
        foreach (var t in status.Tasks)
            table.Add(t.Task, t.Node ?? "-", Number(t.RecordsIn), Number(t.RecordsOut), t.Backpressure.ToString("P0", CultureInfo.InvariantCulture),
                Number(t.BlockedOutputs), Watermark(t.Watermark), t.Finished ? "yes" : "no");
        table.Write(Console.Out);
    }

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>As the pipeline's timestamps are (any long, often epoch milliseconds); the end of input as "end".</summary>
    private static string Watermark(long? value) => value switch
    {
        null => "-",
        long.MaxValue => "end",
        _ => value.Value.ToString(CultureInfo.InvariantCulture),
    };
}
