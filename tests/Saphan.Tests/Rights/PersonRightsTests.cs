using Microsoft.EntityFrameworkCore;
using Saphan.Audit;
using Saphan.Rights;
using Saphan.Rights.Eligibility;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>A person's rights as an officer opens them: live verdicts, reasons, audit, scope, facts and enrolments.</summary>
public sealed class PersonRightsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_opens_a_persons_rights_with_reasons_and_the_read_is_audited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        var officer = RightsWorld.Officer("1001");

        var view = await world.Rights(officer).OpenAsync(subject, $"/people/{subject}");

        Assert.NotNull(view);
        Assert.Equal(7, view.Schemes.Count);
        var oldAge = view.Schemes.Single(s => s.Scheme.Code == RightsCatalogue.OldAgeAllowance);
        Assert.Equal(RightStatus.MissingOut, oldAge.Verdict.Status);
        Assert.Equal(3, oldAge.Version!.Number);
        Assert.Equal("RightWhyMissingOutAmount", oldAge.Headline.Key);
        Assert.Contains(oldAge.Reasons, r => r.Key == "RightAgeAtLeastMet" && r.Outcome == ReasonOutcome.Met);
        Assert.Contains(oldAge.Reasons, r => r.Key == "RightPensionNone");
        Assert.Equal("district:1001", oldAge.ReferTo);
        var audit = await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "PersonRights" && a.RecordId == subject.ToString()).ToListAsync());
        Assert.Equal(AuditAction.Read, Assert.Single(audit).Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_districts_officer_gets_nothing_and_the_refusal_is_audited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);

        Assert.Null(await world.Rights(RightsWorld.Officer("1002")).OpenAsync(subject, "/people/x"));
        var audit = await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "PersonRights" && a.RecordId == subject.ToString()).ToListAsync());
        Assert.Equal(AuditAction.Denied, Assert.Single(audit).Action);
        // Nor can they refer, record a fact or an enrolment for that person.
        var (outcome, _) = await world.Referrals(RightsWorld.Officer("1002")).ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "x", database.Today, "/x");
        Assert.Equal(ReferralOutcome.NotVisible, outcome);
        Assert.False(await world.Rights(RightsWorld.Officer("1002")).RecordFactAsync(subject, FactKind.OwnIncome, null, 5, "x", database.Today, "/x"));
        Assert.Equal(EnrolmentOutcome.NotVisible, await world.Rights(RightsWorld.Officer("1002")).RecordEnrolmentAsync(subject, RightsCatalogue.OldAgeAllowance, database.Today, "/x"));
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recording_an_enrolment_turns_missing_out_into_enrolled_in_the_stored_verdicts(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        var rights = world.Rights(RightsWorld.Officer("1001"));

        Assert.Equal(EnrolmentOutcome.Recorded, await rights.RecordEnrolmentAsync(subject, RightsCatalogue.OldAgeAllowance, database.Today.AddDays(-3), "/x"));
        Assert.Equal(EnrolmentOutcome.AlreadyEnrolled, await rights.RecordEnrolmentAsync(subject, RightsCatalogue.OldAgeAllowance, database.Today, "/x"));
        Assert.Equal(EnrolmentOutcome.UnknownScheme, await rights.RecordEnrolmentAsync(subject, "no-such-scheme", database.Today, "/x"));

        var stored = await world.QueryAsync(db => db.RightsEvaluations.SingleAsync(e => e.PersonId == subject && e.SchemeCode == RightsCatalogue.OldAgeAllowance));
        Assert.Equal(RightStatus.Enrolled, stored.Status);
        Assert.Equal(RightStatus.Enrolled, (await rights.OpenAsync(subject, "/x"))!.Schemes.Single(s => s.Scheme.Code == RightsCatalogue.OldAgeAllowance).Verdict.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recorded_pension_makes_the_person_not_eligible_and_the_newest_fact_counts(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        var rights = world.Rights(RightsWorld.Officer("1001"));

        Assert.True(await rights.RecordFactAsync(subject, FactKind.StatePension, true, null, "กรมบัญชีกลาง", database.Today, "/x"));

        var view = (await rights.OpenAsync(subject, "/x"))!;
        var oldAge = view.Schemes.Single(s => s.Scheme.Code == RightsCatalogue.OldAgeAllowance);
        Assert.Equal(RightStatus.NotEligible, oldAge.Verdict.Status);
        Assert.Contains(oldAge.Reasons, r => r.Key == "RightPensionReceives" && (string)r.Values[0] == "กรมบัญชีกลาง");
        Assert.Equal(0, await world.QueryAsync(db => db.RightsEvaluations.CountAsync(e => e.PersonId == subject && e.SchemeCode == RightsCatalogue.OldAgeAllowance)));
        Assert.Contains(await world.QueryAsync(db => db.AuditLog.Where(a => a.RecordType == "PersonFact").ToListAsync()), a => a.RecordId == subject.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Facts_enrolments_verdicts_and_referrals_are_visible_exactly_when_the_person_is(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var subject = await world.MissingOutAsync("1001", RightsCatalogue.OldAgeAllowance);
        await world.Referrals(RightsWorld.Officer("1001")).ReferAsync(subject, RightsCatalogue.OldAgeAllowance, "ยังไม่ได้รับเบี้ย", database.Today.AddDays(7), "/x");

        foreach (var district in new[] { "1001", "1002" })
        {
            await using var db = database.Open(Saphan.Access.AccessScope.For(RightsWorld.Officer(district), database.Today));
            var visible = await db.People.Select(p => p.Id).ToListAsync();
            var facts = await db.PersonFacts.Select(f => f.PersonId).Distinct().ToListAsync();
            var enrolments = await db.Enrolments.Select(f => f.PersonId).Distinct().ToListAsync();
            var verdicts = await db.RightsEvaluations.Select(f => f.PersonId).Distinct().ToListAsync();
            var referrals = await db.Referrals.Select(f => f.PersonId).Distinct().ToListAsync();

            Assert.NotEmpty(facts);
            Assert.NotEmpty(verdicts);
            Assert.All(facts.Concat(enrolments).Concat(verdicts).Concat(referrals), id => Assert.Contains(id, visible));
            Assert.Equal(district == "1001", referrals.Contains(subject));
            Assert.Equal(district == "1001", verdicts.Contains(subject));
        }
        // Everyone's data is there for the system, so the filters, not missing rows, made the difference.
        Assert.True(await world.QueryAsync(db => db.PersonFacts.Select(f => f.PersonId).Distinct().CountAsync()) > 100);
    }
}
