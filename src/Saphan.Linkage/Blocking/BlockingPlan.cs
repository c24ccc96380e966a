using Saphan.Linkage.Model;

namespace Saphan.Linkage.Blocking;

/// <summary>What one rule will produce, estimated from key frequencies before any pair is compared.</summary>
public sealed record BlockingRuleEstimate(
    string Rule,
    int RecordsWithKey,
    int Blocks,
    int LargestBlock,
    long EstimatedPairs,
    int OversizedBlocks,
    long OversizedPairs)
{
    /// <summary>Pairs found by this rule and not already by an earlier rule (known after the run).</summary>
    public long NewPairs { get; internal set; }
}

/// <summary>
/// The blocking keys of every record for every rule, with records sorted by key so that each block is a
/// contiguous run. Estimates the candidate-pair count of each rule as Σ n_k(n_k−1)/2 before the run.
/// </summary>
public sealed class BlockingPlan
{
    private readonly ulong[][] keys;
    private readonly int[][] order;
    private readonly (int Start, int Length)[][] blocks;
    private readonly HashSet<ulong>[] oversized;

    private BlockingPlan(IReadOnlyList<BlockingRule> rules, ulong[][] keys, int[][] order, (int, int)[][] blocks, HashSet<ulong>[] oversized, BlockingRuleEstimate[] estimates, int maxBlockSize)
    {
        Rules = rules;
        this.keys = keys;
        this.order = order;
        this.blocks = blocks;
        this.oversized = oversized;
        Estimates = estimates;
        MaxBlockSize = maxBlockSize;
    }

    public IReadOnlyList<BlockingRule> Rules { get; }

    public IReadOnlyList<BlockingRuleEstimate> Estimates { get; }

    public int MaxBlockSize { get; }

    /// <summary>Estimated candidate pairs over all rules, before removing pairs found by several rules.</summary>
    public long EstimatedPairs => Estimates.Sum(e => e.EstimatedPairs);

    /// <summary>
    /// Computes keys and block boundaries. Blocks larger than <paramref name="maxBlockSize"/> are not expanded into
    /// pairs (they would be quadratic and uninformative, e.g. everyone born in one year with a common surname); they
    /// are reported in the estimate, and their records are still reached through the other rules.
    /// </summary>
    public static BlockingPlan Create(RecordTable table, IReadOnlyList<BlockingRule> rules, int maxBlockSize)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        var n = table.Count;
        var keys = new ulong[rules.Count][];
        var order = new int[rules.Count][];
        var blocks = new (int, int)[rules.Count][];
        var oversized = new HashSet<ulong>[rules.Count];
        var estimates = new BlockingRuleEstimate[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var k = new ulong[n];
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0, (i, _, _) =>
            {
                k[i] = rule.Key(in table[i]);
                return 0;
            }, _ => { });
            var withKey = 0;
            for (var i = 0; i < n; i++) if (k[i] != 0) withKey++;
            var sortedKeys = new ulong[withKey];
            var ord = new int[withKey];
            var w = 0;
            for (var i = 0; i < n; i++)
            {
                if (k[i] == 0) continue;
                sortedKeys[w] = k[i];
                ord[w++] = i;
            }
            // Sorting by (key, index) keeps the order deterministic whatever the input order of equal keys.
            Array.Sort(sortedKeys, ord);
            SortIndexesWithinRuns(sortedKeys, ord);
            var runs = new List<(int, int)>();
            var big = new HashSet<ulong>();
            long estimated = 0, oversizedPairs = 0;
            int blockCount = 0, largest = 0;
            for (var s = 0; s < withKey;)
            {
                var e = s + 1;
                while (e < withKey && sortedKeys[e] == sortedKeys[s]) e++;
                var len = e - s;
                if (len >= 2)
                {
                    blockCount++;
                    largest = Math.Max(largest, len);
                    var pairs = (long)len * (len - 1) / 2;
                    estimated += pairs;
                    if (len > maxBlockSize)
                    {
                        big.Add(sortedKeys[s]);
                        oversizedPairs += pairs;
                    }
                    else
                    {
                        runs.Add((s, len));
                    }
                }
                s = e;
            }
            keys[r] = k;
            order[r] = ord;
            blocks[r] = [.. runs];
            oversized[r] = big;
            estimates[r] = new BlockingRuleEstimate(rule.Name, withKey, blockCount, largest, estimated, big.Count, oversizedPairs);
        }
        return new BlockingPlan(rules, keys, order, blocks, oversized, estimates, maxBlockSize);
    }

    internal ReadOnlySpan<(int Start, int Length)> Blocks(int rule) => blocks[rule];

    internal ReadOnlySpan<int> Order(int rule) => order[rule];

    /// <summary>
    /// True when an earlier rule already produced this pair, so each pair is compared once without a global
    /// set of seen pairs (memory stays linear in the number of records).
    /// </summary>
    internal bool FoundByEarlierRule(int rule, int a, int b)
    {
        for (var q = 0; q < rule; q++)
        {
            var ka = keys[q][a];
            if (ka != 0 && ka == keys[q][b] && (oversized[q].Count == 0 || !oversized[q].Contains(ka))) return true;
        }
        return false;
    }

    private static void SortIndexesWithinRuns(ulong[] sortedKeys, int[] ord)
    {
        for (var s = 0; s < sortedKeys.Length;)
        {
            var e = s + 1;
            while (e < sortedKeys.Length && sortedKeys[e] == sortedKeys[s]) e++;
            if (e - s > 1) Array.Sort(ord, s, e - s);
            s = e;
        }
    }
}
