using Akka.Configuration;

namespace Streamline.Runtime.Node;

/// <summary>
/// Settings of <see cref="KubernetesPodDiscovery"/>, read from <c>akka.discovery.kubernetes-api</c>
/// (the keys of Akka.Discovery.KubernetesApi's own section; defaults in the runtime's reference.conf).
/// </summary>
public sealed record KubernetesPodDiscoverySettings
{
    public const string Path = "akka.discovery.kubernetes-api";

    /// <summary>Base URL of the API server; empty: https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT.</summary>
    public string ApiUrl { get; init; } = "";

    public string ApiCaPath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";

    public string ApiTokenPath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public string ApiServiceHostEnvName { get; init; } = "KUBERNETES_SERVICE_HOST";

    public string ApiServicePortEnvName { get; init; } = "KUBERNETES_SERVICE_PORT";

    public string PodNamespacePath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>Empty: read from <see cref="PodNamespacePath"/>, else "default".</summary>
    public string PodNamespace { get; init; } = "";

    /// <summary>Label selector; <c>{0}</c> is the looked-up service name.</summary>
    public string PodLabelSelector { get; init; } = "app={0}";

    public bool UseRawIp { get; init; } = true;

    public string PodDomain { get; init; } = "cluster.local";

    /// <summary>Empty: any; else pods whose container of this name is still waiting are skipped.</summary>
    public string ContainerName { get; init; } = "";

    /// <summary>Reads the discovery section (<paramref name="section"/> is <c>akka.discovery.kubernetes-api</c> itself); invalid values fail fast.</summary>
    public static KubernetesPodDiscoverySettings FromConfig(Config section)
    {
        var c = section.WithFallback(RuntimeConfig.Default().GetConfig(Path));
        if (c.GetBoolean("all-namespaces"))
            throw Invalid("all-namespaces", "on", "is not supported: the node lists pods in its own namespace only (pod-namespace), which is all k8s/role.yaml allows");
        var settings = new KubernetesPodDiscoverySettings
        {
            ApiUrl = c.GetString("api-url") ?? "",
            ApiCaPath = c.GetString("api-ca-path") ?? "",
            ApiTokenPath = c.GetString("api-token-path") ?? "",
            ApiServiceHostEnvName = c.GetString("api-service-host-env-name") ?? "",
            ApiServicePortEnvName = c.GetString("api-service-port-env-name") ?? "",
            PodNamespacePath = c.GetString("pod-namespace-path") ?? "",
            // Akka's reference.conf spells "unset" as "<pod-namespace>".
            PodNamespace = c.GetString("pod-namespace") is { } ns && !ns.StartsWith('<') ? ns : "",
            PodLabelSelector = c.GetString("pod-label-selector") ?? "",
            UseRawIp = c.GetBoolean("use-raw-ip"),
            PodDomain = c.GetString("pod-domain") ?? "",
            ContainerName = c.GetString("container-name") ?? "",
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        if (!PodLabelSelector.Contains("{0}", StringComparison.Ordinal))
            throw Invalid("pod-label-selector", PodLabelSelector, "must contain {0}, which is replaced by the bootstrap service-name (e.g. \"app={0}\")");
        if (ApiUrl.Length > 0 && !(Uri.TryCreate(ApiUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw Invalid("api-url", ApiUrl, "must be an absolute http(s) URL of the API server, or empty to use the in-cluster service address");
    }

    private static ConfigurationException Invalid(string key, string value, string rule) =>
        new($"invalid setting {Path}.{key} = \"{value}\": {rule}");
}
