using Npgsql;
using Streamline.TestSupport;
using Xunit;

namespace Streamline.Runtime.Tests.Persistence;

/// <summary>The private PostgreSQL fixture itself: stop and start on the same data and port, cleanup.</summary>
public sealed class PostgresInstanceTests
{
    [Fact]
    public async Task Data_survives_stop_and_start_on_the_same_port_and_dispose_removes_everything()
    {
        string root;
        using (var postgres = new PostgresInstance())
        {
            root = postgres.RootDirectory;
            var port = postgres.Port;
            var connectionString = new NpgsqlConnectionStringBuilder(postgres.CreateDatabase("fixture_check")) { Pooling = false }.ConnectionString;
            await Execute(connectionString, "CREATE TABLE t (v int); INSERT INTO t VALUES (1)");

            postgres.Stop();
            Assert.False(postgres.IsRunning);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Execute(connectionString, "SELECT 1"));

            postgres.Start();
            Assert.Equal(port, postgres.Port);
            await Execute(connectionString, "INSERT INTO t VALUES (2)");

            // A crash-like stop loses nothing committed either (WAL recovery on the next start).
            postgres.Stop(PostgresStopMode.Immediate);
            postgres.Start();
            Assert.Equal(3L, await Scalar(connectionString, "SELECT sum(v) FROM t"));
            Assert.True(Directory.Exists(root));
        }

        Assert.False(Directory.Exists(root));
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
