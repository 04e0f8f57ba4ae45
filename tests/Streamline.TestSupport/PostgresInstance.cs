using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Streamline.TestSupport;

/// <summary>How <see cref="PostgresInstance.Stop"/> shuts the server down (pg_ctl's -m).</summary>
public enum PostgresStopMode
{
    /// <summary>Disconnect the clients, write a checkpoint, exit cleanly.</summary>
    Fast,

    /// <summary>Kill the server without a checkpoint, like a crash; the next start runs WAL recovery.</summary>
    Immediate,
}

/// <summary>Settings of a <see cref="PostgresInstance"/>.</summary>
public sealed record PostgresOptions
{
    /// <summary>
    /// fsync on or off. Off (the default) loses nothing unless the machine itself crashes, even on an
    /// immediate stop, and keeps tests fast; turn it on to measure what a real deployment would see.
    /// </summary>
    public bool Fsync { get; init; }

    public int MaxConnections { get; init; } = 200;

    /// <summary>How long a start may take until the server accepts connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>More postgresql.conf settings, written verbatim as <c>name = value</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A private PostgreSQL server for tests: initdb into a fresh temporary directory, trust authentication,
/// listening on 127.0.0.1 on a free port (its unix socket in that directory), started and stopped with
/// pg_ctl. PostgreSQL refuses to run as root, so a root process runs the server binaries as the
/// <c>postgres</c> system user (runuser) and hands the directory to it. <see cref="Stop"/> and
/// <see cref="Start"/> may be called again and again on the same data directory and port.
/// <see cref="Dispose"/> stops the server and deletes the directory. Usable as an xunit class or
/// collection fixture (the constructor starts the server); <see cref="Start(PostgresOptions)"/> for other options.
/// </summary>
public sealed class PostgresInstance : IDisposable
{
    public const string InstallHint = "install the postgresql package: apt-get install -y postgresql";
    public const string SuperUser = "postgres";
    public const string Host = "127.0.0.1";

    /// <summary>Overrides where initdb and pg_ctl are looked for.</summary>
    public const string BinDirectoryVariable = "STREAMLINE_POSTGRES_BIN";

    private const string SystemUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private readonly PostgresOptions _options;
    private readonly bool _asSystemUser;
    private readonly object _gate = new();
    private bool _running;
    private bool _disposed;

    /// <summary>Starts a server with the default <see cref="PostgresOptions"/> (the one public constructor, as xunit fixtures need).</summary>
    public PostgresInstance() : this(new PostgresOptions())
    {
    }

    private PostgresInstance(PostgresOptions options)
    {
        _options = options;
        BinDirectory = FindBinDirectory();
        _asSystemUser = Environment.IsPrivilegedProcess;
        if (_asSystemUser && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser") && !File.Exists("/usr/bin/runuser"))
            throw new InvalidOperationException("Running as root, PostgreSQL must run as the 'postgres' user, but runuser (util-linux) is missing.");

        RootDirectory = CreateRootDirectory();
        DataDirectory = Path.Combine(RootDirectory, "data");
        LogFile = Path.Combine(RootDirectory, "server.log");
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            InitDb();
            Port = LoopbackPort.Free();
            WriteSettings();
            StartWithFreshPortOnConflict();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Starts a server with the given options.</summary>
    public static PostgresInstance Start(PostgresOptions options) => new(options);

    /// <summary>The directory of initdb, pg_ctl and postgres that this instance runs.</summary>
    public string BinDirectory { get; }

    /// <summary>The temporary directory holding the data directory, the unix socket and the log.</summary>
    public string RootDirectory { get; }

    public string DataDirectory { get; }

    public string LogFile { get; }

    public int Port { get; private set; }

    public bool IsRunning
    {
        get { lock (_gate) return _running; }
    }

    /// <summary>Npgsql connection string of the <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Starts the stopped server again on the same data directory and port; returns once it accepts connections.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running) return;
            StartServer();
        }
    }

    /// <summary>Stops the server (and waits until it has exited); <see cref="Start"/> brings it back.</summary>
    public void Stop(PostgresStopMode mode = PostgresStopMode.Fast)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_running) return;
            StopServer(mode);
        }
    }

    /// <summary>Creates a database (a fresh name when none is given) and returns its connection string.</summary>
    public string CreateDatabase(string? name = null)
    {
        name ??= "db_" + Guid.NewGuid().ToString("N")[..16];
        if (name.Length == 0 || name.Length > 63 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            throw new ArgumentException("Use 1 to 63 characters of a-z, 0-9 and _.", nameof(name));
        using var connection = new NpgsqlConnection(AdminConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionStringFor(name);
    }

    /// <summary>The server's log so far (for failure messages).</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            if (_running)
            {
                try
                {
                    StopServer(PostgresStopMode.Immediate);
                }
                catch (InvalidOperationException)
                {
                    // Deleting the directory below still ends a server that failed to stop: it shuts down when its data directory is gone.
                }
            }

            DeleteRootDirectory();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static string FindBinDirectory()
    {
        static bool HasServer(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var overridden = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            if (HasServer(overridden)) return overridden;
            throw new InvalidOperationException($"{BinDirectoryVariable}={overridden} holds no initdb and pg_ctl; {InstallHint}");
        }

        // Debian and Ubuntu: /usr/lib/postgresql/<major>/bin, not on PATH. Take the newest major version.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: double.TryParse(Path.GetFileName(dir), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(c => HasServer(c.Dir))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
        return onPath ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found in {debianRoot}/*/bin nor on PATH; {InstallHint}");
    }

    private string CreateRootDirectory()
    {
        // Short paths: the unix socket path (directory + "/.s.PGSQL.<port>") must stay under 108 bytes.
        var candidates = new List<string> { Path.GetTempPath() };
        if (_asSystemUser && Path.GetFullPath(Path.GetTempPath()).TrimEnd('/') != "/tmp") candidates.Add("/tmp");
        foreach (var parent in candidates)
        {
            var dir = Path.Combine(parent, "streamline-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            if (!_asSystemUser) return dir;

            // The postgres user must own the directory and reach it through every parent.
            var chown = RunCommand("chown", [$"{SystemUser}:", dir], asSystemUser: false);
            if (chown.ExitCode != 0)
            {
                TryDelete(dir);
                throw new InvalidOperationException($"chown {SystemUser}: {dir} failed (is there a '{SystemUser}' system user? {InstallHint}): {chown.Output}");
            }

            if (RunCommand("test", ["-w", dir], asSystemUser: true).ExitCode == 0) return dir;
            TryDelete(dir);
        }

        throw new InvalidOperationException($"The '{SystemUser}' user cannot write to a directory under {string.Join(" or ", candidates)}.");
    }

    private void InitDb()
    {
        var result = RunTool("initdb", ["-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"initdb failed ({result.ExitCode}): {result.Output}");
    }

    private void WriteSettings()
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_addresses", "'127.0.0.1'"),
            new("port", Port.ToString(CultureInfo.InvariantCulture)),
            new("unix_socket_directories", $"'{RootDirectory}'"),
            new("max_connections", _options.MaxConnections.ToString(CultureInfo.InvariantCulture)),
            new("fsync", _options.Fsync ? "on" : "off"),
            new("full_page_writes", _options.Fsync ? "on" : "off"),
        };
        settings.AddRange(_options.Settings);
        var text = new StringBuilder("\n# Streamline.TestSupport.PostgresInstance\n");
        foreach (var (name, value) in settings) text.Append(name).Append(" = ").Append(value).Append('\n');
        // Appended: a later line overrides an earlier one, so a changed port is simply appended again.
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), text.ToString());
    }

    private void StartWithFreshPortOnConflict()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                lock (_gate) StartServer();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ReadLog().Contains("Address already in use", StringComparison.Ordinal))
            {
                Port = LoopbackPort.Free();
                File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), $"port = {Port}\n");
            }
        }
    }

    private void StartServer()
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        var seconds = ((int)Math.Ceiling(_options.StartTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // -w: pg_ctl itself waits until the server reports ready (postmaster.pid), then we also connect.
        var result = RunTool("pg_ctl", ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", seconds, "-s"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"pg_ctl start failed ({result.ExitCode}): {result.Output}\n--- server log ---\n{Tail(ReadLog())}");
        _running = true;
        WaitUntilAcceptingConnections(deadline);
    }

    private void WaitUntilAcceptingConnections(DateTime deadline)
    {
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Timeout = 5 }.ConnectionString;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var connection = new NpgsqlConnection(probe);
                connection.Open();
                using var command = new NpgsqlCommand("SELECT 1", connection);
                command.ExecuteScalar();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                last = e;
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL on port {Port} did not accept connections within {_options.StartTimeout}: {last?.Message}\n--- server log ---\n{Tail(ReadLog())}", last);
    }

    private void StopServer(PostgresStopMode mode)
    {
        var result = RunTool("pg_ctl", ["stop", "-D", DataDirectory, "-m", mode == PostgresStopMode.Fast ? "fast" : "immediate", "-w", "-t", "60", "-s"]);
        // Exit 1 with "PID file ... does not exist": it was not running (e.g. killed from outside); that is stopped too.
        if (result.ExitCode != 0 && !result.Output.Contains("Is server running?", StringComparison.Ordinal))
            throw new InvalidOperationException($"pg_ctl stop failed ({result.ExitCode}): {result.Output}");
        _running = false;
    }

    /// <summary>The admin connections never pool, so a stopped server leaves no stale pooled connection behind.</summary>
    private string AdminConnectionString() => new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;

    private (int ExitCode, string Output) RunTool(string tool, IReadOnlyList<string> args) =>
        RunCommand(Path.Combine(BinDirectory, tool), args, _asSystemUser);

    private (int ExitCode, string Output) RunCommand(string fileName, IReadOnlyList<string> args, bool asSystemUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = asSystemUser ? "runuser" : fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user must be able to read its working directory.
            WorkingDirectory = Directory.Exists(RootDirectory) ? RootDirectory : "/",
        };
        if (asSystemUser)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(SystemUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(fileName);
        }

        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} did not finish within {CommandTimeout}.");
        }

        // pg_ctl start hands the server's output to the log file, so the pipes close when pg_ctl exits.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10));
        var output = (stdout.IsCompletedSuccessfully ? stdout.Result : "") + (stderr.IsCompletedSuccessfully ? stderr.Result : "");
        return (process.ExitCode, output.Trim());
    }

    private void DeleteRootDirectory()
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(RootDirectory); attempt++)
        {
            if (!TryDelete(RootDirectory)) Thread.Sleep(200);
        }
    }

    private static bool TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Tail(string log, int lines = 30) =>
        string.Join('\n', log.Split('\n').TakeLast(lines));
}
