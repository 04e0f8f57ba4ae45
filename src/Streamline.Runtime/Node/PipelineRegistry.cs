using System.Collections.Concurrent;
using Streamline.Core.Graph;

namespace Streamline.Runtime.Node;

/// <summary>
/// The pipelines a node can run, by name. Every node registers the same pipelines (they are code),
/// so any node can build any task of them; starting one name twice is refused.
/// </summary>
public sealed class PipelineRegistry
{
    private readonly ConcurrentDictionary<string, Func<PipelineDefinition>> _pipelines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PipelineDefinition> _built = new(StringComparer.Ordinal);

    public void Register(string name, Func<PipelineDefinition> build)
    {
        if (!_pipelines.TryAdd(name, build))
            throw new InvalidOperationException($"a pipeline named '{name}' is already registered on this node; pipeline names must be unique");
    }

    public IReadOnlyCollection<string> Names => _pipelines.Keys.ToArray();

    /// <summary>The definition of <paramref name="name"/>, built once per node.</summary>
    public PipelineDefinition Get(string name) =>
        _built.GetOrAdd(name, n => _pipelines.TryGetValue(n, out var build)
            ? build()
            : throw new KeyNotFoundException($"pipeline '{n}' is not registered on this node; registered: {string.Join(", ", _pipelines.Keys)}"));
}
