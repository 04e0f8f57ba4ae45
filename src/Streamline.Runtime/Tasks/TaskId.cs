namespace Streamline.Runtime.Tasks;

/// <summary>One parallel instance of a vertex: the identity of a sharded task entity.</summary>
public readonly record struct TaskId(string Pipeline, int Vertex, int Index)
{
    private const char Separator = '~';

    public string EntityId => $"{Pipeline}{Separator}{Vertex}{Separator}{Index}";

    public static TaskId Parse(string entityId)
    {
        var parts = entityId.Split(Separator);
        if (parts.Length != 3 || !int.TryParse(parts[1], out var vertex) || !int.TryParse(parts[2], out var index))
            throw new FormatException($"'{entityId}' is not a task entity id (pipeline~vertex~index)");
        return new TaskId(parts[0], vertex, index);
    }

    public override string ToString() => $"{Pipeline}/v{Vertex}#{Index}";
}
