using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Testing;
using Xunit;

namespace Streamline.Core.Tests.Harness;

public sealed class ConnectedStreamsTests
{
    public sealed record Person(long Id, string Name);

    public sealed record Order(long PersonId, string Item);

    /// <summary>Joins orders with the person that placed them, whichever arrives first.</summary>
    private sealed class Enrich : KeyedCoProcessFunction<long, Person, Order, string>
    {
        public override void ProcessElement1(Person value, KeyedProcessContext<long, string> ctx)
        {
            ctx.GetValueState<string>("name").Value = value.Name;
            var waiting = ctx.GetListState<string>("waiting");
            foreach (var item in waiting.Get()) ctx.Emit($"{value.Name} bought {item}");
            waiting.Clear();
        }

        public override void ProcessElement2(Order value, KeyedProcessContext<long, string> ctx)
        {
            var name = ctx.GetValueState<string>("name").Value;
            if (name is null) ctx.GetListState<string>("waiting").Add(value.Item);
            else ctx.Emit($"{name} bought {value.Item}");
        }
    }

    [Fact]
    public void Records_of_both_inputs_with_the_same_key_share_state()
    {
        var p = PipelineBuilder.Create("enrich");
        var people = p.Source(new CollectionSource<Person>(Array.Empty<Person>()), "people");
        var orders = p.Source(new CollectionSource<Order>(Array.Empty<Order>()), "orders");
        people.KeyBy(x => x.Id).Connect(orders.KeyBy(o => o.PersonId)).Process(new Enrich()).To(new CollectionSink<string>(), "out");
        using var driver = new PipelineTestDriver(p.Build());

        driver.Input<Order>("orders").Push(new Order(1, "book"), 10);
        driver.Input<Person>("people").Push(new Person(1, "ann"), 20).Push(new Person(2, "bob"), 20);
        driver.Input<Order>("orders").Push(new Order(2, "pen"), 30).Push(new Order(1, "ink"), 40);

        Assert.Equal(new[] { "ann bought book", "bob bought pen", "ann bought ink" }, driver.Output<string>("out").ReadValues());
    }

    private sealed class Tag : KeyedCoProcessFunction<int, int, string, string>
    {
        public override void ProcessElement1(int value, KeyedProcessContext<int, string> ctx) => ctx.Emit($"n{value}");

        public override void ProcessElement2(string value, KeyedProcessContext<int, string> ctx) => ctx.Emit(value);
    }

    [Fact]
    public void Pushes_to_different_inputs_are_processed_in_the_order_the_test_makes_them()
    {
        var p = PipelineBuilder.Create("interleave");
        var numbers = p.Source(new CollectionSource<int>(Array.Empty<int>()), "numbers");
        var words = p.Source(new CollectionSource<string>(Array.Empty<string>()), "words");
        numbers.KeyBy(_ => 0).Connect(words.KeyBy(_ => 0)).Process(new Tag()).To(new CollectionSink<string>(), "out");
        using var driver = new PipelineTestDriver(p.Build());

        var expected = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            for (var n = round * 100; n < round * 100 + 100; n++)
            {
                driver.Input<int>("numbers").Push(n, n);
                expected.Add($"n{n}");
            }
            driver.Input<string>("words").Push($"w{round}", round * 100 + 99);
            expected.Add($"w{round}");
        }

        Assert.Equal(expected, driver.Output<string>("out").ReadValues());
    }
}
