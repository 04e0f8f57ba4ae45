using Streamline.Core.Operators;
using Streamline.Core.Operators.Window;
using Streamline.Core.State;
using Streamline.Core.Windows;
using CoreSerdes = Streamline.Core.Serdes.Serdes;

namespace Streamline.Core.Tests.Operators.Window;

public sealed record Ev(string Key, long Time);

/// <summary>Counting window operators over <see cref="Ev"/>, driven directly.</summary>
internal static class WindowOperatorFactory
{
    public static OperatorHarness<Ev, WindowResult<string, long>> Count(
        WindowAssigner assigner, TimeSpan? lateness = null, OutputTag<Ev>? lateTag = null, IReadOnlyList<KeyGroupSnapshot>? restore = null) =>
        new(new WindowOperator<string, Ev, long, long, WindowResult<string, long>>(
            e => e.Key, CoreSerdes.Utf8String, assigner, Aggregates.Count<Ev>(),
            (k, w, c) => new WindowResult<string, long>(k, w, c), CoreSerdes.Int64, lateness ?? TimeSpan.Zero, lateTag), restore: restore);

    public static OperatorHarness<Ev, WindowResult<string, long>> Push(this OperatorHarness<Ev, WindowResult<string, long>> h, string key, long time) =>
        h.Push(new Ev(key, time), time);
}
