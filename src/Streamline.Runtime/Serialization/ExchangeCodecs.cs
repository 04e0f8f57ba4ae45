using System.Collections.Concurrent;
using Akka.Actor;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Serdes;

namespace Streamline.Runtime.Serialization;

/// <summary>
/// Per ActorSystem: the element codec of every (pipeline, edge), registered when a node loads a
/// pipeline so the exchange serializer can write and read that edge's records.
/// </summary>
public sealed class ExchangeCodecs : IExtension
{
    private readonly ConcurrentDictionary<(string Pipeline, int Edge), IElementCodec> _codecs = new();

    public static ExchangeCodecs Get(ActorSystem system) => system.WithExtension<ExchangeCodecs, ExchangeCodecsProvider>();

    public void Register(string pipeline, int edge, IElementCodec codec) => _codecs[(pipeline, edge)] = codec;

    /// <summary>
    /// Registers a codec for every edge of <paramref name="plan"/> that crosses tasks; fails fast,
    /// naming the edge and the type, when the pipeline has no serde for an edge's records.
    /// </summary>
    public void RegisterPlan(PhysicalPlan plan)
    {
        foreach (var edge in plan.Edges)
        {
            var type = edge.Logical.From.OutputPorts[edge.Logical.Port].ElementType;
            var usedBy = $"the edge {edge.Logical.From.Name} -> {edge.Consumer.Name} of pipeline '{plan.Definition.Name}'";
            IElementCodec codec;
            try
            {
                codec = (IElementCodec)typeof(ExchangeCodecs).GetMethod(nameof(CodecFor), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, new object[] { plan.Definition.Serdes, usedBy })!;
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
            Register(plan.Definition.Name, edge.Id, codec);
        }
    }

    private static IElementCodec CodecFor<T>(SerdeRegistry serdes, string usedBy) => new ElementCodec<T>(serdes.Get<T>(usedBy));

    public IElementCodec For(string pipeline, int edge) =>
        _codecs.TryGetValue((pipeline, edge), out var codec)
            ? codec
            : throw new InvalidOperationException($"no codec for edge {edge} of pipeline '{pipeline}' on this node: is the pipeline registered here?");
}

/// <summary>Creates the <see cref="ExchangeCodecs"/> extension.</summary>
public sealed class ExchangeCodecsProvider : ExtensionIdProvider<ExchangeCodecs>
{
    public override ExchangeCodecs CreateExtension(ExtendedActorSystem system) => new();
}
