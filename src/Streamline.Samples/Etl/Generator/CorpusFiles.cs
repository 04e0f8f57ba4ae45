using System.Text;
using Streamline.Samples.Etl.Documents;
using ZstdSharp;

namespace Streamline.Samples.Etl.Generator;

/// <summary>Writes a generated corpus as JSONL.zst files (contiguous slices, so name order is corpus order).</summary>
public static class CorpusFiles
{
    public static IReadOnlyList<string> WriteJsonlZstd(IReadOnlyList<GeneratedDocument> corpus, string directory, int files = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(files, 1);
        Directory.CreateDirectory(directory);
        var paths = new List<string>(files);
        var perFile = (corpus.Count + files - 1) / Math.Max(files, 1);
        for (var f = 0; f < files; f++)
        {
            var path = Path.Combine(directory, $"corpus-{f:D3}.jsonl.zst");
            using (var file = File.Create(path))
            using (var zstd = new CompressionStream(file, 3))
            using (var writer = new StreamWriter(zstd, new UTF8Encoding(false)))
            {
                foreach (var document in corpus.Skip(f * perFile).Take(perFile))
                {
                    writer.Write(RawDocumentJsonl.Serialize(document.Document));
                    writer.Write('\n');
                }
            }

            paths.Add(path);
        }

        return paths;
    }
}
