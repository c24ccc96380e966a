using Saphan.Storage;

namespace Saphan.Assessment.Figures;

/// <summary>The counts of an <see cref="AreaFigure"/>, each summed over areas.</summary>
[Flags]
public enum AreaMeasures
{
    None = 0,
    Assessed = 1,
    Poor = 2,
    Income = 4,
    Health = 8,
    Education = 16,
    Living = 32,
    Services = 64,
}

/// <summary>
/// An area of the report card's tables: Bangkok (all null), a district, a subdistrict, a community across its district
/// (<see cref="Subdistrict"/> null) or a community within one subdistrict. Community 0 = outside a registered community.
/// </summary>
internal readonly record struct AreaKey(string? District, string? Subdistrict, int? Community)
{
    public static readonly AreaKey Bangkok = new(null, null, null);
}

/// <summary>
/// Which counts of which area are hidden from viewers who see aggregates only. Every table the pages publish is a sum:
/// Bangkok of its districts, a district of its subdistricts and of its communities (with the row for households outside
/// one), a subdistrict of its communities, a community across the district of its parts in each subdistrict. All of them,
/// for each measure, go into one <see cref="SmallCountSuppression"/> table, so that a count hidden on one page is not
/// given away by a total on another.
/// </summary>
internal sealed class AreaDisclosure
{
    private static readonly (AreaMeasures Measure, Func<AreaTotals, int> Count)[] Measures =
    [
        (AreaMeasures.Assessed, t => t.Assessed), (AreaMeasures.Poor, t => t.Poor), (AreaMeasures.Income, t => t.Income),
        (AreaMeasures.Health, t => t.Health), (AreaMeasures.Education, t => t.Education), (AreaMeasures.Living, t => t.Living),
        (AreaMeasures.Services, t => t.Services),
    ];

    private readonly Dictionary<AreaKey, (AreaMeasures Hidden, AreaMeasures Protecting)> masks = [];

    /// <param name="cells">Exact totals by (district, subdistrict, community; 0 = none).</param>
    /// <param name="districts">Every district published (with no households too).</param>
    /// <param name="subdistricts">Every subdistrict published, by district.</param>
    public AreaDisclosure(IReadOnlyDictionary<(string District, string Subdistrict, int Community), AreaTotals> cells,
        IEnumerable<string> districts, IEnumerable<(string District, string Subdistrict)> subdistricts)
    {
        var totals = new Dictionary<AreaKey, AreaTotals>();
        void Add(AreaKey key, AreaTotals t) => totals[key] = totals.GetValueOrDefault(key, AreaTotals.Zero).Plus(t);
        Add(AreaKey.Bangkok, AreaTotals.Zero);
        foreach (var d in districts) Add(new AreaKey(d, null, null), AreaTotals.Zero);
        foreach (var (d, s) in subdistricts) Add(new AreaKey(d, s, null), AreaTotals.Zero);
        foreach (var ((d, s, c), t) in cells)
        {
            Add(AreaKey.Bangkok, t);
            Add(new AreaKey(d, null, null), t);
            Add(new AreaKey(d, s, null), t);
            Add(new AreaKey(d, null, c), t);
            Add(new AreaKey(d, s, c), t);
        }
        var keys = totals.Keys.ToList();
        var groups = new List<(AreaKey Total, List<AreaKey> Parts)>
        {
            (AreaKey.Bangkok, keys.Where(k => k is { District: not null, Subdistrict: null, Community: null }).ToList()),
        };
        foreach (var district in keys.Where(k => k is { District: not null, Subdistrict: null, Community: null }))
        {
            groups.Add((district, keys.Where(k => k.District == district.District && k is { Subdistrict: not null, Community: null }).ToList()));
            groups.Add((district, keys.Where(k => k.District == district.District && k is { Subdistrict: null, Community: not null }).ToList()));
        }
        foreach (var sub in keys.Where(k => k is { Subdistrict: not null, Community: null }))
            groups.Add((sub, keys.Where(k => k.District == sub.District && k.Subdistrict == sub.Subdistrict && k.Community is not null).ToList()));
        foreach (var community in keys.Where(k => k is { Subdistrict: null, Community: not null }))
            groups.Add((community, keys.Where(k => k.District == community.District && k.Subdistrict is not null && k.Community == community.Community).ToList()));

        foreach (var (measure, count) in Measures)
        {
            var table = new SmallCountSuppression();
            var cell = keys.ToDictionary(k => k, k => table.Cell(count(totals[k])));
            foreach (var (total, parts) in groups) table.Sum(cell[total], parts.Select(p => cell[p]));
            table.Protect();
            foreach (var k in keys)
            {
                var (hidden, protecting) = masks.GetValueOrDefault(k);
                var state = table[cell[k]];
                masks[k] = (state == CellState.Shown ? hidden : hidden | measure, state == CellState.Protecting ? protecting | measure : protecting);
            }
        }
    }

    /// <summary>The measures hidden for an area, and of those the ones hidden only to protect a small count.</summary>
    public (AreaMeasures Hidden, AreaMeasures Protecting) For(AreaKey area) => masks.GetValueOrDefault(area);
}
