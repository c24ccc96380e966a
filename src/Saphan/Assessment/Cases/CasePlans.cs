using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Assessment.Entry;
using Saphan.Assessment.Indicators;
using Saphan.Audit;
using Saphan.Localization;
using Saphan.Storage;

namespace Saphan.Assessment.Cases;

/// <summary>A household's case plan page: the household, the problems of its latest assessment, and the plan (if any).</summary>
public sealed record CasePlanView(Guid HouseholdId, string HeadName, string Address, IndicatorSet? Set, IReadOnlyList<Indicator> Problems,
    CasePlan? Plan, bool MayEdit);

public enum CasePlanProblem
{
    None = 0,
    Refused = 1,
    DescriptionRequired = 2,
    AgencyRequired = 3,
    DueDateInvalid = 4,
    DueDateInPast = 5,
    OutcomeRequired = 6,
    ActionNotFound = 7,
}

/// <summary>
/// Case plans: problems → actions → responsible agency → due date → status → outcome. Anyone who sees the household may read
/// its plan; officers in scope (not volunteers or executives) change it. Every read and change is audited.
/// </summary>
public sealed class CasePlans(DataAccess data, IndicatorCatalogue catalogue, TimeProvider clock)
{
    public static bool MayEdit(AccessScope scope) => scope.SeesPeople && scope.VolunteerUserId is null;

    public async Task<CasePlanView?> OpenAsync(Guid householdId, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        var where = $"/report-card/households/{householdId}/plan";
        await using var db = await data.OpenAsync(where, "case plan");
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            if (await db.Households.IgnoreQueryFilters().AnyAsync(h => h.Id == householdId, ct))
                await data.AuditAsync(AuditAction.Denied, "Household", householdId.ToString(), where, "case plan");
            return null;
        }
        var (head, address, _) = await AssessmentService.HouseholdAsync(db, householdId, ct);
        var latest = await db.Assessments.AsNoTracking().Where(a => a.HouseholdId == householdId && a.IsLatest).FirstOrDefaultAsync(ct);
        var set = latest is null ? null : await catalogue.GetAsync(latest.IndicatorSetId, ct);
        var problems = latest is null || set is null ? [] : latest.DeprivedCodes.Select(set.Find).OfType<Indicator>().OrderBy(i => i.Order).ToList();
        var plan = await db.CasePlans.AsNoTracking().FirstOrDefaultAsync(c => c.HouseholdId == householdId, ct);
        await data.AuditAsync(AuditAction.Read, "CasePlan", householdId.ToString(), where, "case plan");
        return new CasePlanView(householdId, head, address, set, problems, plan, MayEdit(scope));
    }

    /// <summary>Adds an action (and the plan, for the household's first); the page reads the due date with <see cref="DateText.TryParse"/>.</summary>
    public async Task<CasePlanProblem> AddActionAsync(Guid householdId, string problemCode, string? description, string? agencyKey, DateOnly dueOn,
        CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!MayEdit(scope)) return CasePlanProblem.Refused;
        var where = $"/report-card/households/{householdId}/plan";
        await using var db = await data.OpenAsync(where, "case plan action");
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            await data.AuditAsync(AuditAction.Denied, "Household", householdId.ToString(), where, "case plan action");
            return CasePlanProblem.Refused;
        }
        if (string.IsNullOrWhiteSpace(description)) return CasePlanProblem.DescriptionRequired;
        if (Agencies.Find(agencyKey) is null) return CasePlanProblem.AgencyRequired;
        if (dueOn < data.Today) return CasePlanProblem.DueDateInPast;
        var now = clock.GetUtcNow();
        var plan = await db.CasePlans.FirstOrDefaultAsync(c => c.HouseholdId == householdId, ct);
        if (plan is null)
        {
            plan = new CasePlan(householdId, scope.UserName, now);
            db.CasePlans.Add(plan);
        }
        var latest = await db.Assessments.AsNoTracking().Where(a => a.HouseholdId == householdId && a.IsLatest).Select(a => (int?)a.IndicatorSetId).FirstOrDefaultAsync(ct);
        Dimension? dimension = latest is { } setId ? (await catalogue.GetAsync(setId, ct)).Find(problemCode)?.Dimension : null;
        plan.AddAction(problemCode, dimension, description, agencyKey!, dueOn, scope.UserName, now);
        await db.SaveChangesAsync(ct);
        await data.AuditAsync(AuditAction.Update, "CasePlan", householdId.ToString(), where, "case plan action added");
        return CasePlanProblem.None;
    }

    public async Task<CasePlanProblem> UpdateActionAsync(Guid householdId, Guid actionId, ActionStatus status, string? outcome, CancellationToken ct = default)
    {
        var scope = await data.ScopeAsync();
        if (!MayEdit(scope)) return CasePlanProblem.Refused;
        if (status == ActionStatus.Done && string.IsNullOrWhiteSpace(outcome)) return CasePlanProblem.OutcomeRequired;
        var where = $"/report-card/households/{householdId}/plan";
        await using var db = await data.OpenAsync(where, "case plan action");
        var plan = await db.CasePlans.FirstOrDefaultAsync(c => c.HouseholdId == householdId, ct);
        var action = plan?.Actions.FirstOrDefault(a => a.Id == actionId);
        if (plan is null || action is null) return CasePlanProblem.ActionNotFound;
        action.Update(status, outcome, data.Today);
        plan.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await data.AuditAsync(AuditAction.Update, "CasePlan", householdId.ToString(), where, $"case plan action {status}");
        return CasePlanProblem.None;
    }
}
