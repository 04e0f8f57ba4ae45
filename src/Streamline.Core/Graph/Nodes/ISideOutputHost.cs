using Streamline.Core.Operators;

namespace Streamline.Core.Graph.Nodes;

/// <summary>A node whose operator can emit to side outputs requested after it was added.</summary>
internal interface ISideOutputHost
{
    /// <summary>Declares <paramref name="tag"/> (once) and returns its output port.</summary>
    int AddSideOutput(IOutputTag tag);
}
