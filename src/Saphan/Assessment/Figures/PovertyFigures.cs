using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Dashboard;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Assessment.Figures;

/// <summary>
/// Who are the poor and where (seed 004), for one area: households assessed, poor households (headcount), intensity (the
/// average score of the poor) and how many of the poor are deprived in each dimension. A null count was suppressed (1–4)
/// for a viewer who sees aggregates only.
/// </summary>
public sealed record AreaFigure(string Key, string NameTh, string NameEn, int? Assessed, int? Poor, decimal? Intensity,
    int? Income, int? Health, int? Education, int? Living, int? Services, long? PoorScoreBasisPoints = null,
    AreaMeasures Protecting = AreaMeasures.None)
{
    /// <summary>Share of assessed households that are poor (H), when both counts are shown.</summary>
    public decimal? HeadcountRatio => Assessed is > 0 && Poor is { } p ? (decimal)p / Assessed.Value : null;

    public int? PoorDeprivedIn(Dimension dimension) => dimension switch
    {
        Dimension.Income => Income,
        Dimension.Health => Health,
        Dimension.Education => Education,
        Dimension.Living => Living,
        _ => Services,
    };

    public string Name(bool thai) => thai ? NameTh : NameEn;

    /// <summary>The measure counting the poor deprived in a dimension.</summary>
    public static AreaMeasures MeasureOf(Dimension dimension) => dimension switch
    {
        Dimension.Income => AreaMeasures.Income,
        Dimension.Health => AreaMeasures.Health,
        Dimension.Education => AreaMeasures.Education,
        Dimension.Living => AreaMeasures.Living,
        _ => AreaMeasures.Services,
    };
}

/// <summary>Exact sums for one area, as the database returns them (before suppression).</summary>
public sealed record AreaTotals(int Assessed, int Poor, long PoorScoreBasisPoints, int Income, int Health, int Education, int Living, int Services)
{
    public static readonly AreaTotals Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public AreaTotals Plus(AreaTotals o) => new(Assessed + o.Assessed, Poor + o.Poor, PoorScoreBasisPoints + o.PoorScoreBasisPoints,
        Income + o.Income, Health + o.Health, Education + o.Education, Living + o.Living, Services + o.Services);
}

/// <summary>A district's figures: the whole district, each subdistrict, and each community (of one subdistrict when asked).</summary>
public sealed record DistrictBreakdown(string DistrictCode, string NameTh, string NameEn, AreaFigure Total, IReadOnlyList<AreaFigure> Subdistricts,
    IReadOnlyList<AreaFigure> Communities);

/// <summary>A household in an area's list (viewers in scope only).</summary>
public sealed record AreaHousehold(Guid HouseholdId, string HeadName, string SubdistrictCode, int? CommunityId, DateOnly AssessedOn,
    int ScoreBasisPoints, bool IsPoor, string DeprivedIndicators, IReadOnlyList<Dimension> Dimensions);

/// <summary>
/// Area figures of the family report card, computed in the database as one GROUP BY over the stored results of each
/// household's latest submitted assessment (<see cref="HouseholdAssessment.IsLatest"/>): each household counts once, in the
/// area where it lived when assessed, and no rule is re-run per request. Officers get their scope's households;
/// executives and the public get everyone with counts 1–4 suppressed, like the dashboard's <see cref="DistrictFigures"/>, and
/// further counts hidden wherever a suppressed one could be worked out from a total (<see cref="AreaDisclosure"/>).
/// </summary>
public sealed class PovertyFigures(DataAccess data)
{
    /// <summary>Bangkok by district.</summary>
    public async Task<IReadOnlyList<AreaFigure>> DistrictsAsync(CancellationToken ct = default)
    {
        var (db, scope) = await OpenAsync();
        await using var _ = db;
        var totals = await TotalsAsync(db.Assessments.Where(a => a.IsLatest), a => a.DistrictCode, ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var disclosure = await DisclosureAsync(db, scope, ct);
        return districts
            .Where(d => !scope.SeesPeople || scope.SeesEveryone || scope.Department != null || totals.ContainsKey(d.Code) || d.Code == scope.DistrictCode)
            .Select(d => Shown(d.Code, d.NameTh, d.NameEn, totals.GetValueOrDefault(d.Code) ?? AreaTotals.Zero, disclosure, new AreaKey(d.Code, null, null)))
            .ToList();
    }

    /// <summary>All of Bangkok the viewer may count, as one figure (suppressed once, not summed from suppressed districts).</summary>
    public async Task<AreaFigure> BangkokAsync(CancellationToken ct = default)
    {
        var (db, scope) = await OpenAsync();
        await using var _ = db;
        // IsLatest is true on every row counted, so this is one group: the whole city.
        var totals = await TotalsAsync(db.Assessments.Where(a => a.IsLatest), a => a.IsLatest, ct);
        return Shown("", "กรุงเทพมหานคร", "Bangkok", totals.GetValueOrDefault(true) ?? AreaTotals.Zero, await DisclosureAsync(db, scope, ct), AreaKey.Bangkok);
    }

    /// <summary>One district by subdistrict.</summary>
    public async Task<IReadOnlyList<AreaFigure>> SubdistrictsAsync(string districtCode, CancellationToken ct = default) =>
        (await DistrictAsync(districtCode, null, ct)).Subdistricts;

    /// <summary>One district (or one of its subdistricts) by community; households outside a registered community form one row with key "".</summary>
    public async Task<IReadOnlyList<AreaFigure>> CommunitiesAsync(string districtCode, string? subdistrictCode = null, CancellationToken ct = default) =>
        (await DistrictAsync(districtCode, subdistrictCode, ct)).Communities;

    /// <summary>
    /// A district page's figures from one query: totals grouped by (subdistrict, community), summed here into the district,
    /// its subdistricts and its communities (of one subdistrict when given). Sums of integers are exact, so nothing is lost.
    /// </summary>
    public async Task<DistrictBreakdown> DistrictAsync(string districtCode, string? subdistrictCode = null, CancellationToken ct = default)
    {
        var (db, scope) = await OpenAsync();
        await using var _ = db;
        // 0 stands for "no registered community" (community ids start at 1).
        var cells = await TotalsAsync(db.Assessments.Where(a => a.IsLatest && a.DistrictCode == districtCode),
            a => new { Subdistrict = a.SubdistrictCode, Community = a.CommunityId ?? 0 }, ct);
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == districtCode, ct);
        var subdistricts = await db.Subdistricts.AsNoTracking().Where(s => s.DistrictCode == districtCode).OrderBy(s => s.Code).ToListAsync(ct);
        var inSubdistrict = cells.Where(c => subdistrictCode is null || c.Key.Subdistrict == subdistrictCode).ToList();
        var ids = inSubdistrict.Select(c => c.Key.Community).Where(k => k != 0).Distinct().ToList();
        var names = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.NameTh, ct);

        var disclosure = await DisclosureAsync(db, scope, ct);

        static AreaTotals Sum(IEnumerable<AreaTotals> parts) => parts.Aggregate(AreaTotals.Zero, (a, b) => a.Plus(b));
        var communities = inSubdistrict.GroupBy(c => c.Key.Community)
            .Select(g =>
            {
                var area = new AreaKey(districtCode, subdistrictCode, g.Key);
                var totals = Sum(g.Select(c => c.Value));
                return g.Key is not 0 and var id
                    ? Shown(id.ToString(System.Globalization.CultureInfo.InvariantCulture), names.GetValueOrDefault(id, "#" + id), names.GetValueOrDefault(id, "#" + id), totals, disclosure, area)
                    : Shown("", "นอกชุมชนที่ขึ้นทะเบียน", "Outside a registered community", totals, disclosure, area);
            })
            .OrderBy(f => f.Key.Length == 0 ? 1 : 0).ThenByDescending(f => f.Poor ?? 0).ThenBy(f => f.NameTh, StringComparer.Ordinal)
            .ToList();
        return new DistrictBreakdown(districtCode, district?.NameTh ?? districtCode, district?.NameEn ?? districtCode,
            Shown(districtCode, district?.NameTh ?? districtCode, district?.NameEn ?? districtCode, Sum(cells.Values), disclosure, new AreaKey(districtCode, null, null)),
            subdistricts.Select(s => Shown(s.Code, s.NameTh, s.NameEn, Sum(cells.Where(c => c.Key.Subdistrict == s.Code).Select(c => c.Value)), disclosure,
                new AreaKey(districtCode, s.Code, null))).ToList(),
            communities);
    }

    /// <summary>The assessed households of an area, neediest first — names only for a viewer whose scope includes them; null for aggregates-only viewers.</summary>
    public async Task<IReadOnlyList<AreaHousehold>?> HouseholdsAsync(string districtCode, string? subdistrictCode, int? communityId, bool poorOnly,
        CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!scope.SeesPeople) return null;
        var where = $"/report-card/areas/{districtCode}";
        await using var db = await data.OpenAsync(where, "households of an area");
        await WithoutJitAsync(db);
        var query = db.Assessments.AsNoTracking().Where(a => a.IsLatest && a.DistrictCode == districtCode);
        if (subdistrictCode is not null) query = query.Where(a => a.SubdistrictCode == subdistrictCode);
        if (communityId is not null) query = query.Where(a => a.CommunityId == communityId);
        if (poorOnly) query = query.Where(a => a.IsPoor);
        var rows = await query.OrderByDescending(a => a.ScoreBasisPoints).ThenBy(a => a.HouseholdId).Take(500)
            .Select(a => new
            {
                a.HouseholdId, a.SubdistrictCode, a.CommunityId, a.AssessedOn, a.ScoreBasisPoints, a.IsPoor, a.DeprivedIndicators,
                a.IncomeDeprived, a.HealthDeprived, a.EducationDeprived, a.LivingDeprived, a.ServicesDeprived,
                Head = db.People.Where(p => p.HouseholdId == a.HouseholdId && p.RoleInHousehold == HouseholdRole.Head)
                    .Select(p => (p.Title ?? "") + p.GivenName + " " + p.FamilyName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        await data.AuditAsync(AuditAction.List, "Household", rows.Select(r => r.HouseholdId.ToString()), where, "households of an area");
        return rows.Select(r => new AreaHousehold(r.HouseholdId, r.Head ?? "–", r.SubdistrictCode, r.CommunityId, r.AssessedOn, r.ScoreBasisPoints, r.IsPoor,
            r.DeprivedIndicators, DimensionsOf(r.IncomeDeprived, r.HealthDeprived, r.EducationDeprived, r.LivingDeprived, r.ServicesDeprived))).ToList();
    }

    internal static IReadOnlyList<Dimension> DimensionsOf(bool income, bool health, bool education, bool living, bool services)
    {
        var list = new List<Dimension>(5);
        if (income) list.Add(Dimension.Income);
        if (health) list.Add(Dimension.Health);
        if (education) list.Add(Dimension.Education);
        if (living) list.Add(Dimension.Living);
        if (services) list.Add(Dimension.PublicServices);
        return list;
    }

    private async Task<(SaphanDb Db, AccessScope Scope)> OpenAsync()
    {
        var scope = await data.ScopeAsync();
        var db = scope.SeesPeople ? await data.OpenAsync("/report-card/areas", "poverty figures") : await data.OpenForAggregatesAsync();
        await WithoutJitAsync(db);
        return (db, scope);
    }

    /// <summary>
    /// PostgreSQL compiles queries whose estimated cost passes jit_above_cost; the scope filter's subqueries inflate the
    /// estimate of these short aggregates so much that compiling took longer (1.4 s at 50,000 households) than running
    /// (docs/benchmarks.md). Saphan's connections have JIT off already (StorageSetup.WithPoolSettings); this keeps it off
    /// when an operator's connection string sets its own Options.
    /// </summary>
    internal static async Task WithoutJitAsync(SaphanDb db)
    {
        if (!db.IsPostgreSql) return;
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET jit = off");
    }

    /// <summary>The one set-based query behind every figure.</summary>
    internal static async Task<Dictionary<TKey, AreaTotals>> TotalsAsync<TKey>(IQueryable<HouseholdAssessment> latest,
        Expression<Func<HouseholdAssessment, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var rows = await latest.GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Assessed = g.Count(),
                Poor = g.Count(a => a.IsPoor),
                PoorScore = g.Sum(a => a.IsPoor ? (long)a.ScoreBasisPoints : 0L),
                Income = g.Count(a => a.IsPoor && a.IncomeDeprived),
                Health = g.Count(a => a.IsPoor && a.HealthDeprived),
                Education = g.Count(a => a.IsPoor && a.EducationDeprived),
                Living = g.Count(a => a.IsPoor && a.LivingDeprived),
                Services = g.Count(a => a.IsPoor && a.ServicesDeprived),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new AreaTotals(r.Assessed, r.Poor, r.PoorScore, r.Income, r.Health, r.Education, r.Living, r.Services));
    }

    /// <summary>
    /// For a viewer who sees aggregates only, which counts to hide: all of Bangkok's tables at once (one GROUP BY), since a
    /// district's page publishes a part of Bangkok's total. Null for officers, who see their scope's counts as they are.
    /// </summary>
    private static async Task<AreaDisclosure?> DisclosureAsync(SaphanDb db, AccessScope scope, CancellationToken ct)
    {
        if (scope.SeesPeople) return null;
        var cells = await TotalsAsync(db.Assessments.Where(a => a.IsLatest),
            a => new { District = a.DistrictCode, Subdistrict = a.SubdistrictCode, Community = a.CommunityId ?? 0 }, ct);
        var districts = await db.Districts.AsNoTracking().Select(d => d.Code).ToListAsync(ct);
        var subdistricts = await db.Subdistricts.AsNoTracking().Select(s => new { s.DistrictCode, s.Code }).ToListAsync(ct);
        return new AreaDisclosure(cells.ToDictionary(c => (c.Key.District, c.Key.Subdistrict, c.Key.Community), c => c.Value), districts,
            subdistricts.Select(s => (s.DistrictCode, s.Code)));
    }

    private static AreaFigure Shown(string key, string nameTh, string nameEn, AreaTotals t, AreaDisclosure? disclosure, AreaKey area)
    {
        var (hidden, protecting) = disclosure?.For(area) ?? default;
        int? S(int count, AreaMeasures measure) => hidden.HasFlag(measure) ? null : count;
        var poor = S(t.Poor, AreaMeasures.Poor);
        decimal? intensity = poor is > 0 ? Math.Round(t.PoorScoreBasisPoints / 10_000m / t.Poor, 4) : null;
        return new AreaFigure(key, nameTh, nameEn, S(t.Assessed, AreaMeasures.Assessed), poor, intensity, S(t.Income, AreaMeasures.Income),
            S(t.Health, AreaMeasures.Health), S(t.Education, AreaMeasures.Education), S(t.Living, AreaMeasures.Living), S(t.Services, AreaMeasures.Services),
            poor is null ? null : t.PoorScoreBasisPoints, protecting);
    }
}
