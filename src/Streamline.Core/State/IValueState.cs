namespace Streamline.Core.State;

/// <summary>A single value per key (scoped to the key of the record or timer being processed).</summary>
public interface IValueState<T>
{
    bool HasValue { get; }

    /// <summary>The value, or default when absent or expired.</summary>
    T? Value { get; set; }

    void Clear();
}
