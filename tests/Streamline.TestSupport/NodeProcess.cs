using System.Diagnostics;

namespace Streamline.TestSupport;

/// <summary>A `streamline node` OS process; its stdout lines are kept and can be awaited.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waits = new();
    private bool _disposed;

    public NodeProcess(string configFile, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostDll());
        info.ArgumentList.Add("node");
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(configFile);
        foreach (var a in args) info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_lines) return string.Join('\n', _lines); }
    }

    public Task<string> WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var tcs = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var existing = _lines.FirstOrDefault(match);
            if (existing is not null) return Task.FromResult(existing);
            _waits.Add((match, tcs));
        }
        return tcs.Task.WaitAsync(timeout);
    }

    /// <summary>SIGTERM, as Kubernetes stops a pod: the node leaves the cluster gracefully.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", new[] { "-TERM", _process.Id.ToString() })) await kill!.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>kill -9: no graceful leave, no flush.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var w in _waits.Where(w => w.Match(line)).ToList())
            {
                w.Done.TrySetResult(line);
                _waits.Remove(w);
            }
        }
    }

    /// <summary>The streamline executable of this build: src/Streamline.Host/bin/&lt;the caller's configuration&gt;/net10.0/streamline.dll.</summary>
    public static string HostDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Streamline.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("cannot find the repository root (Streamline.sln) above " + AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = Path.Combine(dir.FullName, "src", "Streamline.Host", "bin", configuration, "net10.0", "streamline.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build src/Streamline.Host first ({dll} is missing)", dll);
    }
}
