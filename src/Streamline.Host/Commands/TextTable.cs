namespace Streamline.Host.Commands;

/// <summary>A plain-text table for the terminal and for logs: padded columns, numbers aligned right, no box drawing (output may be piped).</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = new();
    private readonly bool[] _right = new bool[headers.Length];

    /// <summary>Aligns column <paramref name="index"/> right (numbers).</summary>
    public TextTable AlignRight(params int[] columns)
    {
        foreach (var c in columns) _right[c] = true;
        return this;
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"a row has {cells.Length} cells, the table {headers.Length} columns", nameof(cells));
        _rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in _rows.Prepend(headers))
            output.WriteLine(string.Join("  ", row.Select((cell, i) => _right[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
    }
}
