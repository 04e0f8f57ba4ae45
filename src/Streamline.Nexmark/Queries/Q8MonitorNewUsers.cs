using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q8, monitor new users: persons who opened an auction in the same 10 s tumbling window in which
/// they registered. NXF semantics: one row (id, name, window start) per such person and window,
/// however many auctions (Beam emits one per auction). A windowed join keyed by person id = seller:
/// both sides remember their window, and the window's end decides.
/// </summary>
public static class Q8MonitorNewUsers
{
    public const long WindowMillis = 10_000;

    public static DataStream<Q8Result> Build(DataStream<NexmarkEvent> events)
    {
        var persons = events.FlatMap<Person>((e, o) => { if (e.Person is { } p) o.Collect(p); }).Named("q8-persons");
        var auctions = events.FlatMap<Auction>((e, o) => { if (e.Auction is { } a) o.Collect(a); }).Named("q8-auctions");
        return persons.KeyBy(p => p.Id).Connect(auctions.KeyBy(a => a.Seller)).Process(new WindowJoin()).Named("q8-join");
    }

    private static long WindowStart(long timestamp) => timestamp - (timestamp % WindowMillis);

    private static long LastMillisecond(long windowStart) => windowStart + WindowMillis - 1;

    private readonly record struct NewPerson(string Name, long WindowStart);

    private sealed class WindowJoin : KeyedCoProcessFunction<long, Person, Auction, Q8Result>
    {
        private IValueState<NewPerson> _person = null!;
        private IMapState<long, bool> _auctionWindows = null!;

        public override void Open(KeyedProcessContext<long, Q8Result> context)
        {
            _person = context.GetValueState<NewPerson>("person");
            _auctionWindows = context.GetMapState<long, bool>("auction-windows");
        }

        public override void ProcessElement1(Person person, KeyedProcessContext<long, Q8Result> context)
        {
            var start = WindowStart(person.DateTime);
            _person.Value = new NewPerson(person.Name, start);
            context.RegisterEventTimeTimer(LastMillisecond(start));
        }

        public override void ProcessElement2(Auction auction, KeyedProcessContext<long, Q8Result> context)
        {
            var start = WindowStart(auction.DateTime);
            if (_auctionWindows.TryGet(start, out _)) return;
            _auctionWindows.Put(start, true);
            context.RegisterEventTimeTimer(LastMillisecond(start));
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<long, Q8Result> context)
        {
            var start = timestamp - WindowMillis + 1;
            var hadAuction = _auctionWindows.Remove(start);
            if (!_person.HasValue || _person.Value.WindowStart != start) return;
            if (hadAuction) context.Emit(new Q8Result(context.CurrentKey, _person.Value.Name, start));
            _person.Clear();
        }
    }
}
