using System.Text;
using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// HOCON that points Akka.Persistence (journal and snapshot store) at Akka.Persistence.Sql, for
/// nodes to use as a fallback under their own configuration: a node with no persistence settings
/// keeps its checkpoints in a SQLite file, one with its own plugin settings keeps those.
/// </summary>
public static class CheckpointPersistenceConfig
{
    public const string JournalPluginId = "akka.persistence.journal.sql";

    public const string SnapshotPluginId = "akka.persistence.snapshot-store.sql";

    /// <summary>linq2db's provider name for Microsoft.Data.Sqlite.</summary>
    public const string SqliteProviderName = "SQLite.MS";

    /// <summary>linq2db's provider name for PostgreSQL through Npgsql; the 15 dialect works against newer servers too.</summary>
    public const string PostgresProviderName = "PostgreSQL.15";

    /// <summary>The zero-setup store: a SQLite file at <c>streamline.runtime.checkpoints.sqlite-path</c> of <paramref name="config"/>.</summary>
    public static Config Default(Config config) => Sqlite(CheckpointStorageSettings.FromConfig(config).SqlitePath);

    /// <summary>Journal and snapshot store in the SQLite file <paramref name="path"/> (relative to the working directory; tables are created on first use).</summary>
    public static Config Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ToString();
        return Build(connectionString, SqliteProviderName);
    }

    /// <summary>Journal and snapshot store in the PostgreSQL database of <paramref name="connectionString"/> (an Npgsql connection string; tables are created on first use).</summary>
    public static Config Postgres(string connectionString, string providerName = PostgresProviderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        return Build(connectionString, providerName);
    }

    private static Config Build(string connectionString, string providerName) => ConfigurationFactory.ParseString(Text(connectionString, providerName));

    /// <summary>The HOCON text of journal and snapshot store on Akka.Persistence.Sql, to write into a node's config file.</summary>
    public static string Text(string connectionString, string providerName)
    {
        var cs = Quote(connectionString);
        var provider = Quote(providerName);
        // class and plugin-id are spelled out: Akka.Persistence.Sql's own defaults are only merged
        // in by its Akka.Hosting setup, and Akka.Persistence needs the class to start the plugin.
        // call-timeout: one request carries a whole chunk (8 MiB by default), and a SQLite writer may
        // wait up to its 30 s busy timeout for another writer; the 20 s default is too tight for that,
        // and it stays below streamline.runtime.checkpoints.operation-timeout (60 s) so the store's
        // own error, not a bare ask timeout, is what gets reported.
        // max-failures: the snapshot store's circuit breaker never opens. With Akka's default (open after
        // 5 failures, then refuse everything for reset-timeout = 60 s) one failed checkpoint (a failed
        // save per task) opens it, and checkpoints keep failing for up to a minute after the database
        // is back (58 s measured with PostgreSQL stopped for a few seconds). And a half-open breaker
        // makes Akka.Persistence 1.5.73's snapshot store throw OpenCircuitException out of its receive
        // when a second request arrives (HalfOpen.Invoke throws instead of returning a faulted task),
        // as the saves of one checkpoint's tasks do: the store restarts, that request is never
        // answered (its save waits for operation-timeout), and with auto-initialize it retries creating
        // its table every second while the database is down. Checkpoints bound their load themselves
        // (one at a time, max-concurrent-requests per task): nothing for a breaker to shed, and a save
        // to an unreachable database fails by itself (connection refused, connect timeout, call-timeout).
        var hocon = $$"""
            akka.persistence {
              journal {
                plugin = "{{JournalPluginId}}"
                sql {
                  class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                  plugin-id = "{{JournalPluginId}}"
                  connection-string = {{cs}}
                  provider-name = {{provider}}
                  auto-initialize = on
                }
              }
              snapshot-store {
                plugin = "{{SnapshotPluginId}}"
                sql {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  plugin-id = "{{SnapshotPluginId}}"
                  connection-string = {{cs}}
                  provider-name = {{provider}}
                  auto-initialize = on
                  circuit-breaker {
                    call-timeout = 45s
                    max-failures = 1000000
                  }
                }
              }
            }
            """;
        return hocon;
    }

    /// <summary>A HOCON quoted string (paths on Windows and connection strings carry backslashes, quotes and semicolons).</summary>
    private static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(ch)) sb.Append($"\\u{(int)ch:x4}");
                    else sb.Append(ch);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
