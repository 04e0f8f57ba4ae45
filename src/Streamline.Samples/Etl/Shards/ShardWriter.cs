using System.Collections.Immutable;
using System.Text.Json;
using ZstdSharp;

namespace Streamline.Samples.Etl.Shards;

/// <summary>
/// Writes zstd-compressed JSONL shards with two-phase publish, the shape a checkpointed sink needs:
/// documents go to <c>*.inprogress</c> files (rolled by document count or uncompressed size); <see cref="Commit"/>
/// seals them, renames them to their final names and then atomically replaces <c>manifest.json</c>.
/// The manifest is the source of truth: on construction, leftovers of an uncommitted epoch (in-progress files,
/// renamed files the manifest does not list) are deleted and numbering resumes after the last committed shard.
/// Not thread-safe: one writer per sink instance and directory.
/// </summary>
public sealed class ShardWriter : IDisposable
{
    public const string InProgressSuffix = ".inprogress";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly List<ShardManifestEntry> _pending = [];
    private OpenShard? _current;
    private int _nextIndex;
    private bool _disposed;

    public ShardWriter(string directory, ShardWriterSettings? settings = null)
    {
        Directory = directory;
        Settings = settings ?? ShardWriterSettings.Default;
        System.IO.Directory.CreateDirectory(directory);
        Manifest = ShardReader.ReadManifest(directory);
        _nextIndex = Manifest.Shards.Length;
        RemoveUncommittedFiles();
    }

    public string Directory { get; }

    public ShardWriterSettings Settings { get; }

    /// <summary>The committed state, as written to manifest.json.</summary>
    public ShardManifest Manifest { get; private set; }

    /// <summary>Documents written since the last commit.</summary>
    public long PendingDocuments => _pending.Sum(p => p.Documents) + (_current?.Documents ?? 0);

    public void Write(ShardDocument document)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var line = JsonSerializer.SerializeToUtf8Bytes(document, ShardJsonContext.Default.ShardDocument);
        var lineBytes = line.Length + NewLine.Length;
        if (_current is not null && _current.Documents > 0
            && (_current.Documents >= Settings.MaxDocuments || _current.UncompressedBytes + lineBytes > Settings.MaxUncompressedBytes))
        {
            SealCurrent();
        }

        _current ??= OpenShard.Create(Directory, Settings.ShardFileName(_nextIndex++), Settings.CompressionLevel);
        _current.Append(line, NewLine, document.Tokens);
    }

    /// <summary>Publishes everything written since the last commit; returns the newly published entries.</summary>
    public IReadOnlyList<ShardManifestEntry> Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SealCurrent();
        if (_pending.Count == 0)
        {
            return [];
        }

        foreach (var entry in _pending)
        {
            File.Move(InProgressPath(entry.FileName), Path.Combine(Directory, entry.FileName), overwrite: true);
        }

        var published = _pending.ToImmutableArray();
        var manifest = new ShardManifest(Manifest.Shards.AddRange(published));
        var manifestPath = Path.Combine(Directory, ShardManifest.FileName);
        var temporary = manifestPath + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(manifest, ShardJsonContext.Default.ShardManifest));
        File.Move(temporary, manifestPath, overwrite: true);
        Manifest = manifest;
        _pending.Clear();
        return published;
    }

    /// <summary>Discards everything written since the last commit (e.g. on restore from an earlier checkpoint).</summary>
    public void Abort()
    {
        _current?.Dispose();
        _current = null;
        RemoveUncommittedFiles();
        _pending.Clear();
        _nextIndex = Manifest.Shards.Length;
    }

    /// <summary>Closes the writer; uncommitted data is discarded, never published.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Abort();
        _disposed = true;
    }

    private void SealCurrent()
    {
        if (_current is null)
        {
            return;
        }

        _pending.Add(_current.Seal());
        _current = null;
    }

    private string InProgressPath(string fileName) => Path.Combine(Directory, fileName + InProgressSuffix);

    private void RemoveUncommittedFiles()
    {
        var committed = Manifest.Shards.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, Settings.FilePrefix + "-*.jsonl.zst*"))
        {
            if (!committed.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    private sealed class OpenShard : IDisposable
    {
        private readonly string _fileName;
        private readonly HashingCountingStream _file;
        private readonly CompressionStream _zstd;

        private OpenShard(string fileName, HashingCountingStream file, CompressionStream zstd)
        {
            _fileName = fileName;
            _file = file;
            _zstd = zstd;
        }

        public long Documents { get; private set; }

        public long Tokens { get; private set; }

        public long UncompressedBytes { get; private set; }

        public static OpenShard Create(string directory, string fileName, int level)
        {
            var stream = new FileStream(Path.Combine(directory, fileName + InProgressSuffix), FileMode.Create, FileAccess.Write, FileShare.None);
            var file = new HashingCountingStream(stream);
            return new OpenShard(fileName, file, new CompressionStream(file, level, leaveOpen: true));
        }

        public void Append(byte[] line, byte[] newLine, int tokens)
        {
            _zstd.Write(line);
            _zstd.Write(newLine);
            Documents++;
            Tokens += tokens;
            UncompressedBytes += line.Length + newLine.Length;
        }

        public ShardManifestEntry Seal()
        {
            // Disposing the compressor writes the zstd frame epilogue; flush to disk before the rename publishes it.
            _zstd.Dispose();
            _file.Flush();
            var entry = new ShardManifestEntry(_fileName, Documents, Tokens, UncompressedBytes, _file.BytesWritten, _file.HashHex());
            _file.Dispose();
            return entry;
        }

        public void Dispose()
        {
            _zstd.Dispose();
            _file.Dispose();
        }
    }
}
