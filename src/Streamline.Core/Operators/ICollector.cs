namespace Streamline.Core.Operators;

/// <summary>Receives the values a user function emits (FlatMap, Process).</summary>
public interface ICollector<in T>
{
    void Collect(T value);
}
