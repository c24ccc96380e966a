using Saphan.Storage;

namespace Saphan.Tests.Storage;

/// <summary>
/// Complementary suppression over random tables: after <see cref="SmallCountSuppression.Protect"/>, no count 1–4 (nor a cell
/// hidden to protect one) can be pinned to one value by subtraction from the shown cells and the totals, every count 1–4 is
/// hidden and other counts are hidden only beside a hidden one. Whether a hidden cell can be pinned is worked out here by
/// enumerating every value each hidden cell could take, not by the class's own interval reasoning.
/// </summary>
public sealed class SmallCountSuppressionTests
{
    [Fact]
    public void A_community_cannot_be_worked_out_from_its_subdistrict_total()
    {
        // 35 − 12 − 20 = 3: hiding the 3 alone gives it away, so the 12 is hidden too.
        var table = new SmallCountSuppression();
        var parts = new[] { table.Cell(3), table.Cell(12), table.Cell(20) };
        var total = table.Cell(35);
        table.Sum(total, parts);
        table.Protect();
        Assert.Equal([CellState.Small, CellState.Protecting, CellState.Shown, CellState.Shown], [.. parts.Append(total).Select(c => table[c])]);
    }

    [Fact]
    public void A_small_remainder_that_is_never_shown_is_not_given_away_either()
    {
        // Eligible 412 = enrolled 300 + missing out 110 + 2 who need an ID card first (no column of their own).
        var table = new SmallCountSuppression();
        var enrolled = table.Cell(300);
        var missingOut = table.Cell(110);
        var remainder = table.Cell(2, published: false);
        var eligible = table.Cell(412);
        table.Sum(eligible, [enrolled, missingOut, remainder]);
        table.Protect();
        Assert.Equal(CellState.Protecting, table[missingOut]);
        Assert.Equal(CellState.Shown, table[enrolled]);
        Assert.Equal(CellState.Shown, table[eligible]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_rows_and_a_total_give_no_small_count_away(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 400; run++)
        {
            var table = new SmallCountSuppression();
            var parts = Enumerable.Range(0, random.Next(1, 7)).Select(_ => table.Cell(RandomCount(random))).ToList();
            if (random.NextDouble() < 0.3) parts.Add(table.Cell(RandomCount(random), published: false));
            var total = table.Cell(parts.Sum(table.Value));
            table.Sum(total, parts);
            var smallAnywhere = parts.Append(total).Any(c => SmallCountSuppression.IsSmall(table.Value(c)));
            table.Protect();

            AssertSafe(table, total, parts);
            AssertOnlySmallOrBeside(table, [(total, parts)]);
            if (!smallAnywhere) Assert.All(parts.Append(total), c => Assert.NotEqual(CellState.Protecting, table[c]));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_linked_tables_give_no_small_count_away_in_any_of_their_sums(int seed)
    {
        // Rows × columns with row, column and grand totals, like communities × subdistricts of a district.
        var random = new Random(seed);
        for (var run = 0; run < 200; run++)
        {
            var table = new SmallCountSuppression();
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 5);
            var cells = new int[rows, columns];
            var values = new long[rows, columns];
            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = random.NextDouble() < 0.3 ? 0 : RandomCount(random);
                cells[r, c] = table.Cell(values[r, c]);
            }
            var groups = new List<(int Total, List<int> Parts)>();
            var rowTotals = Enumerable.Range(0, rows).Select(r => table.Cell(Enumerable.Range(0, columns).Sum(c => values[r, c]))).ToList();
            var columnTotals = Enumerable.Range(0, columns).Select(c => table.Cell(Enumerable.Range(0, rows).Sum(r => values[r, c]))).ToList();
            var grand = table.Cell(rowTotals.Sum(table.Value));
            for (var r = 0; r < rows; r++) groups.Add((rowTotals[r], Enumerable.Range(0, columns).Select(c => cells[r, c]).ToList()));
            for (var c = 0; c < columns; c++) groups.Add((columnTotals[c], Enumerable.Range(0, rows).Select(r => cells[r, c]).ToList()));
            groups.Add((grand, rowTotals));
            groups.Add((grand, columnTotals));
            foreach (var (total, parts) in groups) table.Sum(total, parts);
            table.Protect();

            foreach (var (total, parts) in groups) AssertSafe(table, total, parts);
            AssertOnlySmallOrBeside(table, groups);
        }
    }

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    // Mostly small counts, some zeros, some large.
    private static long RandomCount(Random random) => random.Next(4) switch
    {
        0 => random.Next(0, 5),
        1 => random.Next(1, 10),
        2 => random.Next(5, 25),
        _ => random.Next(0, 200),
    };

    /// <summary>No protected hidden cell has only one possible value, given the total, the shown parts and what an onlooker knows.</summary>
    private static void AssertSafe(SmallCountSuppression table, int total, IReadOnlyList<int> parts)
    {
        foreach (var c in parts.Append(total))
        {
            if (SmallCountSuppression.IsSmall(table.Value(c)) && table[c] != CellState.Unpublished) Assert.Equal(CellState.Small, table[c]);
        }
        var unknown = parts.Where(p => table[p] != CellState.Shown).ToList();
        if (table[total] != CellState.Shown)
        {
            // A hidden total is only safe beside a hidden part: else it is the sum of what is shown.
            if (unknown.Count == 0) Assert.False(Protected(table, total), "a hidden total equals the sum of its shown parts");
            return;
        }
        var hiddenByDesign = unknown.Count(p => table[p] is CellState.Small or CellState.Protecting);
        Assert.True(unknown.Count != 1 || hiddenByDesign == 0, "one hidden cell in a sum is the total minus the rest");
        Assert.True(hiddenByDesign != 1 || unknown.Count >= 2);
        var sum = checked((int)(table.Value(total) - parts.Where(p => table[p] == CellState.Shown).Sum(table.Value)));
        foreach (var p in unknown.Where(p => Protected(table, p)))
        {
            var others = unknown.Where(o => o != p).ToList();
            var reachable = Reachable(table, others, sum);
            var (low, high) = Range(table, p, sum);
            var possible = Enumerable.Range(low, Math.Max(0, Math.Min(high, sum) - low + 1)).Count(v => reachable[sum - v]);
            Assert.True(possible >= 2, $"cell {p} ({table.Value(p)}, {table[p]}) has {possible} possible value(s) given the sum {sum}");
        }
    }

    /// <summary>Counts of 5 and more are hidden only in a sum that also hides another cell.</summary>
    private static void AssertOnlySmallOrBeside(SmallCountSuppression table, IReadOnlyList<(int Total, List<int> Parts)> groups)
    {
        var cells = groups.SelectMany(g => g.Parts.Append(g.Total)).Distinct();
        foreach (var c in cells.Where(c => table[c] == CellState.Protecting))
        {
            Assert.Contains(groups, g => g.Parts.Append(g.Total).Contains(c)
                && g.Parts.Append(g.Total).Any(o => o != c && table[o] is CellState.Small or CellState.Protecting or CellState.Unpublished));
        }
        foreach (var c in cells.Where(c => table[c] == CellState.Shown)) Assert.False(SmallCountSuppression.IsSmall(table.Value(c)));
    }

    private static bool Protected(SmallCountSuppression table, int cell) =>
        SmallCountSuppression.IsSmall(table.Value(cell)) || table[cell] == CellState.Protecting;

    // What an onlooker knows of a hidden cell: "<5" is 1–4; a cell hidden to protect another is 5 or more unless 0.
    private static (int Low, int High) Range(SmallCountSuppression table, int cell, int sum) => table[cell] switch
    {
        CellState.Small => (1, SmallCountSuppression.SmallestShownCount - 1),
        CellState.Protecting when table.Value(cell) >= SmallCountSuppression.SmallestShownCount => (SmallCountSuppression.SmallestShownCount, sum),
        _ => (0, sum),
    };

    /// <summary>Which totals 0..sum the given hidden cells can make together (every value each could take, enumerated).</summary>
    private static bool[] Reachable(SmallCountSuppression table, IReadOnlyList<int> cells, int sum)
    {
        var reachable = new bool[sum + 1];
        reachable[0] = true;
        foreach (var c in cells)
        {
            var (low, high) = Range(table, c, sum);
            var next = new bool[sum + 1];
            for (var s = 0; s <= sum; s++)
            {
                if (!reachable[s]) continue;
                for (var v = low; v <= high && s + v <= sum; v++) next[s + v] = true;
            }
            reachable = next;
        }
        return reachable;
    }
}
