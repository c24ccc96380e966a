using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Dashboard;

/// <summary>People and households of one district, by vulnerable group. A null count was suppressed (fewer than five).</summary>
public sealed record DistrictCount(
    string DistrictCode, string NameTh, string NameEn,
    int? People, int? Households, int? OlderPersons, int? PersonsWithDisabilities, int? Children, int? Bedridden, int? Homeless)
{
    public int? Measure(DashboardMeasure measure) => measure switch
    {
        DashboardMeasure.Households => Households,
        DashboardMeasure.OlderPersons => OlderPersons,
        DashboardMeasure.PersonsWithDisabilities => PersonsWithDisabilities,
        DashboardMeasure.Children => Children,
        DashboardMeasure.Bedridden => Bedridden,
        DashboardMeasure.Homeless => Homeless,
        _ => People,
    };
}

public enum DashboardMeasure
{
    People,
    Households,
    OlderPersons,
    PersonsWithDisabilities,
    Children,
    Bedridden,
    Homeless,
}

/// <summary>
/// The home dashboard's figures. Officers get counts over the people their scope shows; executives and the public
/// get counts over everyone, with every count from 1 to 4 suppressed so that no figure can point at a person.
/// </summary>
public sealed class DistrictFigures(DataAccess data)
{
    public async Task<IReadOnlyList<DistrictCount>> ForViewerAsync(CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        var aggregatesOnly = !scope.SeesPeople;
        await using var db = aggregatesOnly ? await data.OpenForAggregatesAsync() : await data.OpenAsync("/", "dashboard");
        var cutoffs = AccessScope.System("dashboard", data.Today);
        var childBornAfter = data.Today.AddYears(-18);

        var people = await db.People
            .GroupBy(p => p.DistrictCode)
            .Select(g => new
            {
                District = g.Key,
                People = g.Count(),
                Older = g.Count(p => p.BirthDate <= cutoffs.OlderPersonBornOnOrBefore),
                Disabled = g.Count(p => p.HasDisabilityCard),
                Children = g.Count(p => p.BirthDate > childBornAfter),
                Bedridden = g.Count(p => p.IsBedridden),
                Homeless = g.Count(p => p.IsHomeless),
            })
            .ToDictionaryAsync(x => x.District, ct);
        var households = await db.Households.GroupBy(h => h.DistrictCode).Select(g => new { District = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.District, x => x.Count, ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);

        int? Shown(int count) => aggregatesOnly && SmallCountSuppression.IsSmall(count) ? null : count;
        return districts
            .Where(d => aggregatesOnly || scope.SeesEveryone || scope.Department != null || people.ContainsKey(d.Code) || d.Code == scope.DistrictCode)
            .Select(d =>
            {
                var p = people.GetValueOrDefault(d.Code);
                return new DistrictCount(d.Code, d.NameTh, d.NameEn,
                    Shown(p?.People ?? 0), Shown(households.GetValueOrDefault(d.Code)), Shown(p?.Older ?? 0), Shown(p?.Disabled ?? 0),
                    Shown(p?.Children ?? 0), Shown(p?.Bedridden ?? 0), Shown(p?.Homeless ?? 0));
            })
            .ToList();
    }
}
