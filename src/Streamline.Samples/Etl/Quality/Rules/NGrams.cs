namespace Streamline.Samples.Etl.Quality.Rules;

internal static class NGrams
{
    /// <summary>The n words starting at <paramref name="start"/> joined by single spaces.</summary>
    public static string Key(IReadOnlyList<string> words, int start, int n)
    {
        var length = n - 1;
        for (var i = start; i < start + n; i++)
        {
            length += words[i].Length;
        }

        return string.Create(length, (words, start, n), static (span, state) =>
        {
            var position = 0;
            for (var i = state.start; i < state.start + state.n; i++)
            {
                if (i > state.start)
                {
                    span[position++] = ' ';
                }

                state.words[i].AsSpan().CopyTo(span[position..]);
                position += state.words[i].Length;
            }
        });
    }
}
