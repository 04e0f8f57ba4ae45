using Streamline.Core.Records;

namespace Streamline.Core.Operators;

/// <summary>The side output every source and user-function operator routes failed records to.</summary>
public static class DeadLetters
{
    public static readonly OutputTag<DeadLetter> Tag = new("dead-letters");

    internal static readonly IOutputTag[] TagOnly = { Tag };

    internal static DeadLetter FromException<T>(string origin, in Record<T> record, Exception error)
    {
        var shown = record.Value?.ToString() ?? "null";
        if (shown.Length > 200) shown = shown[..200] + "…";
        return new DeadLetter(origin, $"{error.GetType().Name}: {error.Message} (record: {shown})", null,
            System.Text.Encoding.UTF8.GetBytes(shown), Timestamp: record.Timestamp);
    }
}
