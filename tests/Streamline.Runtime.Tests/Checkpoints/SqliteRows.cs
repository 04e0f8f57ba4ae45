using Microsoft.Data.Sqlite;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// Direct access to the snapshot table of Akka.Persistence.Sql (default table mapping) in a SQLite
/// file, to damage rows the way a faulty disk, an operator or a torn write would.
/// </summary>
internal sealed class SqliteRows(string databasePath)
{
    public int Count(string persistenceIdLike) =>
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM snapshot WHERE persistence_id LIKE $pid", ("$pid", persistenceIdLike)));

    public void Delete(string persistenceId, long sequenceNr) =>
        Expect(1, Execute("DELETE FROM snapshot WHERE persistence_id = $pid AND sequence_number = $seq", ("$pid", persistenceId), ("$seq", sequenceNr)));

    /// <summary>Flips one bit of the stored payload at <paramref name="offset"/>.</summary>
    public void FlipBit(string persistenceId, long sequenceNr, int offset)
    {
        var payload = (byte[])Scalar("SELECT snapshot FROM snapshot WHERE persistence_id = $pid AND sequence_number = $seq", ("$pid", persistenceId), ("$seq", sequenceNr))!;
        payload[offset] ^= 0x10;
        Expect(1, Execute("UPDATE snapshot SET snapshot = $payload WHERE persistence_id = $pid AND sequence_number = $seq",
            ("$payload", payload), ("$pid", persistenceId), ("$seq", sequenceNr)));
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static void Expect(int rows, int actual)
    {
        if (actual != rows) throw new InvalidOperationException($"expected to change {rows} row(s), changed {actual}");
    }
}
