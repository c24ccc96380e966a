using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Assessment.Cases;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Storage;

namespace Saphan.Assessment.Plans;

public sealed record AreaPlanSummary(AreaPlan Plan, string DistrictNameTh, string DistrictNameEn, int? HouseholdsServed);

public sealed record ProjectView(AreaProject Project, int? HouseholdsServed, IReadOnlyList<ServedHousehold>? Households);

/// <summary>A household served by a project or adopted by an agency, with where its report card stands.</summary>
public sealed record ServedHousehold(Guid HouseholdId, string HeadName, DateOnly? FirstAssessedOn, bool? FirstPoor, DateOnly? LatestAssessedOn,
    bool? LatestPoor, int? LatestScoreBasisPoints, int ProblemsSolved, int ProblemsRemaining, int OpenActions, int OverdueActions, int DoneActions);

public sealed record AreaPlanView(AreaPlan Plan, string DistrictNameTh, string DistrictNameEn, IReadOnlyList<ProjectView> Projects);

public sealed record AdoptionSummary(Adoption Adoption, Agency Agency, string DistrictNameTh, string DistrictNameEn, bool InCommunityList, int? Households);

/// <summary>
/// Progress of an adopted community: households, how many were poor at their first assessment and are poor now, problems solved,
/// and case actions. Counts are suppressed (1–4) for aggregates-only viewers, who never get the household list.
/// </summary>
public sealed record AdoptionProgress(int? Households, int? Assessed, int? PoorAtFirst, int? PoorNow, int? ProblemsSolved, int? ActionsDone,
    int? ActionsOpen, int? ActionsOverdue);

public sealed record AdoptionView(AdoptionSummary Summary, AdoptionProgress Progress, IReadOnlyList<ServedHousehold>? Households,
    IReadOnlyList<AreaPlanSummary> PlansInDistrict);

/// <summary>Area plans (seed 004) and "one department, one area" adoptions (seed 002), read for the current viewer.</summary>
public sealed class PlanViews(DataAccess data)
{
    public async Task<IReadOnlyList<AreaPlanSummary>> AreaPlansAsync(CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        await using var db = await OpenAsync(scope, "/report-card/area-plans");
        var plans = await db.AreaPlans.AsNoTracking().Include(p => p.Projects).OrderBy(p => p.DistrictCode).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var served = await db.ProjectHouseholds
            .Join(db.AreaProjects, ph => ph.ProjectId, p => p.Id, (ph, p) => new { p.AreaPlanId, ph.HouseholdId })
            .Distinct().GroupBy(x => x.AreaPlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return plans.Select(p => new AreaPlanSummary(p, districts[p.DistrictCode].NameTh, districts[p.DistrictCode].NameEn,
            Shown(served.GetValueOrDefault(p.Id), scope))).ToList();
    }

    public async Task<AreaPlanView?> AreaPlanAsync(int id, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        var where = $"/report-card/area-plans/{id}";
        await using var db = await OpenAsync(scope, where);
        var plan = await db.AreaPlans.AsNoTracking().Include(p => p.Projects).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == plan.DistrictCode, ct);
        var projectIds = plan.Projects.Select(p => p.Id).ToList();
        var links = await db.ProjectHouseholds.AsNoTracking().Where(ph => projectIds.Contains(ph.ProjectId)).ToListAsync(ct);
        var households = scope.SeesPeople ? await ServedAsync(db, links.Select(l => l.HouseholdId).Distinct().ToList(), ct) : null;
        if (households is not null)
            await data.AuditAsync(AuditAction.List, "Household", households.Keys.Select(k => k.ToString()), where, "area plan");
        var projects = plan.Projects.OrderBy(p => p.PlanYear).ThenBy(p => p.Kind).ThenBy(p => p.Id)
            .Select(p =>
            {
                var mine = links.Where(l => l.ProjectId == p.Id).Select(l => l.HouseholdId).ToList();
                return new ProjectView(p, Shown(mine.Count, scope), households is null ? null : mine.Where(households.ContainsKey).Select(h => households[h]).ToList());
            })
            .ToList();
        return new AreaPlanView(plan, district.NameTh, district.NameEn, projects);
    }

    public async Task<IReadOnlyList<AdoptionSummary>> AdoptionsAsync(CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        await using var db = await OpenAsync(scope, "/report-card/adoptions");
        var adoptions = await db.Adoptions.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var counts = await db.AdoptionHouseholds.GroupBy(a => a.AdoptionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return adoptions.Select(a => Summary(a, districts[a.DistrictCode], Shown(counts.GetValueOrDefault(a.Id), scope))).ToList();
    }

    public async Task<AdoptionView?> AdoptionAsync(int id, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        var where = $"/report-card/adoptions/{id}";
        await using var db = await OpenAsync(scope, where);
        var adoption = await db.Adoptions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (adoption is null) return null;
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == adoption.DistrictCode, ct);
        var ids = await db.AdoptionHouseholds.AsNoTracking().Where(a => a.AdoptionId == id).Select(a => a.HouseholdId).ToListAsync(ct);
        var served = await ServedAsync(db, ids, ct);
        var all = served.Values.ToList();
        var progress = new AdoptionProgress(
            Shown(all.Count, scope), Shown(all.Count(h => h.LatestAssessedOn is not null), scope),
            Shown(all.Count(h => h.FirstPoor == true), scope), Shown(all.Count(h => h.LatestPoor == true), scope),
            Shown(all.Sum(h => h.ProblemsSolved), scope), Shown(all.Sum(h => h.DoneActions), scope),
            Shown(all.Sum(h => h.OpenActions), scope), Shown(all.Sum(h => h.OverdueActions), scope));
        IReadOnlyList<ServedHousehold>? list = null;
        if (scope.SeesPeople)
        {
            list = all.OrderByDescending(h => h.LatestScoreBasisPoints ?? -1).ThenBy(h => h.HouseholdId).ToList();
            await data.AuditAsync(AuditAction.List, "Household", list.Select(h => h.HouseholdId.ToString()), where, "one department, one area");
        }
        var plans = (await AreaPlansAsync(ct)).Where(p => p.Plan.DistrictCode == adoption.DistrictCode).ToList();
        return new AdoptionView(Summary(adoption, district, progress.Households), progress, list, plans);
    }

    private static AdoptionSummary Summary(Adoption a, Geography.District district, int? households) =>
        new(a, Agencies.Find(a.AgencyKey)!, district.NameTh, district.NameEn, a.CommunityId is not null, households);

    /// <summary>Where each household's report card and case plan stand: first and latest assessment, problems solved, actions.</summary>
    private async Task<Dictionary<Guid, ServedHousehold>> ServedAsync(SaphanDb db, IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => householdIds.Contains(a.HouseholdId) && a.Status == AssessmentStatus.Submitted)
            .Select(a => new { a.HouseholdId, a.AssessedOn, a.SubmittedAt, a.IsPoor, a.IsLatest, a.ScoreBasisPoints, a.DeprivedIndicators })
            .ToListAsync(ct);
        var heads = await db.People.AsNoTracking().Where(p => p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value) && p.RoleInHousehold == HouseholdRole.Head)
            .Select(p => new { p.HouseholdId, Name = (p.Title ?? "") + p.GivenName + " " + p.FamilyName }).ToListAsync(ct);
        var plans = await db.CasePlans.AsNoTracking().Where(c => householdIds.Contains(c.HouseholdId)).ToDictionaryAsync(c => c.HouseholdId, ct);
        var visible = await db.Households.Where(h => householdIds.Contains(h.Id)).Select(h => h.Id).ToListAsync(ct);
        var today = data.Today;
        return visible.ToDictionary(id => id, id =>
        {
            var mine = assessments.Where(a => a.HouseholdId == id).OrderBy(a => a.AssessedOn).ThenBy(a => a.SubmittedAt).ToList();
            var first = mine.FirstOrDefault();
            var latest = mine.FirstOrDefault(a => a.IsLatest) ?? mine.LastOrDefault();
            var firstCodes = Codes(first?.DeprivedIndicators);
            var latestCodes = Codes(latest?.DeprivedIndicators);
            var actions = plans.GetValueOrDefault(id)?.Actions ?? [];
            return new ServedHousehold(id, heads.FirstOrDefault(h => h.HouseholdId == id)?.Name ?? "–",
                first?.AssessedOn, first?.IsPoor, latest?.AssessedOn, latest?.IsPoor, latest?.ScoreBasisPoints,
                firstCodes.Except(latestCodes).Count(), latestCodes.Count,
                actions.Count(a => a.Status is ActionStatus.Planned or ActionStatus.InProgress), actions.Count(a => a.IsOverdueOn(today)),
                actions.Count(a => a.Status == ActionStatus.Done));
        });
    }

    private static HashSet<string> Codes(string? text) => (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private async Task<SaphanDb> OpenAsync(AccessScope scope, string where) =>
        scope.SeesPeople ? await data.OpenAsync(where, "plans") : await data.OpenForAggregatesAsync();

    private static int? Shown(int count, AccessScope scope) =>
        !scope.SeesPeople && SmallCountSuppression.IsSmall(count) ? null : count;
}
