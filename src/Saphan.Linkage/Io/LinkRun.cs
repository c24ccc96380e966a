using System.Diagnostics;
using System.Globalization;
using System.Text;
using Saphan.Linkage.Model;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Io;

/// <summary>What <c>saphan link</c> did: per-file counts (read = accepted + rejected), people found, timings.</summary>
public sealed record LinkRunSummary(
    IReadOnlyList<FileCounts> Files,
    long Rejects,
    int People,
    int Links,
    int ReviewPairs,
    long CandidatePairs,
    IReadOnlyDictionary<string, TimeSpan> Timings,
    LinkageResult? Result)
{
    /// <summary>How subdistrict and district names were compared: by DOPA code through a gazetteer, or as text.</summary>
    public string Places { get; init; } = "";

    public long Read => Files.Sum(f => f.Read);
    public long Accepted => Files.Sum(f => f.Accepted);
    public long Rejected => Files.Sum(f => f.Rejected);

    /// <summary>The report printed at the end of a run (English; the rejects file carries Thai too).</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine("file,source,read,linked,rejected,fields_ignored");
        foreach (var f in Files) sb.AppendLine(ci, $"{f.File},{f.Source},{f.Read},{f.Accepted},{f.Rejected},{f.FieldsIgnored}");
        sb.AppendLine(ci, $"rows read {Read:N0} = linked {Accepted:N0} + rejected {Rejected:N0}{(Read == Accepted + Rejected ? "" : "  (MISMATCH)")}");
        if (Places.Length > 0) sb.AppendLine(ci, $"place names: {Places}");
        sb.AppendLine(ci, $"people (clusters) {People:N0}; links {Links:N0}; review pairs {ReviewPairs:N0}; candidate pairs compared {CandidatePairs:N0}");
        if (Result is not null)
        {
            sb.AppendLine("blocking rule,records with key,blocks,largest block,estimated pairs,oversized blocks (skipped),new pairs");
            foreach (var e in Result.Blocking.Estimates)
            {
                sb.AppendLine(ci, $"{e.Rule},{e.RecordsWithKey},{e.Blocks},{e.LargestBlock},{e.EstimatedPairs},{e.OversizedBlocks},{e.NewPairs}");
            }
            sb.AppendLine(ci, $"EM: {Result.Model.EmIterations} iterations, converged {Result.Model.Converged}, match share of candidates {Result.Model.Lambda:0.####}");
        }
        sb.Append("timings:");
        foreach (var (stage, t) in Timings) sb.Append(ci, $" {stage} {t.TotalSeconds:0.00}s");
        sb.AppendLine();
        return sb.ToString();
    }
}

/// <summary>
/// The whole <c>saphan link</c> run: read and normalise every file through the mapping, link, and write
/// links.csv (source, record_id, cluster_id), review.csv (pairs with weight and explanation), rejects.csv and model.csv.
/// </summary>
public static class LinkRun
{
    /// <summary>The run with the gazetteer the mapping names (<see cref="LinkageMapping.GazetteerFolder"/>), if any.</summary>
    public static LinkRunSummary Execute(LinkageMapping mapping, IReadOnlyList<string> files, string outDir, LinkageOptions options,
        Action<string, long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var folder = mapping.GazetteerFolder;
        return Execute(mapping, files, outDir, options, folder is null ? null : Gazetteer.LoadFolder(folder), progress);
    }

    /// <summary>
    /// The run with <paramref name="gazetteer"/> matching subdistrict and district names to DOPA codes (misspelt names
    /// included), so that addresses compare by code; without one, place names are compared as text.
    /// </summary>
    public static LinkRunSummary Execute(LinkageMapping mapping, IReadOnlyList<string> files, string outDir, LinkageOptions options,
        Gazetteer? gazetteer, Action<string, long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(outDir);
        var timings = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        var table = new RecordTable(1 << 16);
        var counts = new List<FileCounts>();
        long rejects = 0;
        var idsBySource = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var rejectsOut = new CsvOut(Path.Combine(outDir, "rejects.csv"), forPeople: true))
        {
            rejectsOut.Line("file", "line", "record_id", "action", "field", "reason_th", "reason_en", "value");
            void Reject(Reject r)
            {
                rejects++;
                rejectsOut.Field(r.File).Field(r.Line).Field(r.RecordId).Field(ActionName(r.Action)).Field(r.Field)
                    .Field(r.ReasonTh).Field(r.ReasonEn).Field(r.Value).EndLine();
            }
            for (var i = 0; i < files.Count; i++)
            {
                var path = files[i];
                var source = mapping.For(path, i);
                if (source is null)
                {
                    Reject(Reasons.NoMapping(Path.GetFileName(path)));
                    counts.Add(new FileCounts(Path.GetFileName(path), "?"));
                    continue;
                }
                if (!idsBySource.TryGetValue(source.Source, out var seen)) idsBySource[source.Source] = seen = new HashSet<string>(StringComparer.Ordinal);
                var name = Path.GetFileName(path);
                counts.Add(AgencyFileReader.Read(path, source, gazetteer, r => table.Add(r), Reject,
                    (done, total) => progress?.Invoke($"read {name}", done, total), seen));
            }
        }
        idsBySource.Clear();
        timings["read"] = clock.Elapsed;

        LinkageResult? result = null;
        if (table.Count > 0)
        {
            var linker = new Linker(options);
            result = linker.Link(table, new Progress(progress));
            foreach (var (k, v) in result.Timings) timings[k] = v;
        }
        clock.Restart();
        WriteLinks(Path.Combine(outDir, "links.csv"), table, result);
        WriteReview(Path.Combine(outDir, "review.csv"), result);
        if (result is not null) File.WriteAllText(Path.Combine(outDir, "model.csv"), result.Model.Describe() + "\n", new UTF8Encoding(false));
        timings["write"] = clock.Elapsed;
        var summary = new LinkRunSummary(counts, rejects, result?.Clusters.Count ?? 0, result?.Links.Count ?? 0, result?.Review.Count ?? 0,
            result?.CandidatePairCount ?? 0, timings, result)
        {
            Places = gazetteer is null
                ? "compared as text (no gazetteer)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"matched to DOPA codes (gazetteer of {gazetteer.Districts.Count} districts, {gazetteer.Subdistricts.Count} subdistricts)"),
        };
        File.WriteAllText(Path.Combine(outDir, "summary.txt"), summary.Describe(), new UTF8Encoding(false));
        return summary;
    }

    private static void WriteLinks(string path, RecordTable table, LinkageResult? result)
    {
        using var output = new CsvOut(path, forPeople: true);
        output.Line("source", "record_id", "cluster_id");
        if (result is null) return;
        for (var i = 0; i < table.Count; i++)
        {
            output.Field(table.SourceOf(i)).Field(table.RecordIdOf(i)).Field(result.Clusters.IdOf(i)).EndLine();
        }
    }

    private static void WriteReview(string path, LinkageResult? result)
    {
        using var output = new CsvOut(path, forPeople: true);
        output.Line("source_a", "record_id_a", "cluster_a", "source_b", "record_id_b", "cluster_b", "weight", "explanation");
        if (result is null) return;
        var t = result.Table;
        foreach (var p in result.Review)
        {
            output.Field(t.SourceOf(p.A)).Field(t.RecordIdOf(p.A)).Field(result.Clusters.IdOf(p.A))
                .Field(t.SourceOf(p.B)).Field(t.RecordIdOf(p.B)).Field(result.Clusters.IdOf(p.B))
                .Field(p.Weight, "0.00").Field(result.Explain(p.A, p.B).ToString()).EndLine();
        }
    }

    private static string ActionName(RejectAction action) => action switch
    {
        RejectAction.RowRejected => "row_rejected",
        RejectAction.FieldIgnored => "field_ignored",
        _ => "file_warning",
    };

    private sealed class Progress(Action<string, long, long>? report) : IProgress<LinkProgress>
    {
        public void Report(LinkProgress value) => report?.Invoke(value.Stage, value.Done, value.Total);
    }
}
