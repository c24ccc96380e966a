using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Rights;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Rights;

/// <summary>A department sees the people referred to it while the referral is open, though they are outside its group.</summary>
public sealed class ReferredPeopleScopeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Someone_with_a_disability_but_no_card_referred_to_DEP_reaches_the_department_until_the_referral_is_closed(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await RightsWorld.CreateAsync(database);
        var (subject, district) = await world.QueryAsync(db => (
            from e in db.RightsEvaluations
            join p in db.People on e.PersonId equals p.Id
            where e.SchemeCode == RightsCatalogue.DisabilityCard && e.Status == Saphan.Rights.Eligibility.RightStatus.MissingOut && !p.HasDisabilityCard
            orderby p.Id
            select new { p.Id, p.DistrictCode }).FirstAsync()) is var x ? (x.Id, x.DistrictCode) : default;
        var dep = TestViewers.User(Roles.DepartmentOfficer, department: Department.PersonsWithDisabilities, id: "dep-officer");
        Assert.Null(await world.Rights(dep).OpenAsync(subject, "/x")); // no card: outside the department's group

        var (outcome, referral) = await world.Referrals(RightsWorld.Officer(district)).ReferAsync(subject, RightsCatalogue.DisabilityCard, "พบความพิการ ยังไม่มีบัตร", database.Today.AddDays(15), "/x");
        Assert.Equal(ReferralOutcome.Sent, outcome);
        Assert.Equal("dep:PersonsWithDisabilities", referral!.ToAgency);

        var incoming = await world.Referrals(dep).IncomingAsync("/rights/referrals");
        Assert.Equal(referral.Id, Assert.Single(incoming, r => r.Referral.PersonId == subject).Referral.Id);
        Assert.NotNull(await world.Rights(dep).OpenAsync(subject, "/x"));
        Assert.True((await world.Referrals(dep).MoveAsync(referral.Id, ReferralStatus.Accepted, "รับเรื่อง", "/x")).Moved);
        Assert.True((await world.Referrals(dep).MoveAsync(referral.Id, ReferralStatus.Done, null, "/x")).Moved);
        Assert.Null(await world.Rights(dep).OpenAsync(subject, "/x")); // closed: back outside the group
    }

}
