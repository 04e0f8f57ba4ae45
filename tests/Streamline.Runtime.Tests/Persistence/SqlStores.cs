using Akka.Configuration;

namespace Streamline.Runtime.Tests.Persistence;

/// <summary>The two Akka.Persistence.Sql setups checkpoint storage will use (see docs/persistence-notes.md).</summary>
public static class SqlStores
{
    /// <summary>linq2db provider for Microsoft.Data.Sqlite.</summary>
    public const string SqliteProvider = "SQLite.MS";

    /// <summary>
    /// linq2db provider for Npgsql. The newest linq2db 6.5.1 names is PostgreSQL.18; PostgreSQL.15 works on
    /// every server from 15 on (Debian 12's), which is what a cluster will have at least.
    /// </summary>
    public const string PostgresProvider = "PostgreSQL.15";

    /// <summary>Journal and snapshot store on Akka.Persistence.Sql, tables created on first use.</summary>
    public static Config PersistenceConfig(string providerName, string connectionString) => ConfigurationFactory.ParseString($$"""
        akka.persistence {
          journal {
            plugin = "akka.persistence.journal.sql"
            sql {
              class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
              connection-string = "{{connectionString}}"
              provider-name = "{{providerName}}"
              auto-initialize = on
            }
          }
          snapshot-store {
            plugin = "akka.persistence.snapshot-store.sql"
            sql {
              class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
              connection-string = "{{connectionString}}"
              provider-name = "{{providerName}}"
              auto-initialize = on
            }
          }
        }
        """);
}
