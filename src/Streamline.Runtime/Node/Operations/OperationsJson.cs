using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streamline.Runtime.Node.Operations;

/// <summary>
/// The HTTP contract of the pipeline operations a node serves (<c>/pipelines</c> on its health
/// listener and management endpoint), shared by the server and the <c>streamline</c> CLI.
/// </summary>
public static class OperationsJson
{
    /// <summary>
    /// The routes' common prefix: <c>GET /pipelines</c>, <c>GET /pipelines/{name}</c>, <c>POST /pipelines/{name}/savepoint</c>,
    /// <c>POST /pipelines/{name}/stop</c>, <c>GET /pipelines/{name}/savepoints</c>, <c>DELETE /pipelines/{name}/savepoints/{id}</c>.
    /// </summary>
    public const string Prefix = "/pipelines";

    /// <summary>
    /// The header a request that changes something (savepoint, stop, delete) must carry (any value): a browser does not send a
    /// custom header to another origin without a CORS preflight, which the server never grants.
    /// </summary>
    public const string OperationHeader = "X-Streamline-Operation";

    /// <summary>
    /// camelCase names, enums as text, indented and without escaping quotes or non-ASCII (people read
    /// it with curl too; it is served as application/json, never inside HTML).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The path of a pipeline's status (<paramref name="operation"/> null) or of one of its operations.</summary>
    public static string PathOf(string pipeline, string? operation = null) =>
        $"{Prefix}/{Uri.EscapeDataString(pipeline)}{(operation is null ? "" : "/" + operation)}";
}
