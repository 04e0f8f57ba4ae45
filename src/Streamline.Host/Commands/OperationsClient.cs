using System.Net.Http.Headers;
using System.Text.Json;
using Streamline.Runtime.Node.Operations;

namespace Streamline.Host.Commands;

/// <summary>
/// The HTTP client of a node's pipeline operations (<c>/pipelines</c> on its health listener or
/// management endpoint): one request per call, the node's own message on failure.
/// </summary>
public sealed class OperationsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly TimeSpan _timeout;

    public OperationsClient(string url, TimeSpan timeout)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new OperationFailedException($"--url '{url}' is not an absolute http:// URL; give a node's health or management endpoint, e.g. http://127.0.0.1:8559 " +
                                               "(`streamline node` prints it at start: \"health endpoints: …\")");
        // The base path ends with a slash, so relative paths resolve below it.
        _base = uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
        _timeout = timeout;
        // The node bounds savepoint and stop itself (streamline.node.health.operation-timeout); this is the caller's patience.
        _http = new HttpClient { Timeout = timeout };
    }

    public Task<PipelineListJson> ListAsync(CancellationToken ct) => SendAsync<PipelineListJson>(HttpMethod.Get, OperationsJson.Prefix, ct);

    public Task<PipelineStatusJson> StatusAsync(string pipeline, CancellationToken ct) => SendAsync<PipelineStatusJson>(HttpMethod.Get, OperationsJson.PathOf(pipeline), ct);

    public Task<SavepointJson> SavepointAsync(string pipeline, CancellationToken ct) => SendAsync<SavepointJson>(HttpMethod.Post, OperationsJson.PathOf(pipeline, "savepoint"), ct);

    public Task<StoppedJson> StopAsync(string pipeline, CancellationToken ct) => SendAsync<StoppedJson>(HttpMethod.Post, OperationsJson.PathOf(pipeline, "stop"), ct);

    public Task<SavepointListJson> SavepointsAsync(string pipeline, CancellationToken ct) => SendAsync<SavepointListJson>(HttpMethod.Get, OperationsJson.PathOf(pipeline, "savepoints"), ct);

    public Task<SavepointDeletedJson> DeleteSavepointAsync(string pipeline, long savepoint, CancellationToken ct) =>
        SendAsync<SavepointDeletedJson>(HttpMethod.Delete, OperationsJson.PathOf(pipeline, $"savepoints/{savepoint}"), ct);

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, CancellationToken ct)
    {
        var uri = new Uri(_base, path.TrimStart('/'));
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Marks a deliberate operation; the node refuses savepoint, stop and delete without it (see allow-operations).
        if (method != HttpMethod.Get) request.Headers.Add(OperationsJson.OperationHeader, "cli");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new OperationFailedException($"cannot reach {_base}: {e.Message}; is the node running, and is --url its health or management endpoint " +
                                               "(`streamline node` prints it at start: \"health endpoints: …\")?", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new OperationFailedException($"no answer from {uri} within {_timeout.TotalSeconds:0} s (--timeout); the operation may still complete on the node: check `streamline status`", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonSerializer.Deserialize<T>(body, OperationsJson.Options) ?? throw new JsonException("empty body");
                }
                catch (JsonException e)
                {
                    throw new OperationFailedException($"{uri} answered {(int)response.StatusCode} with something that is not a pipeline operation's answer ({e.Message}); is --url a Streamline node's endpoint?", e);
                }
            }
            throw new OperationFailedException(ErrorText(response, body));
        }
    }

    /// <summary>The node's own message when it sent one (JSON {"error": …}), else the status and body as they came.</summary>
    private static string ErrorText(HttpResponseMessage response, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize<ErrorJson>(body, OperationsJson.Options) is { Error.Length: > 0 } error) return error.Error;
        }
        catch (JsonException)
        {
            // Not one of the operations' answers (another server, a proxy): show it as it came.
        }
        var text = body.Trim();
        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(text.Length == 0 ? "" : ": " + (text.Length > 500 ? text[..500] + "…" : text))}";
    }
}
