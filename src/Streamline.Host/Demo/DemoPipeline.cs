using Streamline.Core.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Serdes;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Streamline.Kafka.Dsl;

namespace Streamline.Host.Demo;

/// <summary>The demo's pipeline: page views from Kafka → per-page counts in tumbling windows → Kafka.</summary>
public static class DemoPipeline
{
    public const string InputTopic = "page-views";
    public const string OutputTopic = "page-counts";

    public static PipelineDefinition Build(string bootstrapServers, TimeSpan window)
    {
        var p = PipelineBuilder.Create("page-view-counts");
        p.FromKafka(bootstrapServers, InputTopic, Serdes.Json<DemoPageView>(),
                WatermarkStrategy<DemoPageView>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(2))
                    .WithTimestampAssigner(v => v.Time)
                    .WithIdleness(TimeSpan.FromSeconds(5)))
            .Filter(v => !v.Page.StartsWith("/account", StringComparison.Ordinal)).Named("drop-account-pages")
            .KeyBy(v => v.Page)
            .Window(TumblingEventTimeWindows.Of(window))
            .Aggregate(Aggregates.Count<DemoPageView>(), (page, w, views) => new PageCount(page, w.Start, w.End, views)).Named("views-per-page")
            .ToKafka(bootstrapServers, OutputTopic, Serdes.Json<PageCount>(), c => c.Page, "page-counts");
        return p.Build();
    }
}
