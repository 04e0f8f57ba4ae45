using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q3, local item suggestion: (name, city, state, auction id) for every category-10 auction whose
/// seller lives in OR, ID or CA. NXF semantics: an unwindowed inner join, append-only; both sides
/// are kept for ever (Flink without state TTL), so an auction that arrives before its seller is
/// buffered until the seller registers. Beam's 600 s state cleanup is not applied, so state grows
/// with the number of matching persons and of buffered auctions whose seller never qualifies.
/// </summary>
public static class Q3LocalItemSuggestion
{
    private static readonly string[] States = ["OR", "ID", "CA"];

    public static DataStream<Q3Result> Build(DataStream<NexmarkEvent> events)
    {
        // Filters are pushed below the join, as Flink's planner does.
        var persons = events.FlatMap<Person>((e, o) => { if (e.Person is { } p && States.Contains(p.State)) o.Collect(p); }).Named("q3-persons");
        var auctions = events.FlatMap<Auction>((e, o) => { if (e.Auction is { Category: 10 } a) o.Collect(a); }).Named("q3-auctions");
        return persons.KeyBy(p => p.Id).Connect(auctions.KeyBy(a => a.Seller)).Process(new Join()).Named("q3-join");
    }

    private sealed class Join : KeyedCoProcessFunction<long, Person, Auction, Q3Result>
    {
        private IValueState<Person> _person = null!;
        private IListState<long> _waitingAuctions = null!;

        public override void Open(KeyedProcessContext<long, Q3Result> context)
        {
            _person = context.GetValueState<Person>("person");
            _waitingAuctions = context.GetListState<long>("waiting-auctions");
        }

        public override void ProcessElement1(Person person, KeyedProcessContext<long, Q3Result> context)
        {
            _person.Value = person;
            foreach (var auction in _waitingAuctions.Get()) context.Emit(Row(person, auction));
            _waitingAuctions.Clear();
        }

        public override void ProcessElement2(Auction auction, KeyedProcessContext<long, Q3Result> context)
        {
            if (_person.Value is { } person) context.Emit(Row(person, auction.Id));
            else _waitingAuctions.Add(auction.Id);
        }

        private static Q3Result Row(Person p, long auction) => new(p.Name, p.City, p.State, auction);
    }
}
