using Microsoft.EntityFrameworkCore;
using Saphan.Assessment;
using Saphan.Assessment.Plans;
using Saphan.Geography;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>The demo family report cards, pilot area plans and the eight pairings of seed 002.</summary>
public sealed class AssessmentDemoDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_data_has_timelines_pilot_plans_and_the_eight_pairings(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 3000, seed: 2567);
        await using (var seed = database.OpenAsSystem())
            await AssessmentDemoData.SeedAsync(seed.AsBulkLoad(), database.Clock.GetUtcNow());

        await using var db = database.OpenAsSystem();
        var assessments = await db.Assessments.AsNoTracking().ToListAsync();
        Assert.InRange(assessments.Count, 200, 1500);
        var byHousehold = assessments.GroupBy(a => a.HouseholdId).ToList();
        Assert.Contains(byHousehold, g => g.Count() == 2);
        Assert.All(byHousehold, g => Assert.Single(g, a => a.IsLatest));
        Assert.All(byHousehold.Where(g => g.Count() == 2), g => Assert.True(g.Single(a => a.IsLatest).AssessedOn >= g.Single(a => !a.IsLatest).AssessedOn));
        Assert.Contains(assessments, a => a.IsPoor);
        Assert.Contains(assessments, a => !a.IsPoor);
        // Some reassessments solved something.
        Assert.Contains(byHousehold.Where(g => g.Count() == 2),
            g => g.OrderBy(a => a.AssessedOn).First().DeprivedCodes.Except(g.OrderBy(a => a.AssessedOn).Last().DeprivedCodes).Any());

        var plans = await db.AreaPlans.Include(p => p.Projects).ToListAsync();
        Assert.Equal(["1002", "1009", "1043"], plans.Select(p => p.DistrictCode).Order());
        Assert.All(plans, p => Assert.Contains(p.Projects, x => x.Kind == ProjectKind.BaanMankong));
        Assert.All(plans, p => Assert.Contains(p.Projects, x => x.Kind == ProjectKind.BaanPhoPhiang));
        Assert.All(plans, p => Assert.Contains(p.Projects, x => x.Kind == ProjectKind.CommunityWelfareFund));
        Assert.True(await db.ProjectHouseholds.AnyAsync());
        Assert.True(await db.CasePlans.AnyAsync());

        var adoptions = await db.Adoptions.ToListAsync();
        Assert.Equal(8, adoptions.Count);
        Assert.Equal(Pairings.Seed002.Select(p => (p.AgencyKey, p.DistrictCode)), adoptions.OrderBy(a => a.Id).Select(a => (a.AgencyKey, a.DistrictCode)));
        Assert.All(adoptions.Where(a => a.CommunityId is null), a => Assert.Equal(Pairings.NotInListNoteTh, a.Note));
        Assert.All(adoptions, a => Assert.Equal(Pairings.AnnouncedOn, a.AdoptedOn));
        var enrolled = await db.AdoptionHouseholds.ToListAsync();
        foreach (var a in adoptions)
            Assert.All(enrolled.Where(e => e.AdoptionId == a.Id), e => Assert.Equal(a.DistrictCode, db.Households.Single(h => h.Id == e.HouseholdId).DistrictCode));
    }

    [Fact]
    public void A_pairing_matches_a_listed_community_only_by_district_and_name()
    {
        var pairing = new Pairing("msdhs.women", "ชุมชนวัดจอมสุดาราม", "1002");
        var same = new Community(900, "ชุมชนวัดจอมสุดาราม", CommunityType.Crowded, "1002", 13.78, 100.51);
        var otherDistrict = new Community(901, "ชุมชนวัดจอมสุดาราม", CommunityType.Crowded, "1003", 13.7, 100.5);
        var otherName = new Community(902, "ชุมชนพระยาประสิทธิ์", CommunityType.Urban, "1002", 13.78, 100.51);
        Assert.Same(same, Pairings.Match(pairing, [otherDistrict, same, otherName]));
        Assert.Null(Pairings.Match(pairing, [otherDistrict, otherName]));
        // Written with spaces and brackets differently, it is the same community.
        Assert.NotNull(Pairings.Match(new Pairing("msdhs.disabilities", "ชุมชนลำชะล่า (โคกบ่าวสาว)", "1005"),
            [new Community(903, "ชุมชน ลำชะล่า โคกบ่าวสาว", CommunityType.Crowded, "1005", 13.8, 100.6)]));
    }

    [Fact]
    public void None_of_the_eight_communities_is_in_the_644_point_file_so_none_gets_coordinates()
    {
        var communities = ReferenceGeography.Communities();
        Assert.Equal(644, communities.Count);
        Assert.All(Pairings.Seed002, p => Assert.Null(Pairings.Match(p, communities)));
        Assert.Equal(8, Pairings.Seed002.Select(p => p.AgencyKey).Distinct().Count());
    }
}
