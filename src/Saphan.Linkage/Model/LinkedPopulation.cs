using Saphan.Linkage.Blocking;

namespace Saphan.Linkage.Model;

/// <summary>What an incremental match found: a known record, its person (cluster), and why.</summary>
public sealed record MatchCandidate(string Source, string RecordId, string ClusterId, double Weight, MatchDecision Decision, PairExplanation Explanation);

public enum MatchDecision
{
    /// <summary>Below the lower threshold: probably someone else.</summary>
    NoMatch,

    /// <summary>Between the thresholds: a person should look.</summary>
    Review,

    /// <summary>At or above the upper threshold: the same person.</summary>
    Link,
}

/// <summary>
/// An already linked population, indexed for "is this person already known?": one sorted key array per
/// blocking rule, so a new record reaches its candidates by binary search, not by a scan.
/// </summary>
/// <remarks>Read-only after construction; <see cref="Match"/> is safe to call from many threads.</remarks>
public sealed class LinkedPopulation
{
    private readonly RecordTable table;
    private readonly ulong[][] sortedKeys;
    private readonly int[][] order;
    private readonly string[] clusterIds;

    public LinkedPopulation(LinkageResult result, int maxCandidatesPerRule = 500)
    {
        ArgumentNullException.ThrowIfNull(result);
        table = result.Table;
        Model = result.Model;
        TermFrequencies = result.TermFrequencies;
        Options = result.Options;
        MaxCandidatesPerRule = maxCandidatesPerRule;
        var n = table.Count;
        clusterIds = new string[n];
        for (var i = 0; i < n; i++) clusterIds[i] = result.Clusters.IdOf(i);
        var rules = Options.BlockingRules;
        sortedKeys = new ulong[rules.Count][];
        order = new int[rules.Count][];
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var keys = new List<ulong>(n);
            var idx = new List<int>(n);
            for (var i = 0; i < n; i++)
            {
                var k = rule.Key(in table[i]);
                if (k == 0) continue;
                keys.Add(k);
                idx.Add(i);
            }
            var ka = keys.ToArray();
            var ia = idx.ToArray();
            Array.Sort(ka, ia);
            sortedKeys[r] = ka;
            order[r] = ia;
        }
    }

    public MatchModel Model { get; }
    public TermFrequencies? TermFrequencies { get; }
    public LinkageOptions Options { get; }
    public int MaxCandidatesPerRule { get; }
    public int Count => table.Count;

    /// <summary>The best candidates for a new record, strongest first (at most <paramref name="top"/>, weight ≥ the lower threshold unless <paramref name="includeWeak"/>).</summary>
    public IReadOnlyList<MatchCandidate> Match(LinkRecord newRecord, int top = 5, bool includeWeak = false)
    {
        ArgumentNullException.ThrowIfNull(newRecord);
        var probe = table.Probe(newRecord);
        var seen = new HashSet<int>();
        var scored = new List<(int Index, double Weight, ComparisonVector Vector)>();
        for (var r = 0; r < sortedKeys.Length; r++)
        {
            var key = Options.BlockingRules[r].Key(in probe);
            if (key == 0) continue;
            var keys = sortedKeys[r];
            var lo = LowerBound(keys, key);
            var taken = 0;
            for (var i = lo; i < keys.Length && keys[i] == key && taken < MaxCandidatesPerRule; i++, taken++)
            {
                var candidate = order[r][i];
                if (!seen.Add(candidate)) continue;
                ref readonly var f = ref table[candidate];
                var v = Comparer.Compare(probe, f);
                var w = Model.Score(table, probe, f, v, TermFrequencies);
                if (includeWeak || w >= Options.LowerThreshold) scored.Add((candidate, w, v));
            }
        }
        scored.Sort((x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.Index.CompareTo(y.Index));
        var result = new List<MatchCandidate>(Math.Min(top, scored.Count));
        foreach (var (index, weight, vector) in scored)
        {
            if (result.Count == top) break;
            var decision = weight >= Options.UpperThreshold && MatchModel.AllowsAutoLink(vector) ? MatchDecision.Link : weight >= Options.LowerThreshold ? MatchDecision.Review : MatchDecision.NoMatch;
            result.Add(new MatchCandidate(table.SourceOf(index), table.RecordIdOf(index), clusterIds[index], weight, decision,
                Model.Explain(probe, table[index], vector, TermFrequencies)));
        }
        return result;
    }

    private static int LowerBound(ulong[] keys, ulong key)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
