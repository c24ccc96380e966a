using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>What a draft would change in one district: people who gain or lose eligibility and the monthly cost.</summary>
public sealed record WhatIfDistrict(string DistrictCode, int Gain, int Lose, long MonthlyCostBefore, long MonthlyCostAfter, long EnrolledCostBefore, long EnrolledCostAfter)
{
    public long MonthlyCostDifference => MonthlyCostAfter - MonthlyCostBefore;
    public long EnrolledCostDifference => EnrolledCostAfter - EnrolledCostBefore;
}

public sealed record WhatIfResult(RuleVersion Draft, RuleVersion? Current, DateOnly On, int People, IReadOnlyList<WhatIfDistrict> Districts);

/// <summary>
/// Rule versions under maker–checker: a data steward proposes a draft, a different steward approves or rejects it; both
/// are audited. Before approval, the what-if evaluates everyone twice — with the version in force and with the draft in
/// its place — on the later of today and the draft's effective day.
/// </summary>
public sealed class RuleAdministration(DataAccess data, RightsRefresh refresh, TimeProvider clock)
{
    private async Task<Access.AccessScope> StewardAsync()
    {
        var viewer = await data.ScopeAsync();
        if (!viewer.SeesEveryone || viewer.UserId is null || viewer.AggregatesOnly) throw new RuleVersionException("RuleProblemNotSteward");
        return viewer;
    }

    public async Task<(RuleBook Book, IReadOnlyList<RuleVersion> Versions)> ListAsync(CancellationToken ct = default)
    {
        await using var db = await data.OpenAsync("/rights/rules", "rules");
        var book = await RuleBook.LoadAsync(db, ct);
        return (book, book.Versions.OrderBy(v => v.SchemeCode, StringComparer.Ordinal).ThenByDescending(v => v.Number).ToList());
    }

    public async Task<RuleVersion> ProposeAsync(string schemeCode, DateOnly effectiveFrom, RuleTerms terms, string legalSource, string? note, CancellationToken ct = default)
    {
        var viewer = await StewardAsync();
        await using var db = await data.OpenAsync("/rights/rules", "propose a rule version");
        if (!await db.RightsSchemes.AnyAsync(s => s.Code == schemeCode, ct)) throw new RuleVersionException("RuleProblemScheme");
        var number = (await db.RuleVersions.Where(v => v.SchemeCode == schemeCode).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var version = RuleVersion.Propose(schemeCode, number, effectiveFrom, terms, legalSource, note, viewer.UserId!, viewer.UserName, now);
        db.RuleVersions.Add(version);
        await db.SaveChangesAsync(ct);
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Create, "RuleVersion", version.Id.ToString(), "/rights/rules",
            $"proposed {schemeCode} v{number} from {effectiveFrom:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return version;
    }

    public Task ApproveAsync(int versionId, string? note, CancellationToken ct = default) => DecideAsync(versionId, true, note, ct);

    public Task RejectAsync(int versionId, string? note, CancellationToken ct = default) => DecideAsync(versionId, false, note, ct);

    private async Task DecideAsync(int versionId, bool approve, string? note, CancellationToken ct)
    {
        var viewer = await StewardAsync();
        await using var db = await data.OpenAsync($"/rights/rules/{versionId}", approve ? "approve a rule version" : "reject a rule version");
        var version = await db.RuleVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new RuleVersionException("RuleProblemNotFound");
        var now = clock.GetUtcNow();
        if (approve) version.Approve(viewer.UserId!, viewer.UserName, note, now);
        else version.Reject(viewer.UserId!, viewer.UserName, note, now);
        db.AuditLog.Add(new AuditEntry(now, viewer.UserId, viewer.UserName, AuditAction.Update, "RuleVersion", version.Id.ToString(), $"/rights/rules/{versionId}",
            $"{(approve ? "approved" : "rejected")} {version.SchemeCode} v{version.Number} (proposed by {version.ProposedByName})"));
        await db.SaveChangesAsync(ct);
        if (approve) await refresh.RefreshAllAsync(ct);
    }

    public async Task<WhatIfResult> WhatIfAsync(int draftId, CancellationToken ct = default)
    {
        await StewardAsync();
        await using var db = await data.OpenAsync($"/rights/rules/{draftId}", "what-if");
        var book = await RuleBook.LoadAsync(db, ct);
        var draft = book.Versions.FirstOrDefault(v => v.Id == draftId) ?? throw new RuleVersionException("RuleProblemNotFound");
        var today = data.Today;
        var on = draft.EffectiveFrom > today ? draft.EffectiveFrom : today;
        var index = book.IndexOf(draft.SchemeCode);
        var scheme = book.Schemes[index];
        var current = book.InForce(draft.SchemeCode, on);
        var population = await Population.LoadAsync(db, book, on, null, ct);
        var before = current is null ? null : book.Compile(scheme, index, current);
        var after = new CompiledRule(scheme.Code, index, scheme.Evidence, draft.Id, draft.Terms, book.IndexOf);
        var day = PersonCase.Pack(on);

        var byDistrict = new Dictionary<string, long[]>(StringComparer.Ordinal);
        for (var i = 0; i < population.Count; i++)
        {
            var a = Evaluator.Evaluate(population.Cases[i], before, day);
            var b = Evaluator.Evaluate(population.Cases[i], after, day);
            if (!byDistrict.TryGetValue(population.Districts[i], out var cell)) byDistrict[population.Districts[i]] = cell = new long[6];
            if (!a.CountsAsEligible && b.CountsAsEligible) cell[0]++;
            if (a.CountsAsEligible && !b.CountsAsEligible) cell[1]++;
            if (a.CountsAsEligible) cell[2] += a.MonthlyAmount;
            if (b.CountsAsEligible) cell[3] += b.MonthlyAmount;
            if (a.Status == RightStatus.Enrolled) cell[4] += a.MonthlyAmount;
            if (b.Status == RightStatus.Enrolled) cell[5] += b.MonthlyAmount;
        }
        var districts = byDistrict.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new WhatIfDistrict(d.Key, (int)d.Value[0], (int)d.Value[1], d.Value[2], d.Value[3], d.Value[4], d.Value[5])).ToList();
        return new WhatIfResult(draft, current, on, population.Count, districts);
    }
}
