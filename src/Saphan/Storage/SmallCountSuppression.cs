namespace Saphan.Storage;

/// <summary>How one published count is shown to executives and the public.</summary>
public enum CellState : byte
{
    Shown,

    /// <summary>A count from 1 to 4: shown as "&lt;5".</summary>
    Small,

    /// <summary>Hidden only so that a small count beside it cannot be worked out by subtraction (complementary suppression).</summary>
    Protecting,

    /// <summary>Never shown as a cell of its own (e.g. the eligible who are neither enrolled nor missing out), yet part of a shown total.</summary>
    Unpublished,
}

/// <summary>
/// Small-count suppression with complementary suppression, for counts published to viewers who see aggregates only.
/// Cells are counts; a group says a total is the sum of some parts. Counts 1–4 are hidden, then, in every group, further cells
/// are hidden until no hidden small count (nor a cell hidden to protect one) can be pinned to one value from the shown cells,
/// the total and the bounds an onlooker knows (a small count is 1–4; a protecting cell is 5 or more when not 0): with one
/// unknown it could always be, so a group hides none or at least two. The next-smallest shown part is hidden first (non-zero
/// before zero), the total when no part is left; groups that share cells are revisited until nothing changes, so a cell hidden
/// for one table is never given away by another.
/// </summary>
public sealed class SmallCountSuppression
{
    /// <summary>Counts below this (and above zero) are not shown to executives and the public.</summary>
    public const int SmallestShownCount = 5;

    private readonly List<long> values = [];
    private readonly List<CellState> states = [];
    private readonly List<(int Total, int[] Parts)> groups = [];

    public static bool IsSmall(long count) => count is > 0 and < SmallestShownCount;

    /// <summary>What a page shows for a hidden count: "&lt;5" for a small one, "×" for one hidden to protect it.</summary>
    public static string Mark(bool protecting) => protecting ? "×" : "<" + SmallestShownCount;

    /// <summary>Adds a count; returns its cell number.</summary>
    public int Cell(long value, bool published = true)
    {
        values.Add(value);
        states.Add(!published ? CellState.Unpublished : IsSmall(value) ? CellState.Small : CellState.Shown);
        return values.Count - 1;
    }

    /// <summary>Says that <paramref name="total"/> is the sum of <paramref name="parts"/> and both are published together.</summary>
    public void Sum(int total, IEnumerable<int> parts)
    {
        var list = parts.ToArray();
        if (values[total] != list.Sum(p => values[p])) throw new ArgumentException("The parts do not add up to the total.", nameof(parts));
        groups.Add((total, list));
    }

    public CellState this[int cell] => states[cell];

    public long Value(int cell) => values[cell];

    /// <summary>The count to publish: null when hidden.</summary>
    public long? Shown(int cell) => states[cell] == CellState.Shown ? values[cell] : null;

    /// <summary>Hides further cells until no group gives a protected count away.</summary>
    public SmallCountSuppression Protect()
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var group in groups)
            {
                while (Derivable(group.Total, group.Parts) && HideAnother(group.Total, group.Parts)) changed = true;
            }
        } while (changed);
        return this;
    }

    /// <summary>Whether a protected cell of one group can be narrowed to a single value from what is shown.</summary>
    public bool Derivable(int total, IReadOnlyList<int> parts)
    {
        var unknown = parts.Where(p => states[p] != CellState.Shown).ToList();
        if (states[total] != CellState.Shown) return unknown.Count == 0 && Protected(total);
        if (unknown.Count == 0) return false;
        var sum = unknown.Sum(p => values[p]); // = the total minus the shown parts, which anyone can work out
        var lows = unknown.Sum(Low);
        var unbounded = unknown.Count(p => High(p) is null);
        var highs = unknown.Where(p => High(p) is not null).Sum(p => High(p)!.Value);
        foreach (var p in unknown.Where(Protected))
        {
            var othersUnbounded = unbounded - (High(p) is null ? 1 : 0) > 0;
            var low = othersUnbounded ? Low(p) : Math.Max(Low(p), sum - (highs - (High(p) ?? 0)));
            var high = Math.Min(High(p) ?? long.MaxValue, sum - (lows - Low(p)));
            if (low >= high) return true;
        }
        return false;
    }

    private bool Protected(int cell) => IsSmall(values[cell]) || states[cell] == CellState.Protecting;

    // What an onlooker knows of a hidden cell: a small one is 1–4; one hidden to protect is 5 or more unless it is 0.
    private long Low(int cell) => states[cell] switch
    {
        CellState.Small => 1,
        CellState.Protecting when values[cell] >= SmallestShownCount => SmallestShownCount,
        _ => 0,
    };

    private long? High(int cell) => states[cell] == CellState.Small ? SmallestShownCount - 1 : null;

    private bool HideAnother(int total, int[] parts)
    {
        var next = parts.Where(p => states[p] == CellState.Shown).OrderBy(p => values[p] == 0 ? 1 : 0).ThenBy(p => values[p]).Select(p => (int?)p).FirstOrDefault();
        if (next is null && states[total] == CellState.Shown) next = total;
        if (next is null) return false;
        states[next.Value] = CellState.Protecting;
        return true;
    }
}
