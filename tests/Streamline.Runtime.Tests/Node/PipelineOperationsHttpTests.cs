using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Node;
using Streamline.Runtime.Node.Operations;
using Xunit;
using Streamline.Runtime.Tests.Cluster;

namespace Streamline.Runtime.Tests.Node;

/// <summary>
/// /pipelines on a real single-node cluster member: status, savepoint and stop over HTTP on the
/// health listener and on the management endpoint, and the rules that keep savepoint and stop from
/// anyone who should not send them.
/// </summary>
public sealed class PipelineOperationsHttpTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ActorSystem _system = null!;
    private StreamlineNode _node = null!;

    public async Task InitializeAsync()
    {
        _system = ActorSystem.Create("streamline", ConfigurationFactory.ParseString("""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.loglevel = WARNING
            akka.cluster.min-nr-of-members = 1
            # Terminate without leaving the cluster first: nothing outlives the test.
            akka.coordinated-shutdown.run-by-actor-system-terminate = off
            akka.coordinated-shutdown.terminate-actor-system = off
            streamline.max-batch-size = 64
            streamline.runtime.checkpoints.interval = off
            """).WithFallback(RuntimeConfig.Default()));
        await Membership.JoinAsync(_system, timeout: Timeout);
        var registry = new PipelineRegistry();
        registry.Register("counts", () =>
        {
            var p = PipelineBuilder.Create("counts", defaultParallelism: 2);
            p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1)
                .Map(n => n * 2)
                .ForEach(_ => { }, "discard");
            return p.Build();
        });
        _node = StreamlineNode.Start(_system, registry);
        var handle = await _node.SubmitAsync("counts");
        await handle.Started.WaitAsync(Timeout);
    }

    public Task DisposeAsync() => _system.Terminate();

    private static IEnumerable<long> Numbers()
    {
        for (long i = 0; ; i++) yield return i;
    }

    [Fact]
    public async Task Status_savepoint_and_stop_over_http_on_the_loopback_health_listener()
    {
        await using var server = Serve("");
        Assert.True(server.ServesOperations);
        Assert.True(server.OperationsAllowed);

        var (status, list) = await Get<PipelineListJson>(server.BaseUri, "/pipelines");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("counts", Assert.Single(list!.Pipelines).Pipeline);
        Assert.Equal("Running", list.Pipelines[0].State);
        Assert.Equal(3, list.Pipelines[0].Tasks);
        Assert.Equal(new[] { "counts" }, list.Registered);

        var self = Akka.Cluster.Cluster.Get(_system).SelfAddress.ToString();
        var pipeline = await Eventually(async () => (await Get<PipelineStatusJson>(server.BaseUri, "/pipelines/counts")).Body!, p => p.Tasks.Sum(t => t.RecordsOut) > 0);
        Assert.Equal(PipelineState.Running, pipeline.State);
        Assert.Equal(3, pipeline.Tasks.Count);
        Assert.All(pipeline.Tasks, t => Assert.Equal(self, t.Node));
        Assert.Equal("counts/v0#0", pipeline.Tasks[0].Task);
        // Field names as documented (camelCase, state as text).
        using (var raw = JsonDocument.Parse(await Http.GetStringAsync(new Uri(server.BaseUri, "/pipelines/counts"))))
        {
            Assert.Equal("Running", raw.RootElement.GetProperty("state").GetString());
            foreach (var field in new[] { "epoch", "restarts", "checkpoints", "tasks" }) Assert.True(raw.RootElement.TryGetProperty(field, out _), field);
            var task = raw.RootElement.GetProperty("tasks")[0];
            foreach (var field in new[] { "node", "recordsIn", "recordsOut", "backpressure", "watermark" }) Assert.True(task.TryGetProperty(field, out _), field);
        }

        var (savepointStatus, savepoint) = await Post<SavepointJson>(server.BaseUri, "/pipelines/counts/savepoint");
        Assert.Equal(HttpStatusCode.OK, savepointStatus);
        Assert.Equal("counts", savepoint!.Pipeline);
        Assert.True(savepoint.Savepoint > 0);
        Assert.Equal(savepoint.Savepoint, (await Get<PipelineStatusJson>(server.BaseUri, "/pipelines/counts")).Body!.Checkpoints.LastCompletedId);

        var (stopStatus, stopped) = await Post<StoppedJson>(server.BaseUri, "/pipelines/counts/stop");
        Assert.Equal(HttpStatusCode.OK, stopStatus);
        Assert.Equal(new StoppedJson("counts", "Finished"), stopped);

        var (goneStatus, gone) = await Get<ErrorJson>(server.BaseUri, "/pipelines/counts");
        Assert.Equal(HttpStatusCode.NotFound, goneStatus);
        Assert.Equal("pipeline 'counts' is not running in this cluster; running: none", gone!.Error);
        Assert.Empty((await Get<PipelineListJson>(server.BaseUri, "/pipelines")).Body!.Pipelines);
        var (againStatus, again) = await Post<ErrorJson>(server.BaseUri, "/pipelines/counts/stop");
        Assert.Equal(HttpStatusCode.NotFound, againStatus);
        Assert.Contains("is not running in this cluster", again!.Error);

        // Its savepoint outlives it: listed, then deleted (with the operation header, by DELETE, by id).
        var (listStatus, savepoints) = await Get<SavepointListJson>(server.BaseUri, "/pipelines/counts/savepoints");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var listed = Assert.Single(savepoints!.Savepoints);
        Assert.Equal(savepoint.Savepoint, listed.Savepoint);
        Assert.Equal(3, listed.Parallelism.Values.Sum());
        var noHeader = await Send(server.BaseUri, HttpMethod.Delete, $"/pipelines/counts/savepoints/{savepoint.Savepoint}", header: false);
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.Status);
        var post = await Send(server.BaseUri, HttpMethod.Post, $"/pipelines/counts/savepoints/{savepoint.Savepoint}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.Status);
        Assert.Equal("DELETE", post.Allow);
        var notANumber = await Send(server.BaseUri, HttpMethod.Delete, "/pipelines/counts/savepoints/latest");
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Contains("'latest' in /pipelines/counts/savepoints/latest is not a savepoint id", notANumber.Error);
        var deleted = await Send(server.BaseUri, HttpMethod.Delete, $"/pipelines/counts/savepoints/{savepoint.Savepoint}");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty((await Get<SavepointListJson>(server.BaseUri, "/pipelines/counts/savepoints")).Body!.Savepoints);
        var twice = await Send(server.BaseUri, HttpMethod.Delete, $"/pipelines/counts/savepoints/{savepoint.Savepoint}");
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal($"pipeline 'counts' has no savepoint {savepoint.Savepoint} (savepoints: none)", twice.Error);
    }

    [Fact]
    public async Task Savepoint_and_stop_need_post_the_operation_header_and_a_loopback_host()
    {
        await using var server = Serve("");

        var noHeader = await Send(server.BaseUri, HttpMethod.Post, "/pipelines/counts/stop", header: false);
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.Status);
        Assert.Contains(OperationsJson.OperationHeader, noHeader.Error);

        var rebound = await Send(server.BaseUri, HttpMethod.Post, "/pipelines/counts/stop", host: "streamline.example:80");
        Assert.Equal(HttpStatusCode.Forbidden, rebound.Status);
        Assert.Contains("does not name a loopback address", rebound.Error);

        var get = await Send(server.BaseUri, HttpMethod.Get, "/pipelines/counts/savepoint");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.Status);
        Assert.Equal("POST", get.Allow);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(server.BaseUri, HttpMethod.Post, "/pipelines")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(server.BaseUri, HttpMethod.Post, "/pipelines/counts/rescale")).Status);

        var unknown = await Send(server.BaseUri, HttpMethod.Post, "/pipelines/nope/savepoint");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("pipeline 'nope' is not running in this cluster; running: counts", unknown.Error);

        // None of these touched the pipeline; the health routes still answer beside them.
        Assert.Equal(PipelineState.Running, (await _node.GetStatusAsync("counts", Timeout)).State);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(server.BaseUri, "/alive"))).StatusCode);
    }

    [Fact]
    public async Task Allow_operations_auto_refuses_them_on_a_wildcard_address_and_on_or_off_decide_as_set()
    {
        // Bound to every interface (as in Kubernetes): status yes, savepoint and stop no.
        await using (var wildcard = Serve("hostname = \"0.0.0.0\""))
        {
            Assert.False(wildcard.OperationsAllowed);
            var uri = new Uri($"http://127.0.0.1:{wildcard.Endpoint.Port}/");
            Assert.Equal(HttpStatusCode.OK, (await Get<PipelineStatusJson>(uri, "/pipelines/counts")).Status);
            var refused = await Send(uri, HttpMethod.Post, "/pipelines/counts/stop");
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("allow-operations = auto allows them only on a listener bound to a loopback address", refused.Error);
        }
        await using (var off = Serve("allow-operations = off"))
        {
            var refused = await Send(off.BaseUri, HttpMethod.Post, "/pipelines/counts/savepoint");
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("allow-operations = off", refused.Error);
        }
        await using (var on = Serve("hostname = \"0.0.0.0\", allow-operations = on"))
        {
            Assert.True(on.OperationsAllowed);
            // Explicitly on for a wildcard address: any Host (a service name, a pod IP).
            var (status, savepoint) = await Post<SavepointJson>(new Uri($"http://127.0.0.1:{on.Endpoint.Port}/"), "/pipelines/counts/savepoint", host: "streamline-0.streamline:8558");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(savepoint!.Savepoint > 0);
        }
    }

    [Fact]
    public async Task The_management_endpoint_serves_the_same_operations()
    {
        // A second member with a management endpoint (no bootstrap section: it joins the first).
        var config = ConfigurationFactory.ParseString("""
            akka.management.http { hostname = "127.0.0.1", port = 8558, bind-hostname = "127.0.0.1", bind-port = 0 }
            """).WithFallback(_system.Settings.Config);
        var withHttp = ActorSystem.Create("streamline", config);
        try
        {
            // Sharding runs before the join, so the other member's sharding messages find it.
            var member = StreamlineNode.Start(withHttp, new PipelineRegistry());
            await Membership.JoinAsync(withHttp, Akka.Cluster.Cluster.Get(_system).SelfAddress);
            await using var server = await NodeManagement.StartAsync(withHttp, NodeHealth.Get(withHttp), member);
            Assert.NotNull(server);
            Assert.True(server!.ServesOperations);
            var uri = new Uri($"http://127.0.0.1:{server.Endpoint.Port}/");
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(uri, "/ready"))).StatusCode);
            var (status, list) = await Get<PipelineListJson>(uri, "/pipelines");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("counts", Assert.Single(list!.Pipelines).Pipeline);
            Assert.Empty(list.Registered);
            var (savepointStatus, savepoint) = await Post<SavepointJson>(uri, "/pipelines/counts/savepoint");
            Assert.Equal(HttpStatusCode.OK, savepointStatus);
            Assert.True(savepoint!.Savepoint > 0);
        }
        finally
        {
            await withHttp.Terminate();
        }
    }

    private NodeHealthServer Serve(string settings)
    {
        var config = ConfigurationFactory.ParseString($"streamline.node.health {{ port = 0, {settings} }}").WithFallback(_system.Settings.Config);
        return NodeHealthServer.Start(NodeHealth.Get(_system), NodeHealthSettings.FromConfig(config), _node);
    }

    private static async Task<(HttpStatusCode Status, T? Body)> Get<T>(Uri server, string path)
    {
        using var response = await Http.GetAsync(new Uri(server, path));
        return (response.StatusCode, JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), OperationsJson.Options));
    }

    private static async Task<(HttpStatusCode Status, T? Body)> Post<T>(Uri server, string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path));
        request.Headers.Add(OperationsJson.OperationHeader, "1");
        if (host is not null) request.Headers.Host = host;
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), OperationsJson.Options));
    }

    private static async Task<(HttpStatusCode Status, string Error, string? Allow)> Send(Uri server, HttpMethod method, string path, bool header = true, string? host = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(server, path));
        if (header) request.Headers.Add(OperationsJson.OperationHeader, "1");
        if (host is not null) request.Headers.Host = host;
        using var response = await Http.SendAsync(request);
        var error = JsonSerializer.Deserialize<ErrorJson>(await response.Content.ReadAsStringAsync(), OperationsJson.Options);
        return (response.StatusCode, error?.Error ?? "", response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> get, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await get();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"still {value} after {Timeout}");
            await Task.Delay(50);
        }
    }
}
