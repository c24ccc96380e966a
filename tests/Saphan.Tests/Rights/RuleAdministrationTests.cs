using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Rights;
using Saphan.Rights.Eligibility;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>Maker–checker on rule versions through the service, with audit rows, the what-if, and re-evaluation on approval.</summary>
public sealed class RuleAdministrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_steward_proposes_another_approves_both_audited_and_everyone_is_re_evaluated(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var maker = world.Rules(RightsWorld.Steward("maker"));
        var checker = world.Rules(RightsWorld.Steward("checker"));
        var current = (await maker.ListAsync()).Book.InForce(RightsCatalogue.OldAgeAllowance, database.Today)!;
        var oldAgeBefore = await world.QueryAsync(db => db.RightsEvaluations.Where(e => e.SchemeCode == RightsCatalogue.OldAgeAllowance).SumAsync(e => e.MonthlyAmount));

        var draft = await maker.ProposeAsync(RightsCatalogue.OldAgeAllowance, database.Today,
            current.Terms with { AmountByAge = [new(60, 700), new(70, 850), new(80, 1000), new(90, 1250)] }, "ข้อเสนอ ธ.ค. 2567 (Bangkok Post)", null);

        // Nothing changes while it is a draft, and the maker cannot approve it.
        Assert.Equal(RuleVersionStatus.Draft, draft.Status);
        Assert.Equal(4, draft.Number);
        Assert.Equal("RuleProblemOwnDraft", (await Assert.ThrowsAsync<RuleVersionException>(() => maker.ApproveAsync(draft.Id, null))).TextKey);
        Assert.Equal(oldAgeBefore, await world.QueryAsync(db => db.RightsEvaluations.Where(e => e.SchemeCode == RightsCatalogue.OldAgeAllowance).SumAsync(e => e.MonthlyAmount)));

        await checker.ApproveAsync(draft.Id, "ตรวจแล้ว");

        var stored = await world.QueryAsync(db => db.RuleVersions.SingleAsync(v => v.Id == draft.Id));
        Assert.Equal(RuleVersionStatus.Approved, stored.Status);
        Assert.Equal("checker", stored.DecidedById);
        var verdicts = await world.QueryAsync(db => db.RightsEvaluations.Where(e => e.SchemeCode == RightsCatalogue.OldAgeAllowance).ToListAsync());
        Assert.All(verdicts.Where(v => v.Status is RightStatus.MissingOut or RightStatus.Enrolled), v => Assert.Equal(draft.Id, v.RuleVersionId));
        Assert.True(verdicts.Sum(v => v.MonthlyAmount) > oldAgeBefore);
        var audit = await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "RuleVersion" && a.RecordId == draft.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update], audit.Select(a => a.Action));
        Assert.Equal(["DataSteward-maker", "DataSteward-checker"], audit.Select(a => a.UserName));
        Assert.NotEqual(audit[0].UserId, audit[1].UserId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Officers_cannot_propose_or_approve(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var officer = world.Rules(RightsWorld.Officer("1001"));

        Assert.Equal("RuleProblemNotSteward", (await Assert.ThrowsAsync<RuleVersionException>(() =>
            officer.ProposeAsync(RightsCatalogue.OldAgeAllowance, database.Today, new RuleTerms(), "x", null))).TextKey);
        Assert.Equal("RuleProblemNotSteward", (await Assert.ThrowsAsync<RuleVersionException>(() => officer.ApproveAsync(1, null))).TextKey);
        Assert.Equal("RuleProblemNotSteward", (await Assert.ThrowsAsync<RuleVersionException>(() => world.Rules(RightsWorld.Executive()).WhatIfAsync(1))).TextKey);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task What_if_counts_per_district_who_gains_or_loses_and_the_monthly_cost_before_approval(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database, people: 1500);
        var maker = world.Rules(RightsWorld.Steward("maker"));
        var current = (await maker.ListAsync()).Book.InForce(RightsCatalogue.StateWelfareCard, database.Today)!;

        // Lower the own-income limit: some lose; and the child grant to under 7: some gain 600 baht.
        var stricter = await maker.ProposeAsync(RightsCatalogue.StateWelfareCard, database.Today, current.Terms with { MaximumOwnIncome = 50_000 }, "ทดสอบ", null);
        var lower = await world.Rules(RightsWorld.Steward("checker")).WhatIfAsync(stricter.Id);
        var childTerms = (await maker.ListAsync()).Book.InForce(RightsCatalogue.ChildSupportGrant, database.Today)!.Terms with { BelowAge = 7 };
        var wider = await maker.ProposeAsync(RightsCatalogue.ChildSupportGrant, database.Today.AddDays(30), childTerms, "ทดสอบ", null);
        var more = await maker.WhatIfAsync(wider.Id);

        Assert.Equal(0, lower.Districts.Sum(d => d.Gain));
        Assert.True(lower.Districts.Sum(d => d.Lose) > 0);
        Assert.Equal(0, lower.Districts.Sum(d => d.MonthlyCostDifference)); // the card has no cash amount
        Assert.True(more.Districts.Sum(d => d.Gain) > 0);
        Assert.Equal(0, more.Districts.Sum(d => d.Lose));
        Assert.Equal(database.Today.AddDays(30), more.On);
        Assert.All(more.Districts, d => Assert.Equal(600L * d.Gain, d.MonthlyCostDifference));

        // Expected from first principles: people aged exactly 6 on that day, with household income known and within the limit.
        var on = database.Today.AddDays(30);
        var sixes = world.Population.People.Where(p => p.AgeOn(on) == 6).Select(p => p.Id).ToHashSet();
        Assert.True(more.Districts.Sum(d => d.Gain) <= sixes.Count);
        // Nothing was approved or stored by looking.
        Assert.Equal(2, await world.QueryAsync(db => db.RuleVersions.CountAsync(v => v.Status == RuleVersionStatus.Draft)));
    }
}
