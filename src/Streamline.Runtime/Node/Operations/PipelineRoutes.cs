using System.Net;
using System.Text.Json;
using Streamline.Runtime.Coordination;

namespace Streamline.Runtime.Node.Operations;

/// <summary>
/// The pipeline operations over HTTP, for the node's health listener and its management endpoint:
/// <c>GET /pipelines</c>, <c>GET /pipelines/{name}</c>, <c>POST /pipelines/{name}/savepoint</c>,
/// <c>POST /pipelines/{name}/stop</c>, <c>GET /pipelines/{name}/savepoints</c> and
/// <c>DELETE /pipelines/{name}/savepoints/{id}</c>, answered in JSON through the node's <see cref="StreamlineNode"/>
/// (any member reaches every pipeline through the manager). The operations that change something are served only where
/// <c>streamline.node.health.allow-operations</c> allows them for the bound address, only with the
/// <see cref="OperationsJson.OperationHeader"/> header, and on a loopback listener only for a loopback Host.
/// </summary>
internal sealed class PipelineRoutes
{
    private readonly StreamlineNode _node;
    private readonly NodeHealthSettings _settings;
    private readonly IPAddress _bound;
    private readonly bool _allowed;

    public PipelineRoutes(StreamlineNode node, NodeHealthSettings settings, IPAddress bound)
    {
        _node = node;
        _settings = settings;
        _bound = bound;
        _allowed = settings.OperationsAllowed(bound);
    }

    /// <summary>Whether this endpoint serves savepoint and stop, for the node's start-up line.</summary>
    public bool OperationsAllowed => _allowed;

    /// <summary>The prefix route for <see cref="PlainHttpServer"/>.</summary>
    public IReadOnlyDictionary<string, Func<PlainHttpServer.Request, Task<PlainHttpServer.Response>>> AsPrefixRoutes() =>
        new Dictionary<string, Func<PlainHttpServer.Request, Task<PlainHttpServer.Response>>>(StringComparer.Ordinal) { [OperationsJson.Prefix] = HandleAsync };

    public async Task<PlainHttpServer.Response> HandleAsync(PlainHttpServer.Request request)
    {
        var rest = request.Path.Length > OperationsJson.Prefix.Length ? request.Path[(OperationsJson.Prefix.Length + 1)..] : "";
        var segments = rest.Length == 0 ? Array.Empty<string>() : rest.Split('/');
        string name;
        try
        {
            name = segments.Length > 0 ? Uri.UnescapeDataString(segments[0]) : "";
        }
        catch (UriFormatException)
        {
            return Error(400, $"the pipeline name in {request.Path} is not valid URL encoding");
        }
        try
        {
            switch (segments.Length)
            {
                case 0:
                    return Read(request) ?? Json(200, await ListAsync().ConfigureAwait(false));
                case 1 when name.Length > 0:
                    return Read(request) ?? Json(200, PipelineStatusJson.From(await _node.GetStatusAsync(name, _settings.StatusTimeout).ConfigureAwait(false)));
                case 2 when name.Length > 0 && segments[1] == "savepoints":
                    return Read(request) ?? Json(200, await SavepointsAsync(name).ConfigureAwait(false));
                case 3 when name.Length > 0 && segments[1] == "savepoints":
                    if (!long.TryParse(segments[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                        return Error(400, $"'{segments[2]}' in {request.Path} is not a savepoint id (a number, as GET {OperationsJson.PathOf(name, "savepoints")} lists them)");
                    if (Guard(request, "deleting a savepoint", "DELETE") is { } forbidden) return forbidden;
                    await _node.DeleteSavepointAsync(name, id, _settings.OperationTimeout).ConfigureAwait(false);
                    return Json(200, new SavepointDeletedJson(name, id));
                case 2 when name.Length > 0 && segments[1] == "savepoint":
                    return Guard(request, "a savepoint")
                           ?? Json(200, new SavepointJson(name, await _node.TakeSavepointAsync(name, _settings.OperationTimeout).ConfigureAwait(false)));
                case 2 when name.Length > 0 && segments[1] == "stop":
                    if (Guard(request, "a stop") is { } refused) return refused;
                    await _node.StopAsync(name, _settings.OperationTimeout).ConfigureAwait(false);
                    return Json(200, new StoppedJson(name, nameof(PipelineState.Finished)));
                default:
                    return Error(404, $"no such path {request.Path}; pipeline operations are GET {OperationsJson.Prefix}, GET {OperationsJson.Prefix}/NAME, " +
                                      $"POST {OperationsJson.Prefix}/NAME/savepoint, POST {OperationsJson.Prefix}/NAME/stop, GET {OperationsJson.Prefix}/NAME/savepoints " +
                                      $"and DELETE {OperationsJson.Prefix}/NAME/savepoints/ID");
            }
        }
        catch (PipelineNotRunningException e)
        {
            return Error(404, e.Message);
        }
        catch (TimeoutException e)
        {
            return Error(504, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // The coordinator's reason: a savepoint could not be taken now, the pipeline failed while stopping.
            return Error(409, e.Message);
        }
        catch (Exception e)
        {
            return Error(500, $"internal error: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<PipelineListJson> ListAsync()
    {
        var names = await _node.ListPipelinesAsync(_settings.StatusTimeout).ConfigureAwait(false);
        var summaries = await Task.WhenAll(names.Select(async name =>
        {
            try
            {
                var s = await _node.GetStatusAsync(name, _settings.StatusTimeout).ConfigureAwait(false);
                return new PipelineSummaryJson(name, s.State.ToString(), s.Epoch, s.Restarts, s.Tasks.Count, s.Checkpoints.LastCompletedId, s.Failure);
            }
            catch (PipelineNotRunningException)
            {
                // Ended between the listing and its status.
                return null;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                return new PipelineSummaryJson(name, "Unknown", null, null, null, null, e.Message);
            }
        })).ConfigureAwait(false);
        return new PipelineListJson(summaries.OfType<PipelineSummaryJson>().ToList(), _node.Registry.Names.Order(StringComparer.Ordinal).ToList());
    }

    private async Task<SavepointListJson> SavepointsAsync(string pipeline)
    {
        var savepoints = await _node.ListSavepointsAsync(pipeline, _settings.StatusTimeout).ConfigureAwait(false);
        return new SavepointListJson(pipeline, savepoints.Select(s =>
            new SavepointInfoJson(s.SavepointId, DateTimeOffset.FromUnixTimeMilliseconds(s.Timestamp), s.Bytes, s.Parallelism)).ToList());
    }

    private static PlainHttpServer.Response? Read(PlainHttpServer.Request request) =>
        request.Method is "GET" or "HEAD" ? null : Error(405, $"method {request.Method} not allowed on {request.Path}; use GET", "GET, HEAD");

    /// <summary>The refusal of a request that would change a pipeline, or null when it may.</summary>
    private PlainHttpServer.Response? Guard(PlainHttpServer.Request request, string what, string method = "POST")
    {
        if (request.Method != method) return Error(405, $"method {request.Method} not allowed on {request.Path}; use {method}", method);
        if (!_allowed)
        {
            var why = _settings.AllowOperations is null
                ? $"{NodeHealthSettings.Path}.allow-operations = auto allows them only on a listener bound to a loopback address, and this one is bound to {_bound}"
                : $"{NodeHealthSettings.Path}.allow-operations = off";
            return Error(403, $"{what} is not allowed on this endpoint: {why}. Send it to a node whose endpoint listens on loopback (e.g. through kubectl port-forward), " +
                              $"or set allow-operations = on where the network limits who reaches this port (there is no authentication)");
        }
        if (string.IsNullOrEmpty(request.Header(OperationsJson.OperationHeader)))
            return Error(403, $"{what} request must carry the header {OperationsJson.OperationHeader} (the streamline CLI sends it; with curl: -H '{OperationsJson.OperationHeader}: 1'); " +
                              "requiring it keeps web pages in a browser from sending such requests");
        if (IPAddress.IsLoopback(_bound) && !IsLoopbackHost(request.Header("Host")))
            return Error(403, $"the Host header '{request.Header("Host")}' does not name a loopback address; this endpoint listens on {_bound} and serves {what} only for " +
                              "localhost, 127.0.0.1 or [::1] (a page whose own name resolves to 127.0.0.1 must not reach it)");
        return null;
    }

    /// <summary>Whether a Host header (host, optionally :port) names this machine's loopback.</summary>
    internal static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return false;
        host = host.Trim();
        string name;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            if (close < 0) return false;
            name = host[1..close];
        }
        else
        {
            var colon = host.IndexOf(':');
            name = colon < 0 ? host : host[..colon];
        }
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static PlainHttpServer.Response Json<T>(int status, T body) =>
        new(status, JsonSerializer.Serialize(body, OperationsJson.Options), "application/json; charset=utf-8");

    private static PlainHttpServer.Response Error(int status, string message, string? allow = null) =>
        Json(status, new ErrorJson(message)) with { Allow = allow };
}
