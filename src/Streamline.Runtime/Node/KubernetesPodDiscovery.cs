using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Discovery;
using Akka.Event;

namespace Streamline.Runtime.Node;

/// <summary>
/// Akka discovery method <c>kubernetes-api</c>: lists the running pods that match a label selector
/// through the Kubernetes API, with the pod's service account, and returns their IPs and the
/// container port named as the lookup asks. Behaves like Akka.Discovery.KubernetesApi, which cannot
/// be used here: version 1.5.73 is built against KubernetesClient 17, only 19 and later are served
/// to this project, and 19 removed the pod-list overload that package calls (MissingMethodException
/// at the first lookup). This needs no client library: one GET and a JSON document.
/// </summary>
public sealed class KubernetesPodDiscovery : ServiceDiscovery, IDisposable
{
    private readonly KubernetesPodDiscoverySettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly HttpClient _http;
    private readonly Uri? _api;
    private readonly string _namespace;

    /// <summary>Called by Akka.Discovery with the <c>akka.discovery.kubernetes-api</c> section.</summary>
    public KubernetesPodDiscovery(ExtendedActorSystem system, Config config)
        : this(KubernetesPodDiscoverySettings.FromConfig(config), Logging.GetLogger(system, typeof(KubernetesPodDiscovery)))
    {
    }

    public KubernetesPodDiscovery(KubernetesPodDiscoverySettings settings, ILoggingAdapter log)
    {
        _settings = settings;
        _log = log;
        _api = ApiBaseUri(settings);
        _namespace = settings.PodNamespace.Length > 0
            ? settings.PodNamespace
            : File.Exists(settings.PodNamespacePath) ? File.ReadAllText(settings.PodNamespacePath).Trim() : "default";
        var handler = new HttpClientHandler();
        if (File.Exists(settings.ApiCaPath))
        {
            // The API server's certificate is signed by the cluster's own CA, not a public one.
            var ca = X509CertificateLoader.LoadCertificateFromFile(settings.ApiCaPath);
            handler.ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            };
        }
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The namespace whose pods are listed.</summary>
    public string Namespace => _namespace;

    public override async Task<Resolved> Lookup(Lookup lookup, TimeSpan resolveTimeout)
    {
        if (_api is null)
            throw new InvalidOperationException(
                $"cannot reach the Kubernetes API: environment variables {_settings.ApiServiceHostEnvName} and {_settings.ApiServicePortEnvName} " +
                $"are not set (they are in every pod), and {KubernetesPodDiscoverySettings.Path}.api-url is empty; outside Kubernetes use a config with seed nodes (cluster.conf)");
        var selector = string.Format(System.Globalization.CultureInfo.InvariantCulture, _settings.PodLabelSelector, lookup.ServiceName);
        var url = new Uri(_api, $"api/v1/namespaces/{Uri.EscapeDataString(_namespace)}/pods?labelSelector={Uri.EscapeDataString(selector)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // Read on every lookup: projected service account tokens are rotated while the pod runs.
        if (File.Exists(_settings.ApiTokenPath))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(_settings.ApiTokenPath).ConfigureAwait(false)).Trim());
        using var timeout = new CancellationTokenSource(resolveTimeout);
        string body;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException(
                $"cannot reach the Kubernetes API at {_api} to list pods ({e.Message}); check {_settings.ApiServiceHostEnvName}/{_settings.ApiServicePortEnvName} " +
                $"or {KubernetesPodDiscoverySettings.Path}.api-url, and that the pod's network reaches the API server", e);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"the Kubernetes API ({_api}) did not list pods within {resolveTimeout.TotalSeconds:0.#} s (akka.management.cluster.bootstrap.contact-point-discovery.resolve-timeout)");
        }
        if (status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            throw new UnauthorizedAccessException(
                $"the Kubernetes API refused to list pods in namespace '{_namespace}' ({(int)status} {status}); the pod's service account needs " +
                "get/list on pods there: apply k8s/role.yaml and k8s/rolebinding.yaml and set serviceAccountName in the StatefulSet");
        if ((int)status is < 200 or > 299)
            throw new HttpRequestException($"the Kubernetes API answered {(int)status} {status} to {url}: {Truncate(body)}", null, status);

        var targets = Targets(body, lookup.PortName);
        if (targets.Count == 0)
            _log.Warning("No running pod with a port named [{0}] found in namespace [{1}] with label selector [{2}]; check the pod labels and container port names",
                lookup.PortName, _namespace, selector);
        return new Resolved(lookup.ServiceName, targets);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Running, not deleted pods with an IP (and the named container port, when one is asked for) in a PodList document.</summary>
    internal List<ResolvedTarget> Targets(string podListJson, string? portName)
    {
        var targets = new List<ResolvedTarget>();
        using var document = JsonDocument.Parse(podListJson);
        if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) return targets;
        foreach (var pod in items.EnumerateArray())
        {
            // A pod being deleted is leaving; joining it would fail.
            if (pod.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("deletionTimestamp", out var deleted) && deleted.ValueKind != JsonValueKind.Null) continue;
            if (!pod.TryGetProperty("status", out var status)) continue;
            if (Text(status, "phase") != "Running") continue;
            var ip = Text(status, "podIP");
            if (string.IsNullOrEmpty(ip) || !IPAddress.TryParse(ip, out var address)) continue;
            if (_settings.ContainerName.Length > 0 && ContainerWaiting(status, _settings.ContainerName)) continue;
            int? port = null;
            if (!string.IsNullOrEmpty(portName))
            {
                port = NamedPort(pod, portName);
                if (port is null) continue;
            }
            var host = _settings.UseRawIp ? ip : $"{ip.Replace('.', '-').Replace(':', '-')}.{_namespace}.pod.{_settings.PodDomain}";
            targets.Add(new ResolvedTarget(host, port, address));
        }
        return targets;
    }

    private static Uri? ApiBaseUri(KubernetesPodDiscoverySettings settings)
    {
        if (settings.ApiUrl.Length > 0) return new Uri(settings.ApiUrl.TrimEnd('/') + "/");
        var host = Environment.GetEnvironmentVariable(settings.ApiServiceHostEnvName);
        var port = Environment.GetEnvironmentVariable(settings.ApiServicePortEnvName);
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port)) return null;
        return new Uri($"https://{(host.Contains(':') ? $"[{host}]" : host)}:{port}/");
    }

    private static int? NamedPort(JsonElement pod, string portName)
    {
        if (!pod.TryGetProperty("spec", out var spec) || !spec.TryGetProperty("containers", out var containers)) return null;
        foreach (var container in containers.EnumerateArray())
        {
            if (!container.TryGetProperty("ports", out var ports)) continue;
            foreach (var p in ports.EnumerateArray())
                if (Text(p, "name") == portName && p.TryGetProperty("containerPort", out var number) && number.TryGetInt32(out var value))
                    return value;
        }
        return null;
    }

    private static bool ContainerWaiting(JsonElement status, string containerName)
    {
        if (!status.TryGetProperty("containerStatuses", out var statuses)) return false;
        foreach (var s in statuses.EnumerateArray())
            if (Text(s, "name") == containerName && s.TryGetProperty("state", out var state) && state.TryGetProperty("waiting", out var waiting) && waiting.ValueKind != JsonValueKind.Null)
                return true;
        return false;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
