namespace Streamline.Runtime.Checkpoints;

/// <summary>Turns an exception chain into one line that keeps the database's own message.</summary>
internal static class ErrorText
{
    /// <summary>
    /// The messages of <paramref name="e"/> and its inner exceptions, outermost first, without
    /// repeats: plugins wrap the driver's exception (e.g. "SQLite Error 14: 'unable to open database
    /// file'"), and that innermost message is the one an operator can act on.
    /// </summary>
    public static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (Exception? current = e; current is not null; current = Next(current))
        {
            if (current is AggregateException) continue;
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !parts.Any(p => p.Contains(message, StringComparison.Ordinal)))
                parts.Add(message);
        }
        return parts.Count == 0 ? e.GetType().Name : string.Join(": ", parts);
    }

    private static Exception? Next(Exception e) =>
        e is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException;
}
