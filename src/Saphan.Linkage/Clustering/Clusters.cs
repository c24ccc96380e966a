using Saphan.Linkage.Model;

namespace Saphan.Linkage.Clustering;

/// <summary>
/// The people found: connected components of the pairs at or above the upper threshold. Each cluster's id is
/// derived from its smallest member by (source, record id) in ordinal order, so the same input gives the same
/// ids whatever the order of the input rows or the thread timing.
/// </summary>
public sealed class Clusters
{
    private readonly int[] clusterOf;
    private readonly string[] ids;

    private Clusters(int[] clusterOf, string[] ids, int[] sizes)
    {
        this.clusterOf = clusterOf;
        this.ids = ids;
        Sizes = sizes;
    }

    /// <summary>Number of clusters (people), singletons included.</summary>
    public int Count => ids.Length;

    /// <summary>Cluster number (0..Count-1, in input order of the clusters' smallest members) of each record.</summary>
    public int ClusterOf(int record) => clusterOf[record];

    /// <summary>The stable id of a record's cluster.</summary>
    public string IdOf(int record) => ids[clusterOf[record]];

    public string Id(int cluster) => ids[cluster];

    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Pairs above the upper threshold that were not applied because they would join two different IDs.</summary>
    public IReadOnlyList<(int A, int B)> Conflicts { get; private init; } = [];

    /// <summary>
    /// Builds clusters from the pairs at or above the upper threshold, strongest first. A pair is not applied when it
    /// would put two citizen IDs that flatly disagree into one cluster — neither equal, one
    /// digit off nor transposed: chains through a record without an ID must not merge two people who have different IDs.
    /// </summary>
    public static Clusters Build(RecordTable table, IEnumerable<(int A, int B)> links)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(links);
        var n = table.Count;
        var sets = new UnionFind(n);
        var ids = new List<string>?[n];
        var conflicts = new List<(int, int)>();
        foreach (var (a, b) in links)
        {
            var ra = sets.Find(a);
            var rb = sets.Find(b);
            if (ra == rb) continue;
            var idsA = IdsOf(table, ids, ra);
            var idsB = IdsOf(table, ids, rb);
            if (Conflict(idsA, idsB))
            {
                conflicts.Add((a, b));
                continue;
            }
            sets.Union(ra, rb);
            var root = sets.Find(ra);
            if (idsA.Count + idsB.Count > 0)
            {
                var merged = new List<string>(idsA);
                foreach (var id in idsB) if (!merged.Contains(id)) merged.Add(id);
                ids[ra] = ids[rb] = null;
                ids[root] = merged;
            }
        }
        var built = Assign(table, sets);
        return new Clusters(built.ClusterOf, built.Ids, built.Sizes) { Conflicts = conflicts };
    }

    // Only citizen IDs: 13 digits with a check digit, so a flat disagreement is another person. Other identifiers
    // (passports, cards, FEBRL's numbers) carry more typos and only weigh in the pair's score.
    private static List<string> IdsOf(RecordTable table, List<string>?[] ids, int root)
    {
        if (ids[root] is { } list) return list;
        ref readonly var f = ref table[root];
        list = [];
        if (f.CitizenId is not null) list.Add(f.CitizenId);
        ids[root] = list;
        return list;
    }

    private static bool Conflict(List<string> a, List<string> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (Comparer.CompareId(x, y) == ComparisonLevels.IdOther) return true;
            }
        }
        return false;
    }

    private static (int[] ClusterOf, string[] Ids, int[] Sizes) Assign(RecordTable table, UnionFind sets)
    {
        var n = table.Count;
        // The smallest member of each set, by (source, record id), names the set.
        var representative = new int[n];
        Array.Fill(representative, -1);
        for (var i = 0; i < n; i++)
        {
            var root = sets.Find(i);
            var current = representative[root];
            if (current < 0 || CompareMembers(table, i, current) < 0) representative[root] = i;
        }
        // Clusters are numbered in input order of their representative (deterministic for one input order);
        // the ids do not depend on the order at all.
        var number = new int[n];
        var idList = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var root = sets.Find(i);
            if (representative[root] != i) continue;
            number[root] = idList.Count;
            idList.Add(StableId(table.SourceOf(i), table.RecordIdOf(i)));
        }
        var ids = idList.ToArray();
        var sizes = new int[ids.Length];
        var clusterOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            clusterOf[i] = number[sets.Find(i)];
            sizes[clusterOf[i]]++;
        }
        return (clusterOf, ids, sizes);
    }

    /// <summary>
    /// "P" and 16 hex digits of a 64-bit FNV-1a hash of "source\u001Frecord id": short, stable across runs and
    /// machines, and free of the personal data the record id might contain.
    /// </summary>
    public static string StableId(string source, string recordId)
    {
        var h = 14695981039346656037ul;
        foreach (var c in source) h = (h ^ c) * 1099511628211ul;
        h = (h ^ 0x1F) * 1099511628211ul;
        foreach (var c in recordId) h = (h ^ c) * 1099511628211ul;
        return "P" + h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int CompareMembers(RecordTable table, int x, int y)
    {
        var c = string.CompareOrdinal(table.SourceOf(x), table.SourceOf(y));
        return c != 0 ? c : string.CompareOrdinal(table.RecordIdOf(x), table.RecordIdOf(y));
    }
}
