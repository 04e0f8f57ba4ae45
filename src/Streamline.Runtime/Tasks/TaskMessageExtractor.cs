using Akka.Cluster.Sharding;

namespace Streamline.Runtime.Tasks;

/// <summary>Routes <see cref="TaskEnvelope"/>s to task entities; shards by a stable hash of the entity id.</summary>
public sealed class TaskMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string EntityId(object message) => message switch
    {
        TaskEnvelope e => e.Task.EntityId,
        _ => null!,
    };

    public override object EntityMessage(object message) => message is TaskEnvelope e ? e.Message : message;
}
