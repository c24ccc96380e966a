using System.Diagnostics;
using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clustering;
using Saphan.Linkage.Model;

namespace Saphan.Linkage;

/// <summary>Settings of a linkage run. The defaults favour precision: a wrong merge of two people is worse than a missed link.</summary>
public sealed record LinkageOptions
{
    /// <summary>Pairs at or above this match weight (log2 of the likelihood ratio) are linked automatically.</summary>
    public double UpperThreshold { get; init; } = 14;

    /// <summary>Pairs at or above this weight and below <see cref="UpperThreshold"/> go to human review.</summary>
    public double LowerThreshold { get; init; } = 6;

    /// <summary>Random pairs sampled to estimate u.</summary>
    public int USamples { get; init; } = 1_000_000;

    /// <summary>Seed of the random sampling; the same input and seed give the same result.</summary>
    public int Seed { get; init; } = 20240531;

    /// <summary>Blocks larger than this are not expanded into pairs (reported instead).</summary>
    public int MaxBlockSize { get; init; } = 2_000;

    public bool TermFrequencyAdjustment { get; init; } = true;

    public IReadOnlyList<BlockingRule> BlockingRules { get; init; } = Blocking.BlockingRules.Default;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>A fixed model (e.g. trained on a previous run); when null, u and m are estimated from the data.</summary>
    public MatchModel? Model { get; init; }
}

/// <summary>Where a run is, for progress bars.</summary>
public readonly record struct LinkProgress(string Stage, long Done, long Total);

/// <summary>A scored candidate pair (record indexes into <see cref="LinkageResult.Table"/>).</summary>
public readonly record struct ScoredPair(int A, int B, float Weight, int Pattern)
{
    public ComparisonVector Vector => new(Pattern);
}

/// <summary>Everything a run produced: the model, the blocking report, the clusters, the review pairs.</summary>
public sealed class LinkageResult
{
    internal LinkageResult(RecordTable table, LinkageOptions options, MatchModel model, TermFrequencies? tf, BlockingPlan blocking,
        long candidatePairs, Clusters clusters, ScoredPair[] links, ScoredPair[] review, IReadOnlyDictionary<string, TimeSpan> timings)
    {
        Table = table;
        Options = options;
        Model = model;
        TermFrequencies = tf;
        Blocking = blocking;
        CandidatePairCount = candidatePairs;
        Clusters = clusters;
        Links = links;
        Review = review;
        Timings = timings;
    }

    public RecordTable Table { get; }
    public LinkageOptions Options { get; }
    public MatchModel Model { get; }
    public TermFrequencies? TermFrequencies { get; }

    /// <summary>Per-rule estimates (before the run) and new pairs (after).</summary>
    public BlockingPlan Blocking { get; }

    public long CandidatePairCount { get; }
    public Clusters Clusters { get; }

    /// <summary>Pairs at or above the upper threshold (the edges of the clusters).</summary>
    public IReadOnlyList<ScoredPair> Links { get; }

    /// <summary>Pairs between the thresholds whose records ended in different clusters, strongest first.</summary>
    public IReadOnlyList<ScoredPair> Review { get; }

    public IReadOnlyDictionary<string, TimeSpan> Timings { get; }

    public PairExplanation Explain(int a, int b)
    {
        ref readonly var fa = ref Table[a];
        ref readonly var fb = ref Table[b];
        return Model.Explain(fa, fb, Comparer.Compare(fa, fb), TermFrequencies);
    }
}

/// <summary>
/// The linkage engine's entry point: records in, people (clusters) out, with review pairs and explanations.
/// </summary>
public sealed class Linker(LinkageOptions? options = null)
{
    public LinkageOptions Options { get; } = options ?? new LinkageOptions();

    public LinkageResult Link(IEnumerable<LinkRecord> records, IProgress<LinkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var table = new RecordTable(records is ICollection<LinkRecord> c ? c.Count : 1024);
        foreach (var r in records) table.Add(r);
        return Link(table, progress);
    }

    public LinkageResult Link(RecordTable table, IProgress<LinkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var timings = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            timings[stage] = clock.Elapsed;
            clock.Restart();
        }

        var plan = BlockingPlan.Create(table, Options.BlockingRules, Options.MaxBlockSize);
        Lap("block");
        progress?.Report(new LinkProgress("compare", 0, plan.EstimatedPairs));
        long compared = 0;
        var pairs = CandidatePairs.Generate(table, plan, Options.MaxDegreeOfParallelism,
            (_, n) => progress?.Report(new LinkProgress("compare", compared += n, plan.EstimatedPairs)));
        Lap("compare");

        var model = Options.Model ?? Train(table, pairs);
        var tf = Options.TermFrequencyAdjustment ? new TermFrequencies(table, model) : null;
        Lap("train");

        progress?.Report(new LinkProgress("score", 0, pairs.Length));
        var weights = new float[pairs.Length];
        Parallel.For(0, pairs.Length, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism }, i =>
        {
            var p = pairs[i];
            weights[i] = (float)model.Score(table, table[p.A], table[p.B], new ComparisonVector(p.Pattern), tf);
        });
        var links = new List<ScoredPair>();
        var reviewCandidates = new List<ScoredPair>();
        for (var i = 0; i < pairs.Length; i++)
        {
            var w = weights[i];
            if (w >= Options.UpperThreshold && MatchModel.AllowsAutoLink(new ComparisonVector(pairs[i].Pattern))) links.Add(new ScoredPair(pairs[i].A, pairs[i].B, w, pairs[i].Pattern));
            else if (w >= Options.LowerThreshold) reviewCandidates.Add(new ScoredPair(pairs[i].A, pairs[i].B, w, pairs[i].Pattern));
        }
        Lap("score");

        // Strongest links first, so that when an ID conflict forces a choice the better-supported link wins.
        links.Sort((x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var clusters = Clusters.Build(table, links.Select(l => (l.A, l.B)));
        if (clusters.Conflicts.Count > 0)
        {
            // Strong pairs held back by an ID conflict are exactly what a person should look at.
            var held = clusters.Conflicts.ToHashSet();
            reviewCandidates.AddRange(links.Where(l => held.Contains((l.A, l.B))));
            links.RemoveAll(l => held.Contains((l.A, l.B)));
        }
        var review = reviewCandidates.Where(p => clusters.ClusterOf(p.A) != clusters.ClusterOf(p.B)).ToArray();
        // Pairs come out of the parallel loop in any order: sort so that the output files are identical run to run.
        Array.Sort(review, (x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var linkArray = links.ToArray();
        Array.Sort(linkArray, (x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        Lap("cluster");
        return new LinkageResult(table, Options, model, tf, plan, pairs.LongLength, clusters, linkArray, review, timings);
    }

    private MatchModel Train(RecordTable table, CandidatePair[] pairs)
    {
        var u = MatchModel.EstimateU(table, Options.USamples, Options.Seed);
        var counts = new Dictionary<int, long>();
        var sync = new object();
        // No candidate pairs (a small file, or records that share no block): nothing to count, the model keeps its priors.
        if (pairs.Length == 0) return MatchModel.Train(counts, u);
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, 1 << 16),
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism }, range =>
            {
                var local = new Dictionary<int, long>();
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var p = pairs[i].Pattern;
                    local[p] = local.GetValueOrDefault(p) + 1;
                }
                lock (sync)
                {
                    foreach (var (k, v) in local) counts[k] = counts.GetValueOrDefault(k) + v;
                }
            });
        return MatchModel.Train(counts, u);
    }
}
