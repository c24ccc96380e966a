using Microsoft.EntityFrameworkCore;
using Saphan.Dashboard;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>One scheme in one district: how many are eligible and enrolled, missing out, and the baht a month. Null = suppressed;
/// <see cref="Protecting"/> names the counts hidden only so that a small one beside them cannot be worked out.</summary>
public sealed record SchemeFigure(string SchemeCode, int? Eligible, int? Enrolled, int? MissingOut, int? Unknown, long? MonthlyPaid, long? MonthlyForgone,
    RightsCells Protecting = RightsCells.None);

public sealed record DistrictRights(string DistrictCode, string NameTh, string NameEn, int? PeopleMissingOut, IReadOnlyList<SchemeFigure> Schemes,
    RightsCells Protecting = RightsCells.None);

/// <summary>Counts of the rights figures that can be hidden to protect a small count beside them.</summary>
[Flags]
public enum RightsCells
{
    None = 0,
    Eligible = 1,
    Enrolled = 2,
    MissingOut = 4,
    PeopleMissingOut = 8,
}

/// <summary>
/// Rights figures per district from the stored verdicts. Officers get their scope's counts; executives and the public
/// get everyone's with every count from 1 to 4 suppressed (and the amount beside a suppressed count), as
/// <see cref="DistrictFigures"/> does, and further counts hidden where a small one could be worked out by subtraction
/// (<see cref="SmallCountSuppression"/>), so that no figure points at a person.
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

        var byKey = groups.ToLookup(g => (g.DistrictCode, g.SchemeCode));
        var suppressedAny = false;
        var result = districts
            .Where(d => aggregatesOnly || scope.SeesEveryone || scope.Department != null || d.Code == scope.DistrictCode || missingPeople.ContainsKey(d.Code)
                || groups.Any(g => g.DistrictCode == d.Code))
            .Select(d =>
            {
                // One table per district: each scheme's eligible = enrolled + missing out + those who need an ID card first
                // (never a column of its own), so a small count is not left as the only unknown of a sum.
                var table = new SmallCountSuppression();
                var people = table.Cell(missingPeople.GetValueOrDefault(d.Code));
                var rows = schemes.Select(s =>
                {
                    var cells = byKey[(d.Code, s.Code)].ToList();
                    int Count(RightStatus status) => cells.Where(c => c.Status == status).Sum(c => c.Count);
                    long Amount(RightStatus status) => cells.Where(c => c.Status == status).Sum(c => c.Amount);
                    var row = new SchemeCells(s.Code, table.Cell(Count(RightStatus.Enrolled) + Count(RightStatus.MissingOut) + Count(RightStatus.Eligible)),
                        table.Cell(Count(RightStatus.Enrolled)), table.Cell(Count(RightStatus.MissingOut)), table.Cell(Count(RightStatus.Unknown)),
                        Amount(RightStatus.Enrolled), Amount(RightStatus.MissingOut));
                    table.Sum(row.Eligible, [row.Enrolled, row.MissingOut, table.Cell(Count(RightStatus.Eligible), published: false)]);
                    return row;
                }).ToList();
                // When one scheme alone has people missing out, they are the district's people missing out on anything.
                if (rows.Count(r => table.Value(r.MissingOut) > 0) == 1 && rows.Single(r => table.Value(r.MissingOut) > 0) is var only
                    && table.Value(only.MissingOut) == table.Value(people))
                    table.Sum(people, [only.MissingOut]);
                if (aggregatesOnly) table.Protect();
                int? Shown(int cell)
                {
                    if (!aggregatesOnly || table[cell] == CellState.Shown) return (int)table.Value(cell);
                    suppressedAny = true;
                    return null;
                }
                RightsCells Protecting(params (int Cell, RightsCells Flag)[] cells) =>
                    cells.Where(c => aggregatesOnly && table[c.Cell] == CellState.Protecting).Aggregate(RightsCells.None, (a, c) => a | c.Flag);
                return new DistrictRights(d.Code, d.NameTh, d.NameEn, Shown(people),
                    rows.Select(r =>
                    {
                        var enrolled = Shown(r.Enrolled);
                        var missingOut = Shown(r.MissingOut);
                        return new SchemeFigure(r.SchemeCode, Shown(r.Eligible), enrolled, missingOut, Shown(r.Unknown),
                            enrolled is null ? null : r.Paid, missingOut is null ? null : r.Forgone,
                            Protecting((r.Eligible, RightsCells.Eligible), (r.Enrolled, RightsCells.Enrolled), (r.MissingOut, RightsCells.MissingOut)));
                    }).ToList(),
                    Protecting((people, RightsCells.PeopleMissingOut)));
            })
            .ToList();
        return (result, schemes, suppressedAny);
    }
}

/// <summary>One scheme's cells in a district's <see cref="SmallCountSuppression"/> table.</summary>
internal sealed record SchemeCells(string SchemeCode, int Eligible, int Enrolled, int MissingOut, int Unknown, long Paid, long Forgone);
