using System.Collections.Immutable;

namespace Streamline.Samples.Clickstream;

/// <summary>
/// Deterministic clickstream: Zipf-distributed users and products, one hot product page, one bot user issuing
/// a large share of requests at a fixed interval, human sessions separated by idle gaps longer than the
/// session gap, and bounded out-of-order arrival with a small fraction of late events.
/// </summary>
public static class ClickstreamGenerator
{
    private const string Host = "https://shop.example.com";

    public static ClickstreamDataset Generate(ClickstreamGeneratorSettings? settings = null)
    {
        var s = settings ?? new ClickstreamGeneratorSettings();
        var random = new Random(s.Seed);
        var catalog = new Catalog(s);
        var botUserId = $"user-{s.Users + 7919:D5}";
        var raw = new List<(PageView View, bool IsBot)>(s.TotalEvents);

        var botEvents = (int)Math.Round(s.TotalEvents * s.BotShare);
        GenerateHumans(s, random, catalog, s.TotalEvents - botEvents, raw);
        GenerateBot(s, catalog, botUserId, botEvents, raw);

        var sessions = ComputeSessions(raw, s.SessionGap, out var sessionIndexOf);
        var events = Arrange(s, random, raw, sessionIndexOf);
        return new ClickstreamDataset(events, sessions, botUserId, catalog.HotPage, s);
    }

    private static void GenerateHumans(
        ClickstreamGeneratorSettings s, Random random, Catalog catalog, int count, List<(PageView, bool)> output)
    {
        var users = new ZipfSampler(s.Users, s.UserZipfExponent);
        var nextFree = new Dictionary<int, DateTimeOffset>();
        var produced = 0;
        while (produced < count)
        {
            var user = users.Sample(random);
            var time = nextFree.TryGetValue(user, out var free)
                ? free
                : s.Start + TimeSpan.FromMinutes(random.NextDouble() * 6 * 60);
            var length = Math.Min(count - produced, 1 + Geometric(random, s.MeanSessionLength - 1));
            var userId = $"user-{user:D5}";
            string? referrer = random.Next(3) == 0 ? $"https://search.example.net/?q={catalog.RandomProductSlug(random)}" : null;
            var page = random.Next(2) == 0 ? "/" : catalog.ProductPage(random);
            for (var i = 0; i < length; i++)
            {
                output.Add((new PageView(userId, Host + page, page, referrer, time), false));
                produced++;
                if (FunnelSteps.FromPage(page) == FunnelStep.Purchase)
                {
                    break;
                }

                referrer = Host + page;
                page = catalog.Next(page, random);

                // Think time stays well under the session gap so sessions are unambiguous.
                var think = -Math.Log(1 - random.NextDouble()) * s.MeanThinkTime.TotalSeconds;
                time += TimeSpan.FromSeconds(Math.Clamp(think, 1, s.SessionGap.TotalSeconds / 3));
            }

            // Idle between sessions: at least one minute more than the gap, up to six hours.
            var idle = s.SessionGap + TimeSpan.FromMinutes(1 + (random.NextDouble() * 6 * 60));
            nextFree[user] = time + idle;
        }
    }

    private static void GenerateBot(ClickstreamGeneratorSettings s, Catalog catalog, string botUserId, int count, List<(PageView, bool)> output)
    {
        var time = s.Start + TimeSpan.FromMinutes(10);
        for (var i = 0; i < count; i++)
        {
            // A crawler walks the catalog in order, no referrer, at a fixed rate.
            var page = catalog.ProductPageByRank(i % catalog.ProductCount);
            output.Add((new PageView(botUserId, Host + page, page, null, time), true));
            time += s.BotInterval;
        }
    }

    private static ImmutableArray<SessionTruth> ComputeSessions(
        List<(PageView View, bool IsBot)> raw, TimeSpan gap, out int[] sessionIndexOf)
    {
        var indexes = new int[raw.Count];
        var sessions = new List<SessionTruth>();
        foreach (var group in Enumerable.Range(0, raw.Count).GroupBy(i => raw[i].View.UserId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(i => raw[i].View.EventTime).ThenBy(i => i).ToList();
            var sessionIndex = 0;
            var start = 0;
            for (var k = 0; k <= ordered.Count; k++)
            {
                var boundary = k == ordered.Count || (k > start && raw[ordered[k]].View.EventTime - raw[ordered[k - 1]].View.EventTime > gap);
                if (!boundary)
                {
                    continue;
                }

                var first = raw[ordered[start]];
                var last = raw[ordered[k - 1]];
                sessions.Add(new SessionTruth(first.View.UserId, sessionIndex, first.View.EventTime, last.View.EventTime, k - start, first.IsBot));
                for (var m = start; m < k; m++)
                {
                    indexes[ordered[m]] = sessionIndex;
                }

                sessionIndex++;
                start = k;
            }
        }

        sessionIndexOf = indexes;
        return [.. sessions];
    }

    private static ImmutableArray<GeneratedPageView> Arrange(
        ClickstreamGeneratorSettings s, Random random, List<(PageView View, bool IsBot)> raw, int[] sessionIndexOf)
    {
        // Sequence numbers follow event time, so "Sequence" is the ideal in-order position.
        var byTime = Enumerable.Range(0, raw.Count).OrderBy(i => raw[i].View.EventTime).ThenBy(i => i).ToArray();
        var arrivals = new List<(int Raw, long Sequence, DateTimeOffset Arrival)>(raw.Count);
        for (var sequence = 0; sequence < byTime.Length; sequence++)
        {
            var i = byTime[sequence];
            var delay = random.NextDouble() < s.LateFraction
                ? s.MaxOutOfOrderness + TimeSpan.FromSeconds(1 + (random.NextDouble() * (s.MaxLateness.TotalSeconds - 1)))
                : TimeSpan.FromMilliseconds(random.NextDouble() * s.MaxOutOfOrderness.TotalMilliseconds);
            arrivals.Add((i, sequence, raw[i].View.EventTime + delay));
        }

        arrivals.Sort((a, b) => a.Arrival != b.Arrival ? a.Arrival.CompareTo(b.Arrival) : a.Sequence.CompareTo(b.Sequence));

        // Late = behind a bounded-out-of-orderness watermark (max event time seen − bound) when it arrives.
        var maxSeen = DateTimeOffset.MinValue;
        var events = ImmutableArray.CreateBuilder<GeneratedPageView>(arrivals.Count);
        foreach (var (i, sequence, arrival) in arrivals)
        {
            var view = raw[i].View;
            var late = maxSeen != DateTimeOffset.MinValue && view.EventTime < maxSeen - s.MaxOutOfOrderness;
            if (view.EventTime > maxSeen)
            {
                maxSeen = view.EventTime;
            }

            events.Add(new GeneratedPageView(view, sequence, arrival, raw[i].IsBot, late, sessionIndexOf[i]));
        }

        return events.MoveToImmutable();
    }

    private static int Geometric(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var p = 1 / (mean + 1);
        return (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - p));
    }

    private sealed class Catalog
    {
        private readonly ClickstreamGeneratorSettings _settings;
        private readonly ZipfSampler _products;
        private readonly ZipfSampler _categories;

        public Catalog(ClickstreamGeneratorSettings settings)
        {
            _settings = settings;
            _products = new ZipfSampler(settings.Products, settings.PageZipfExponent);
            _categories = new ZipfSampler(settings.Categories, settings.PageZipfExponent);
        }

        // The hot page sits in the middle of the Zipf ranking, so its traffic is clearly the planted excess.
        public string HotPage => ProductPageByRank(_settings.Products / 2);

        public int ProductCount => _settings.Products;

        public string ProductPageByRank(int rank) => $"/product/p{rank:D4}";

        public string RandomProductSlug(Random random) => $"p{_products.Sample(random):D4}";

        public string ProductPage(Random random) =>
            random.NextDouble() < _settings.HotPageShare ? HotPage : ProductPageByRank(_products.Sample(random));

        public string CategoryPage(Random random) => $"/category/c{_categories.Sample(random):D2}";

        // A small Markov chain over funnel steps.
        public string Next(string page, Random random)
        {
            var u = random.NextDouble();
            return FunnelSteps.FromPage(page) switch
            {
                FunnelStep.Landing => u < 0.6 ? CategoryPage(random) : ProductPage(random),
                FunnelStep.Category => u < 0.7 ? ProductPage(random) : CategoryPage(random),
                FunnelStep.Product => u < 0.45 ? ProductPage(random) : u < 0.75 ? CategoryPage(random) : "/cart",
                FunnelStep.Cart => u < 0.55 ? "/checkout" : ProductPage(random),
                FunnelStep.Checkout => u < 0.65 ? "/order/confirmation" : "/cart",
                _ => "/",
            };
        }
    }
}
