namespace Streamline.Core.Graph;

/// <summary>How records travel along an edge between operators.</summary>
public enum Partitioning
{
    /// <summary>Same task index upstream and downstream; operators can be fused.</summary>
    Forward,

    /// <summary>By key group of the record's key (KeyBy).</summary>
    Hash,

    /// <summary>Every downstream task receives every record.</summary>
    Broadcast,

    /// <summary>Round robin, to spread load.</summary>
    Rebalance,
}
