using System.Collections.Immutable;

namespace Streamline.Samples.Etl.Shards;

/// <summary>Outcome of checking a shard directory against its manifest; empty <see cref="Errors"/> means valid.</summary>
public sealed record ShardVerification(ImmutableArray<string> Errors, long Documents, long Tokens)
{
    public bool IsValid => Errors.IsEmpty;
}
