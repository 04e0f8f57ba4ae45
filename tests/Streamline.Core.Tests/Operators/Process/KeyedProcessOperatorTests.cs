using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Core.Time;
using Xunit;
using CoreSerdes = Streamline.Core.Serdes.Serdes;

namespace Streamline.Core.Tests.Operators.Process;

public sealed class KeyedProcessOperatorTests
{
    public sealed record Cmd(string Key, string Action, long At);

    private static readonly OutputTag<string> Alerts = new("alerts");

    /// <summary>"event"/"proc" registers a timer at At; "del-event"/"del-proc" deletes it; "alert" emits to the side output.</summary>
    private sealed class TimerFunction : KeyedProcessFunction<string, Cmd, string>
    {
        public override void ProcessElement(Cmd value, KeyedProcessContext<string, string> ctx)
        {
            var seen = ctx.GetValueState<long>("seen");
            seen.Value++;
            switch (value.Action)
            {
                case "event": ctx.RegisterEventTimeTimer(value.At); break;
                case "proc": ctx.RegisterProcessingTimeTimer(value.At); break;
                case "del-event": ctx.DeleteEventTimeTimer(value.At); break;
                case "del-proc": ctx.DeleteProcessingTimeTimer(value.At); break;
                case "alert": ctx.EmitTo(Alerts, $"alert {ctx.CurrentKey}"); break;
            }
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<string, string> ctx) =>
            ctx.Emit($"{ctx.CurrentKey}:{domain}:{timestamp}:{ctx.GetValueState<long>("seen").Value}");
    }

    private static OperatorHarness<Cmd, string> Harness(VirtualClock? clock = null, IReadOnlyList<KeyGroupSnapshot>? restore = null) =>
        new(new KeyedProcessOperator<string, Cmd, string>(c => c.Key, CoreSerdes.Utf8String, new TimerFunction(), new IOutputTag[] { Alerts }), clock, restore: restore);

    private static void Push(OperatorHarness<Cmd, string> h, string key, string action, long at, long ts = 0) => h.Push(new Cmd(key, action, at), ts);

    [Fact]
    public void Event_time_timers_fire_in_time_order_once_the_watermark_passes_them()
    {
        var h = Harness();
        Push(h, "b", "event", 30);
        Push(h, "a", "event", 10);
        Push(h, "a", "event", 20);
        Push(h, "a", "event", 20); // same time registered twice fires once
        h.Watermark(9);
        Assert.Empty(h.Drain());
        h.Watermark(25);
        Assert.Equal(new[] { "a:EventTime:10:3", "a:EventTime:20:3" }, h.DrainValues());
        h.Watermark(30);
        var fired = Assert.Single(h.Drain());
        Assert.Equal("b:EventTime:30:1", fired.Value);
        Assert.Equal(30, fired.Timestamp);
    }

    [Fact]
    public void Processing_time_timers_fire_when_processing_time_reaches_them()
    {
        var clock = new VirtualClock();
        var h = Harness(clock);
        Push(h, "a", "proc", 1_000);
        Push(h, "b", "proc", 500);
        Assert.Equal(500, h.Operator.NextProcessingTimer);
        h.Operator.OnProcessingTime(499);
        Assert.Empty(h.Drain());
        h.Operator.OnProcessingTime(1_000);
        Assert.Equal(new[] { "b:ProcessingTime:500:1", "a:ProcessingTime:1000:1" }, h.DrainValues());
        Assert.Equal(long.MaxValue, h.Operator.NextProcessingTimer);
    }

    [Fact]
    public void Deleted_timers_do_not_fire()
    {
        var h = Harness();
        Push(h, "a", "event", 10);
        Push(h, "a", "event", 20);
        Push(h, "a", "del-event", 10);
        Push(h, "b", "proc", 5);
        Push(h, "b", "del-proc", 5);
        h.Watermark(100);
        h.Operator.OnProcessingTime(100);
        Assert.Equal(new[] { "a:EventTime:20:3" }, h.DrainValues());
    }

    [Fact]
    public void Deleting_the_last_timer_of_a_key_leaves_no_timer_state()
    {
        var h = Harness();
        Push(h, "a", "event", 10);
        Push(h, "a", "del-event", 10);
        Push(h, "a", "proc", 10);
        Push(h, "a", "del-proc", 10);
        Assert.All(h.Backend!.Tables.Where(t => t.Name.StartsWith("timers")), t => Assert.Equal(0, t.Count));
    }

    [Fact]
    public void Fired_timers_leave_no_timer_state()
    {
        var h = Harness();
        for (var i = 0; i < 20; i++) Push(h, $"k{i}", "event", i);
        h.Watermark(100);
        Assert.Equal(20, h.Drain().Count);
        Assert.All(h.Backend!.Tables.Where(t => t.Name.StartsWith("timers")), t => Assert.Equal(0, t.Count));
    }

    [Fact]
    public void EmitTo_sends_to_the_tagged_side_output_with_the_record_timestamp()
    {
        var h = Harness();
        Push(h, "a", "alert", 0, ts: 42);
        var alert = Assert.Single(h.DrainSide(Alerts));
        Assert.Equal(("alert a", 42L), (alert.Value, alert.Timestamp));
        Assert.Empty(h.Drain());
    }

    [Fact]
    public void Timers_restored_when_the_operator_opens_fire_in_the_new_instance()
    {
        var h = Harness();
        Push(h, "a", "event", 10);
        Push(h, "b", "proc", 7);
        var restored = Harness(restore: h.Backend!.Snapshot());
        restored.Watermark(10);
        restored.Operator.OnProcessingTime(7);
        Assert.Equal(new[] { "a:EventTime:10:1", "b:ProcessingTime:7:1" }, restored.DrainValues());
    }

    [Fact]
    public void Timers_restored_into_a_running_instance_fire()
    {
        var h = Harness();
        Push(h, "a", "event", 10);
        var snapshot = h.Backend!.Snapshot();
        var restored = Harness();
        restored.Backend!.Restore(snapshot);
        restored.Watermark(10);
        Assert.Equal(new[] { "a:EventTime:10:1" }, restored.DrainValues());
    }
}
