using System.Globalization;
using nietras.SeparatedValues;

namespace Saphan.Linkage.Evaluation;

/// <summary>
/// Pairwise precision, recall and F1 of a clustering against the truth: a pair of records is predicted linked when
/// both are in one cluster and truly linked when both are one person. Computed from the contingency table of
/// (cluster, person) counts, so it costs O(records), not O(pairs).
/// </summary>
public sealed record PairwiseEvaluation(long TruePairs, long PredictedPairs, long TruePositives, long Records, long RecordsWithoutTruth)
{
    public long FalsePositives => PredictedPairs - TruePositives;
    public long FalseNegatives => TruePairs - TruePositives;
    public double Precision => PredictedPairs == 0 ? 1 : (double)TruePositives / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)TruePositives / TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"records {Records:N0}; true pairs {TruePairs:N0}; predicted pairs {PredictedPairs:N0}; TP {TruePositives:N0} FP {FalsePositives:N0} FN {FalseNegatives:N0}; precision {Precision:0.0000} recall {Recall:0.0000} F1 {F1:0.0000}");
        return RecordsWithoutTruth > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $"; {RecordsWithoutTruth:N0} linked records not in the truth (ignored)")
            : text;
    }

    /// <summary>Evaluates clusters given as (record key → cluster) against truth (record key → person).</summary>
    public static PairwiseEvaluation Compute(IEnumerable<(string Record, string Cluster)> clusters, IReadOnlyDictionary<string, string> truth)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(truth);
        var cells = new Dictionary<(string, string), long>();
        var clusterSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var personSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long records = 0, missing = 0;
        foreach (var (record, cluster) in clusters)
        {
            if (!truth.TryGetValue(record, out var person))
            {
                missing++;
                continue;
            }
            records++;
            cells[(cluster, person)] = cells.GetValueOrDefault((cluster, person)) + 1;
            clusterSizes[cluster] = clusterSizes.GetValueOrDefault(cluster) + 1;
            personSizes[person] = personSizes.GetValueOrDefault(person) + 1;
        }
        static long Pairs(long n) => n * (n - 1) / 2;
        return new PairwiseEvaluation(
            personSizes.Values.Sum(Pairs), clusterSizes.Values.Sum(Pairs), cells.Values.Sum(Pairs), records, missing);
    }

    /// <summary>Reads a truth file (source, record_id, person_id) into "source\u001Frecord_id" → person.</summary>
    public static Dictionary<string, string> ReadTruth(string path) => ReadKeyed(path, "person_id");

    /// <summary>Reads links.csv (source, record_id, cluster_id).</summary>
    public static IEnumerable<(string Record, string Cluster)> ReadLinks(string path)
    {
        foreach (var (k, v) in ReadKeyed(path, "cluster_id")) yield return (k, v);
    }

    public static string Key(string source, string recordId) => source + "\u001F" + recordId;

    private static Dictionary<string, string> ReadKeyed(string path, string valueColumn)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var s = reader.Header.IndexOf("source");
        var r = reader.Header.IndexOf("record_id");
        var v = reader.Header.IndexOf(valueColumn);
        foreach (var row in reader) result[Key(row[s].ToString(), row[r].ToString())] = row[v].ToString();
        return result;
    }
}
