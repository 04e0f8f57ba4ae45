using Microsoft.ML.Tokenizers;

namespace Streamline.Samples.Etl.Tokenize;

/// <summary>
/// Counts GPT-4o (o200k_base) tokens. The vocabulary ships in the Microsoft.ML.Tokenizers.Data.O200kBase
/// assembly, so creation is offline; it is still ~100 ms and tens of MB, hence one shared, thread-safe instance.
/// </summary>
public sealed class TokenCounter
{
    public const string DefaultModel = "gpt-4o";

    private static readonly Lazy<TokenCounter> LazyShared = new(() => new TokenCounter(DefaultModel));

    private readonly Tokenizer _tokenizer;

    public TokenCounter(string model) => _tokenizer = TiktokenTokenizer.CreateForModel(model);

    public static TokenCounter Shared => LazyShared.Value;

    public int Count(string text) => _tokenizer.CountTokens(text);

    public IReadOnlyList<int> Encode(string text) => _tokenizer.EncodeToIds(text);

    public string Decode(IEnumerable<int> ids) => _tokenizer.Decode(ids);
}
