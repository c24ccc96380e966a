using Microsoft.EntityFrameworkCore;
using Saphan.Dashboard;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>One scheme in one district: how many are eligible and enrolled, missing out, and the baht a month. Null = suppressed.</summary>
public sealed record SchemeFigure(string SchemeCode, int? Eligible, int? Enrolled, int? MissingOut, int? Unknown, long? MonthlyPaid, long? MonthlyForgone);

public sealed record DistrictRights(string DistrictCode, string NameTh, string NameEn, int? PeopleMissingOut, IReadOnlyList<SchemeFigure> Schemes);

/// <summary>
/// Rights figures per district from the stored verdicts. Officers get their scope's counts; executives and the public
/// get everyone's with every count from 1 to 4 suppressed (and the amount beside a suppressed count), as
/// <see cref="DistrictFigures"/> does, so that no figure points at a person.
/// </summary>
public sealed class RightsFigures(DataAccess data)
{
    public async Task<(IReadOnlyList<DistrictRights> Districts, IReadOnlyList<Scheme> Schemes, bool Suppressed)> ForViewerAsync(CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        var aggregatesOnly = !scope.SeesPeople;
        await using var db = aggregatesOnly ? await data.OpenForAggregatesAsync() : await data.OpenAsync("/rights/figures", "rights figures");
        var groups = await (from e in db.RightsEvaluations
                            join p in db.People on e.PersonId equals p.Id
                            group e by new { p.DistrictCode, e.SchemeCode, e.Status } into g
                            select new { g.Key.DistrictCode, g.Key.SchemeCode, g.Key.Status, Count = g.Count(), Amount = g.Sum(x => (long)x.MonthlyAmount) })
            .ToListAsync(ct);
        var missing = await (from e in db.RightsEvaluations
                             join p in db.People on e.PersonId equals p.Id
                             where e.Status == RightStatus.MissingOut
                             select new { p.DistrictCode, e.PersonId }).Distinct().ToListAsync(ct);
        var missingPeople = missing.GroupBy(m => m.DistrictCode).ToDictionary(g => g.Key, g => g.Count());
        var schemes = (await db.RightsSchemes.AsNoTracking().ToListAsync(ct)).OrderBy(s => s.Order).ToList();
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);

        var suppressedAny = false;
        int? Shown(int count)
        {
            if (aggregatesOnly && count is > 0 and < DistrictFigures.SmallestShownCount) { suppressedAny = true; return null; }
            return count;
        }
        var byKey = groups.ToLookup(g => (g.DistrictCode, g.SchemeCode));
        var result = districts
            .Where(d => aggregatesOnly || scope.SeesEveryone || scope.Department != null || d.Code == scope.DistrictCode || missingPeople.ContainsKey(d.Code)
                || groups.Any(g => g.DistrictCode == d.Code))
            .Select(d => new DistrictRights(d.Code, d.NameTh, d.NameEn, Shown(missingPeople.GetValueOrDefault(d.Code)),
                schemes.Select(s =>
                {
                    var cells = byKey[(d.Code, s.Code)].ToList();
                    int Count(params RightStatus[] statuses) => cells.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
                    long Amount(RightStatus status) => cells.Where(c => c.Status == status).Sum(c => c.Amount);
                    var enrolled = Shown(Count(RightStatus.Enrolled));
                    var missingOut = Shown(Count(RightStatus.MissingOut));
                    return new SchemeFigure(s.Code, Shown(Count(RightStatus.Enrolled, RightStatus.MissingOut, RightStatus.Eligible)), enrolled, missingOut,
                        Shown(Count(RightStatus.Unknown)), enrolled is null ? null : Amount(RightStatus.Enrolled),
                        missingOut is null ? null : Amount(RightStatus.MissingOut));
                }).ToList()))
            .ToList();
        return (result, schemes, suppressedAny);
    }
}
