using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Rights;
using Saphan.Rights.Eligibility;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>Work lists, referrals and figures come from the stored verdicts through the viewer's scope.</summary>
public sealed class WorkListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_list_holds_only_its_people_ranked_by_priority_and_is_audited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database, people: 1500);

        var list = await world.Lists(RightsWorld.Officer("1002")).ForViewerAsync(new WorkListQuery(), "/rights/missing-out");

        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.Equal("1002", e.DistrictCode));
        Assert.All(list.Entries, e => Assert.All(e.Schemes, s => Assert.Contains(s.Status, new[] { RightStatus.MissingOut, RightStatus.Eligible })));
        Assert.Equal(list.Entries.OrderByDescending(e => e.Priority).Select(e => e.Priority), list.Entries.Select(e => e.Priority));
        Assert.All(list.Entries, e => Assert.Equal(e.Schemes.Sum(s => s.MonthlyAmount), e.MonthlyForgone));
        var expected = await world.QueryAsync(db => (from e in db.RightsEvaluations
                                                     join p in db.People on e.PersonId equals p.Id
                                                     where p.DistrictCode == "1002" && (e.Status == RightStatus.MissingOut || e.Status == RightStatus.Eligible)
                                                     select e.PersonId).Distinct().CountAsync());
        Assert.Equal(expected, list.Total);
        var listed = await world.QueryAsync(db => db.AuditLog.Where(a => a.Action == AuditAction.List && a.Purpose == "missing-out work list").Select(a => a.RecordId).ToListAsync());
        Assert.Equal(list.Entries.Select(e => e.PersonId.ToString()).Order(), listed.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_department_sees_its_own_schemes_for_people_in_its_remit(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database, people: 1500);
        var older = TestViewers.User(Roles.DepartmentOfficer, department: Department.OlderPersons, id: "dep-older");

        var list = await world.Lists(older).ForViewerAsync(new WorkListQuery(), "/rights/missing-out");

        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.True(e.Age >= 60));
        Assert.All(list.Entries, e => Assert.All(e.Schemes, s => Assert.Equal(RightsCatalogue.OldAgeAllowance, s.SchemeCode)));
        // An explicit scheme overrides the department's default.
        var cards = await world.Lists(older).ForViewerAsync(new WorkListQuery(SchemeCode: RightsCatalogue.HealthCoverage), "/rights/missing-out");
        Assert.All(cards.Entries, e => Assert.All(e.Schemes, s => Assert.Equal(RightsCatalogue.HealthCoverage, s.SchemeCode)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unknown_list_says_which_people_lack_data(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database, people: 1500);

        var list = await world.Lists(TestViewers.User(Roles.DataSteward, id: "s1")).ForViewerAsync(new WorkListQuery(Unknown: true), "/rights/missing-out");

        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.All(e.Schemes, s => Assert.Equal(RightStatus.Unknown, s.Status)));
        Assert.True(list.Entries.Count <= MissingOutList.PageSize);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_referral_is_recorded_once_with_its_agency_and_due_date_and_the_receiving_office_moves_it(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        var desk = world.Referrals(RightsWorld.Officer("1001"));

        Assert.Equal(ReferralOutcome.DueInPast, (await desk.ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "x", database.Today.AddDays(-1), "/x")).Outcome);
        Assert.Equal(ReferralOutcome.NoReason, (await desk.ReferAsync(subject, RightsCatalogue.OldAgeAllowance, " ", database.Today, "/x")).Outcome);
        Assert.Equal(ReferralOutcome.UnknownScheme, (await desk.ReferAsync(subject, "nope", "x", database.Today, "/x")).Outcome);
        var (outcome, referral) = await desk.ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "ยังไม่ได้รับเบี้ยยังชีพ", database.Today.AddDays(15), "/x");
        Assert.Equal(ReferralOutcome.Sent, outcome);
        Assert.Equal(ReferralOutcome.AlreadyOpen, (await desk.ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "again", database.Today.AddDays(15), "/x")).Outcome);

        Assert.Equal("district:1001", referral!.ToAgency);
        var view = await world.Rights(RightsWorld.Officer("1001")).OpenAsync(subject, "/x");
        Assert.Equal(referral.Id, Assert.Single(view!.Referrals).Id);

        // A department cannot accept what was not sent to it; the district office (the receiver here) can.
        Assert.False((await world.Referrals(TestViewers.User(Roles.DepartmentOfficer, department: Department.OlderPersons)).MoveAsync(referral.Id, ReferralStatus.Accepted, null, "/x")).Moved);
        Assert.True((await desk.MoveAsync(referral.Id, ReferralStatus.Accepted, "รับเรื่องแล้ว", "/x")).Moved);
        Assert.True((await desk.MoveAsync(referral.Id, ReferralStatus.Done, null, "/x")).Moved);
        // A page left open on "sent": declining now is not saved, and the officer is told where the referral is.
        var late = await desk.MoveAsync(referral.Id, ReferralStatus.Declined, null, "/x");
        Assert.True(late.MovedByOthers);
        Assert.Equal(ReferralStatus.Done, late.Status);
        var stored = await world.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral.Id));
        Assert.Equal(ReferralStatus.Done, stored.Status);
        var audit = await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "Referral").ToListAsync());
        Assert.Equal(3, audit.Count); // sent, accepted, done
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_officers_answering_one_referral_at_once_leave_one_answer(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        var (_, referral) = await world.Referrals(RightsWorld.Officer("1001")).ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "ยังไม่ได้รับเบี้ย", database.Today.AddDays(7), "/x");

        var answers = await Task.WhenAll(new[] { ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Accepted, ReferralStatus.Declined }
            .Select((status, i) => Task.Run(() => world.Referrals(TestViewers.User(Roles.DistrictOfficer, district: "1001", id: $"o{i}"))
                .MoveAsync(referral!.Id, status, null, "/x"))));

        var moved = Assert.Single(answers, a => a.Moved);
        Assert.All(answers.Where(a => !a.Moved), a => Assert.Equal(moved.Status, a.Status));
        Assert.Equal(moved.Status, (await world.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral!.Id))).Status);
        var (accepted, declined) = ($"referral {referral!.Id} Accepted", $"referral {referral.Id} Declined");
        Assert.Equal(1, await world.QueryAsync(db => db.AuditLog.CountAsync(a => a.Purpose == accepted || a.Purpose == declined)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Officers_sending_the_same_referral_at_the_same_moment_make_one_open_referral(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);

        // Two tabs, or two officers of the district: each passes the "already open?" check before either has saved.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            world.Referrals(TestViewers.User(Roles.DistrictOfficer, district: "1001", id: $"officer-{i}")).ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "ยังไม่ได้รับเบี้ย",
                database.Today.AddDays(15), "/x"))));

        Assert.Equal(1, outcomes.Count(o => o.Outcome == ReferralOutcome.Sent));
        Assert.All(outcomes.Where(o => o.Outcome != ReferralOutcome.Sent), o => Assert.Equal(ReferralOutcome.AlreadyOpen, o.Outcome));
        Assert.Equal(1, await world.QueryAsync(db => db.Referrals.CountAsync(r => r.PersonId == subject)));

        // The database itself refuses a second open one; once the first is closed, a new one may be sent.
        await using (var db = database.OpenAsSystem())
        {
            db.Referrals.Add(Referral.Create(subject, RightsCatalogue.OldAgeAllowance, "district:1001", "district:1001", "ซ้ำ", database.Today.AddDays(15),
                database.Today, "u", "n", database.Clock.GetUtcNow()));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        var sent = outcomes.Single(o => o.Outcome == ReferralOutcome.Sent).Referral!;
        Assert.True((await world.Referrals(RightsWorld.Officer("1001")).MoveAsync(sent.Id, ReferralStatus.Withdrawn, "ส่งผิด", "/x")).Moved);
        Assert.Equal(ReferralOutcome.Sent, (await world.Referrals(RightsWorld.Officer("1001")).ReferAsync(subject, RightsCatalogue.OldAgeAllowance,
            "ส่งใหม่", database.Today.AddDays(15), "/x")).Outcome);
    }

    [Fact]
    public void A_closed_referral_cannot_be_reopened_and_a_due_date_cannot_be_past()
    {
        var today = new DateOnly(2026, 11, 24);
        var referral = Referral.Create(Guid.NewGuid(), null, "district:1001", "nhso", "reason", today, today, "u", "n", DateTimeOffset.UnixEpoch);
        referral.MoveTo(ReferralStatus.Declined, "no", DateTimeOffset.UnixEpoch);

        Assert.False(referral.IsOpen);
        Assert.Throws<InvalidOperationException>(() => referral.MoveTo(ReferralStatus.Accepted, null, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => Referral.Create(Guid.NewGuid(), null, "a", "b", "r", today.AddDays(-1), today, "u", "n", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Figures_suppress_small_counts_for_executives_but_not_for_officers(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);

        var (executive, _, suppressed) = await world.Figures(RightsWorld.Executive()).ForViewerAsync();
        var (steward, _, _) = await world.Figures(RightsWorld.Steward("s1")).ForViewerAsync();

        Assert.True(suppressed);
        Assert.Equal(50, executive.Count);
        var all = executive.SelectMany(d => d.Schemes.SelectMany(s => new long?[] { s.Eligible, s.Enrolled, s.MissingOut, s.Unknown }).Append(d.PeopleMissingOut));
        Assert.DoesNotContain(all, v => v is > 0 and < 5);
        Assert.Contains(all, v => v is null);
        // A suppressed count hides its amount too.
        Assert.All(executive.SelectMany(d => d.Schemes), s => Assert.True(s.MissingOut is not null || s.MonthlyForgone is null));
        // The steward sees the same figures unsuppressed: the totals of what is shown to executives never exceed them.
        var exact = steward.SelectMany(d => d.Schemes).Where(s => s.SchemeCode == RightsCatalogue.OldAgeAllowance).Sum(s => s.MissingOut ?? 0);
        var storedMissing = await world.QueryAsync(db => db.RightsEvaluations.CountAsync(e => e.SchemeCode == RightsCatalogue.OldAgeAllowance && e.Status == RightStatus.MissingOut));
        Assert.Equal(storedMissing, exact);
        Assert.True(executive.SelectMany(d => d.Schemes).Where(s => s.SchemeCode == RightsCatalogue.OldAgeAllowance).Sum(s => s.MissingOut ?? 0) <= exact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_suppressed_count_can_be_worked_out_from_a_row_of_the_figures(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database, people: 3000);

        var (executive, _, _) = await world.Figures(RightsWorld.Executive()).ForViewerAsync();
        var (steward, _, _) = await world.Figures(RightsWorld.Steward("s1")).ForViewerAsync();
        var exact = steward.SelectMany(d => d.Schemes.Select(s => (d.DistrictCode, s))).ToDictionary(x => (x.DistrictCode, x.s.SchemeCode), x => x.s);
        var atRisk = 0;
        foreach (var d in executive)
        foreach (var shown in d.Schemes)
        {
            var truth = exact[(d.DistrictCode, shown.SchemeCode)];
            // Eligible = enrolled + missing out + those who need an ID card first, who have no column of their own.
            var remainder = truth.Eligible!.Value - truth.Enrolled!.Value - truth.MissingOut!.Value;
            var unknownSmall = new[] { truth.Enrolled.Value, truth.MissingOut.Value, remainder }.Count(v => v is > 0 and < 5);
            if (unknownSmall == 1 && truth.Eligible >= 5) atRisk++;
            if (shown.Eligible is null) continue;
            if (shown.Enrolled is { } enrolled && shown.MissingOut is { } missingOut)
            {
                Assert.False(shown.Eligible - enrolled - missingOut is > 0 and < 5, $"{d.DistrictCode} {shown.SchemeCode}: eligible − enrolled − missing out is a small count");
            }
            else if ((shown.Enrolled is null) != (shown.MissingOut is null))
            {
                // One part hidden: it and the remainder add up to what is left; were that 1, the hidden part would be 1.
                var hidden = shown.Enrolled is null ? truth.Enrolled.Value : truth.MissingOut.Value;
                Assert.True(hidden >= 5 || hidden + remainder >= 2, $"{d.DistrictCode} {shown.SchemeCode}: the one hidden part can be worked out");
            }
            Assert.Equal(shown.Enrolled is null && truth.Enrolled >= 5, shown.Protecting.HasFlag(RightsCells.Enrolled));
            Assert.Equal(shown.MissingOut is null && truth.MissingOut >= 5, shown.Protecting.HasFlag(RightsCells.MissingOut));
        }
        Assert.True(atRisk > 0, "the demo figures should have rows where one small count is the total minus the rest");
    }
}
