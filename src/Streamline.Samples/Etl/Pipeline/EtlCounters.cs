using System.Collections.Concurrent;
using System.Text;
using Streamline.Samples.Etl.Pii;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// Thread-safe tallies the pipeline's functions update as records pass, read at the end for the
/// <see cref="EtlReport"/>. They count work done in this run: after a restore from a checkpoint the
/// replayed records would be counted again (durable counts belong in operator state or metrics).
/// </summary>
public sealed class EtlCounters
{
    private readonly ConcurrentDictionary<string, long> _rejectedByRule = new(StringComparer.Ordinal);
    private readonly long[] _pii = new long[Enum.GetValues<PiiKind>().Length];
    private long _input;
    private long _inputBytes;
    private long _invalid;
    private long _exactDuplicates;
    private long _nearDuplicates;
    private long _kept;
    private long _tokensKept;
    private long _failed;

    public long Input => Interlocked.Read(ref _input);

    public long InputBytes => Interlocked.Read(ref _inputBytes);

    public long Invalid => Interlocked.Read(ref _invalid);

    public long Rejected => _rejectedByRule.Values.Sum();

    public IReadOnlyDictionary<string, long> RejectedByRule => new SortedDictionary<string, long>(_rejectedByRule, StringComparer.Ordinal);

    public long ExactDuplicates => Interlocked.Read(ref _exactDuplicates);

    public long NearDuplicates => Interlocked.Read(ref _nearDuplicates);

    public long Kept => Interlocked.Read(ref _kept);

    public long TokensKept => Interlocked.Read(ref _tokensKept);

    /// <summary>Records a user function threw on (routed to the dead letters).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public IReadOnlyDictionary<PiiKind, long> PiiByKind =>
        Enum.GetValues<PiiKind>().ToDictionary(k => k, k => Interlocked.Read(ref _pii[(int)k]));

    public void OnInput(string line)
    {
        Interlocked.Increment(ref _input);
        Interlocked.Add(ref _inputBytes, Encoding.UTF8.GetByteCount(line) + 1);
    }

    public void OnInvalid() => Interlocked.Increment(ref _invalid);

    public void OnRejected(string rule) => _rejectedByRule.AddOrUpdate(rule, 1, (_, n) => n + 1);

    public void OnPii(IReadOnlyDictionary<PiiKind, int> counts)
    {
        foreach (var (kind, n) in counts)
        {
            Interlocked.Add(ref _pii[(int)kind], n);
        }
    }

    public void OnExactDuplicate() => Interlocked.Increment(ref _exactDuplicates);

    public void OnNearDuplicate() => Interlocked.Increment(ref _nearDuplicates);

    public void OnKept(int tokens)
    {
        Interlocked.Increment(ref _kept);
        Interlocked.Add(ref _tokensKept, tokens);
    }

    public void OnFailed() => Interlocked.Increment(ref _failed);
}
