namespace Streamline.Nexmark.Generator.Internal;

/// <summary>
/// NXF's bid channels and URLs made deterministic (NXF itself uses unseeded RNGs). Convention:
/// cold channel <c>n</c> (0..9999) is <c>"channel-n"</c> with the URL drawn from
/// <c>new Random(n)</c>: three <c>nextString(5, '_')</c> path segments, then <c>nextInt(10) &gt; 0</c>
/// appends <c>&amp;channel_id=|Integer.reverse(n)|</c>. Hot channel <c>i</c> (Google, Facebook,
/// Baidu, Apple) takes its URL from <c>new Random(10000 + i)</c> with no channel id.
/// </summary>
internal static class ChannelTable
{
    public const int HotChannelsRatio = 2;
    public const int ColdChannelCount = 10_000;

    private const string UrlPrefix = "https://www.nexmark.com/";
    private const string UrlSuffix = "/item.htm?query=1";

    public static readonly string[] HotChannels = ["Google", "Facebook", "Baidu", "Apple"];
    public static readonly string[] HotUrls = BuildHotUrls();
    public static readonly string[] ColdChannels = BuildColdChannels();
    public static readonly string[] ColdUrls = BuildColdUrls();

    private static string[] BuildHotUrls()
    {
        var urls = new string[HotChannels.Length];
        for (var i = 0; i < urls.Length; i++)
        {
            urls[i] = BaseUrl(new JavaRandom(ColdChannelCount + i));
        }

        return urls;
    }

    private static string[] BuildColdChannels()
    {
        var channels = new string[ColdChannelCount];
        for (var n = 0; n < channels.Length; n++)
        {
            channels[n] = "channel-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return channels;
    }

    private static string[] BuildColdUrls()
    {
        var urls = new string[ColdChannelCount];
        for (var n = 0; n < urls.Length; n++)
        {
            var random = new JavaRandom(n);
            var url = BaseUrl(random);
            urls[n] = random.NextInt(10) > 0
                ? url + "&channel_id=" + JavaMath.AbsReverse(n).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : url;
        }

        return urls;
    }

    private static string BaseUrl(JavaRandom random) =>
        UrlPrefix + RandomStrings.Next(random, 5, '_') + "/" + RandomStrings.Next(random, 5, '_') + "/" +
        RandomStrings.Next(random, 5, '_') + UrlSuffix;
}
