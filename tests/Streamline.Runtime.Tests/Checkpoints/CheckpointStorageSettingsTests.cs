using Akka.Actor;
using Akka.Configuration;
using Streamline.Runtime.Checkpoints;
using Xunit;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>streamline.runtime.checkpoints and the generated Akka.Persistence configuration.</summary>
public sealed class CheckpointStorageSettingsTests
{
    [Fact]
    public void The_reference_conf_defaults_match_the_documented_ones()
    {
        var settings = CheckpointStorageSettings.FromConfig(Config.Empty);

        Assert.Equal(new CheckpointStorageSettings(), settings);
        Assert.Equal(8 * 1024 * 1024, settings.ChunkSize);
        Assert.Equal("", settings.SnapshotPlugin);
        Assert.Equal("streamline-state.db", settings.SqlitePath);
    }

    [Fact]
    public void Settings_are_read_from_config()
    {
        var settings = CheckpointStorageSettings.FromConfig(ConfigurationFactory.ParseString("""
            streamline.runtime.checkpoints {
              snapshot-plugin = "akka.persistence.snapshot-store.other"
              chunk-size = 4MiB
              operation-timeout = 5s
              max-concurrent-requests = 2
              sqlite-path = "/var/lib/streamline/state.db"
            }
            """));

        Assert.Equal("akka.persistence.snapshot-store.other", settings.SnapshotPlugin);
        Assert.Equal(4 * 1024 * 1024, settings.ChunkSize);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.OperationTimeout);
        Assert.Equal(2, settings.MaxConcurrentRequests);
        Assert.Equal("/var/lib/streamline/state.db", settings.SqlitePath);
    }

    [Theory]
    [InlineData("chunk-size = lots", "chunk-size = \"lots\": must be a byte size")]
    [InlineData("chunk-size = 1KiB", "chunk-size = \"1KiB\": must be from 4096")]
    [InlineData("chunk-size = 1GiB", "chunk-size = \"1GiB\": must be from 4096")]
    [InlineData("operation-timeout = 0s", "operation-timeout")]
    [InlineData("max-concurrent-requests = 0", "max-concurrent-requests = \"0\": must be at least 1")]
    [InlineData("sqlite-path = \"\"", "sqlite-path")]
    public void Invalid_settings_fail_naming_the_setting_and_value(string setting, string expected)
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            CheckpointStorageSettings.FromConfig(ConfigurationFactory.ParseString($"streamline.runtime.checkpoints.{setting}")));

        Assert.Contains("invalid setting streamline.runtime.checkpoints." + expected, e.Message);
    }

    [Fact]
    public void The_SQLite_store_config_points_journal_and_snapshot_store_at_the_file()
    {
        // Quotes and backslashes must survive the trip through HOCON.
        var path = Path.Combine(Path.GetTempPath(), "odd \"name\\\" dir", "state.db");

        var config = CheckpointPersistenceConfig.Sqlite(path);

        Assert.Equal(CheckpointPersistenceConfig.SnapshotPluginId, config.GetString("akka.persistence.snapshot-store.plugin"));
        Assert.Equal(CheckpointPersistenceConfig.JournalPluginId, config.GetString("akka.persistence.journal.plugin"));
        foreach (var plugin in new[] { CheckpointPersistenceConfig.SnapshotPluginId, CheckpointPersistenceConfig.JournalPluginId })
        {
            Assert.Equal("SQLite.MS", config.GetString(plugin + ".provider-name"));
            Assert.True(config.GetBoolean(plugin + ".auto-initialize"));
            var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(config.GetString(plugin + ".connection-string"));
            Assert.Equal(Path.GetFullPath(path), connection.DataSource);
        }
    }

    [Fact]
    public void The_default_store_is_the_SQLite_file_named_by_sqlite_path_in_the_working_directory()
    {
        var config = CheckpointPersistenceConfig.Default(ConfigurationFactory.ParseString("streamline.runtime.checkpoints.sqlite-path = \"data/cp.db\""));

        var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "cp.db"), connection.DataSource);
    }

    [Fact]
    public void The_PostgreSQL_store_config_uses_the_connection_string_and_linq2db_provider()
    {
        const string cs = "Host=db.internal;Port=5432;Database=streamline;Username=app;Password=p\"w;d";

        var config = CheckpointPersistenceConfig.Postgres(cs);

        Assert.Equal(cs, config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
        Assert.Equal(cs, config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal("PostgreSQL.15", config.GetString("akka.persistence.snapshot-store.sql.provider-name"));
    }

    [Fact]
    public async Task A_snapshot_plugin_that_does_not_exist_fails_naming_it()
    {
        var system = ActorSystem.Create("checkpoint-settings", ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            streamline.runtime.checkpoints.snapshot-plugin = "akka.persistence.snapshot-store.nothing-here"
            """));
        try
        {
            var e = Assert.Throws<ConfigurationException>(() => new SnapshotStoreCheckpointStorage(system));

            Assert.Contains("'akka.persistence.snapshot-store.nothing-here' (from streamline.runtime.checkpoints.snapshot-plugin) cannot be started", e.Message);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
