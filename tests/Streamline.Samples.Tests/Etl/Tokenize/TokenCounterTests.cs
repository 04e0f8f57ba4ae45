using Streamline.Samples.Etl.Tokenize;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Tokenize;

public sealed class TokenCounterTests
{
    [Fact]
    public void Counts_o200k_tokens_offline()
    {
        var counter = TokenCounter.Shared;

        // "Hello, world!" is [13225, 11, 2375, 0] in o200k_base.
        Assert.Equal([13225, 11, 2375, 0], counter.Encode("Hello, world!"));
        Assert.Equal(4, counter.Count("Hello, world!"));
        Assert.Equal(0, counter.Count(string.Empty));
    }

    [Fact]
    public void Encode_and_decode_round_trip()
    {
        const string text = "Streamline turns raw web pages into training shards. Ünïcödé too.";

        var ids = TokenCounter.Shared.Encode(text);

        Assert.Equal(text, TokenCounter.Shared.Decode(ids));
        Assert.Equal(ids.Count, TokenCounter.Shared.Count(text));
    }
}
