using Microsoft.EntityFrameworkCore;
using Saphan.Assessment.Cases;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Assessment.Figures;

/// <summary>Which households a work list shows.</summary>
public sealed record WorkListFilter(Dimension? Dimension = null, VulnerableGroups Group = VulnerableGroups.None, bool PoorOnly = false,
    string? DistrictCode = null, int Take = 200);

/// <summary>A household on a work list, with its case plan's state.</summary>
public sealed record WorkListItem(Guid HouseholdId, string HeadName, string DistrictCode, string SubdistrictCode, DateOnly AssessedOn,
    int ScoreBasisPoints, bool IsPoor, IReadOnlyList<string> DeprivedIndicators, IReadOnlyList<Dimension> Dimensions, VulnerableGroups Groups,
    int OpenActions, int OverdueActions, bool HasCasePlan);

/// <summary>
/// Households ranked by need within the viewer's scope (the scope filter of the assessments does the limiting): highest
/// deprivation score first, then most indicators deprived, then the longest since assessed. Filters by dimension and by
/// vulnerable group as found at the assessment.
/// </summary>
public sealed class WorkList(DataAccess data)
{
    public async Task<IReadOnlyList<WorkListItem>> ForViewerAsync(WorkListFilter filter, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!scope.SeesPeople) return [];
        const string where = "/report-card/work-list";
        await using var db = await data.OpenAsync(where, "work list");
        await PovertyFigures.WithoutJitAsync(db);
        var query = db.Assessments.AsNoTracking().Where(a => a.IsLatest);
        if (filter.DistrictCode is { } district) query = query.Where(a => a.DistrictCode == district);
        if (filter.PoorOnly) query = query.Where(a => a.IsPoor);
        query = filter.Dimension switch
        {
            Dimension.Income => query.Where(a => a.IncomeDeprived),
            Dimension.Health => query.Where(a => a.HealthDeprived),
            Dimension.Education => query.Where(a => a.EducationDeprived),
            Dimension.Living => query.Where(a => a.LivingDeprived),
            Dimension.PublicServices => query.Where(a => a.ServicesDeprived),
            _ => query,
        };
        if (filter.Group.HasFlag(VulnerableGroups.OlderPerson)) query = query.Where(a => a.HasOlderPerson);
        if (filter.Group.HasFlag(VulnerableGroups.PersonWithDisability)) query = query.Where(a => a.HasPersonWithDisability);
        if (filter.Group.HasFlag(VulnerableGroups.Child)) query = query.Where(a => a.HasChild);
        if (filter.Group.HasFlag(VulnerableGroups.Bedridden)) query = query.Where(a => a.HasBedridden);

        var rows = await query
            .OrderByDescending(a => a.ScoreBasisPoints).ThenByDescending(a => a.DeprivedCount).ThenBy(a => a.AssessedOn).ThenBy(a => a.HouseholdId)
            .Take(Math.Clamp(filter.Take, 1, 1000))
            .Select(a => new
            {
                a.HouseholdId, a.DistrictCode, a.SubdistrictCode, a.AssessedOn, a.ScoreBasisPoints, a.IsPoor, a.DeprivedIndicators,
                a.IncomeDeprived, a.HealthDeprived, a.EducationDeprived, a.LivingDeprived, a.ServicesDeprived,
                a.HasOlderPerson, a.HasPersonWithDisability, a.HasChild, a.HasBedridden,
                Head = db.People.Where(p => p.HouseholdId == a.HouseholdId && p.RoleInHousehold == HouseholdRole.Head)
                    .Select(p => (p.Title ?? "") + p.GivenName + " " + p.FamilyName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.HouseholdId).ToList();
        var plans = await db.CasePlans.AsNoTracking().Where(c => ids.Contains(c.HouseholdId)).ToDictionaryAsync(c => c.HouseholdId, ct);
        await data.AuditAsync(AuditAction.List, "Household", ids.Select(id => id.ToString()), where, "work list");
        var today = data.Today;
        return rows.Select(r =>
        {
            var plan = plans.GetValueOrDefault(r.HouseholdId);
            var groups = (r.HasOlderPerson ? VulnerableGroups.OlderPerson : 0) | (r.HasPersonWithDisability ? VulnerableGroups.PersonWithDisability : 0)
                         | (r.HasChild ? VulnerableGroups.Child : 0) | (r.HasBedridden ? VulnerableGroups.Bedridden : 0);
            return new WorkListItem(r.HouseholdId, r.Head ?? "–", r.DistrictCode, r.SubdistrictCode, r.AssessedOn, r.ScoreBasisPoints, r.IsPoor,
                r.DeprivedIndicators.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                PovertyFigures.DimensionsOf(r.IncomeDeprived, r.HealthDeprived, r.EducationDeprived, r.LivingDeprived, r.ServicesDeprived), groups,
                plan?.Actions.Count(a => a.Status is ActionStatus.Planned or ActionStatus.InProgress) ?? 0,
                plan?.Actions.Count(a => a.IsOverdueOn(today)) ?? 0,
                plan is not null);
        }).ToList();
    }
}
