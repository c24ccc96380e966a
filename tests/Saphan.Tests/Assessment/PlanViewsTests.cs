using Saphan.Access;
using Saphan.Assessment;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.Registry;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>Area plans, adoptions and work-list filters over the demo data, for viewers with different scopes.</summary>
public sealed class PlanViewsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Plans_and_adoptions_list_households_only_in_scope_and_give_executives_counts(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 3000, seed: 2567);
        await using (var seed = database.OpenAsSystem())
            await AssessmentDemoData.SeedAsync(seed.AsBulkLoad(), database.Clock.GetUtcNow());
        var dusit = new AssessmentWorld(database, TestViewers.User(Roles.DistrictOfficer, district: "1002", id: "o-1002"));
        var executive = dusit.As(TestViewers.User(Roles.Executive, id: "exec"));
        var steward = dusit.As(TestViewers.User(Roles.DataSteward, id: "steward"));

        var plans = await steward.PlanViews.AreaPlansAsync();
        Assert.Equal(3, plans.Count);
        var dusitPlan = plans.Single(p => p.Plan.DistrictCode == "1002");
        var khanNaYao = plans.Single(p => p.Plan.DistrictCode == "1043");

        var mine = await dusit.PlanViews.AreaPlanAsync(dusitPlan.Plan.Id);
        Assert.NotNull(mine);
        Assert.Contains(mine.Projects, p => p.Households is { Count: > 0 });
        Assert.All(mine.Projects, p => Assert.Equal(p.HouseholdsServed, p.Households!.Count));
        // Another district's plan: the plan and its projects are public, its households are not the Dusit officer's.
        var theirs = await dusit.PlanViews.AreaPlanAsync(khanNaYao.Plan.Id);
        Assert.All(theirs!.Projects, p => Assert.Empty(p.Households!));
        Assert.True((await steward.PlanViews.AreaPlanAsync(khanNaYao.Plan.Id))!.Projects.Sum(p => p.HouseholdsServed) > 0);

        var forExecutive = await executive.PlanViews.AreaPlanAsync(dusitPlan.Plan.Id);
        Assert.All(forExecutive!.Projects, p => Assert.Null(p.Households));
        Assert.All(forExecutive.Projects, p => Assert.True(p.HouseholdsServed is null or 0 or >= 5));

        var adoptions = await executive.PlanViews.AdoptionsAsync();
        Assert.Equal(8, adoptions.Count);
        var women = adoptions.Single(a => a.Agency.Key == "msdhs.women");
        Assert.Equal(Department.WomenAndFamily, women.Agency.Department);
        Assert.False(women.InCommunityList);
        var view = await executive.PlanViews.AdoptionAsync(women.Adoption.Id);
        Assert.Null(view!.Households);
        var officerView = await dusit.PlanViews.AdoptionAsync(women.Adoption.Id);
        Assert.NotNull(officerView!.Households);
        Assert.Equal(officerView.Households.Count, officerView.Progress.Households);
        Assert.Contains(officerView.PlansInDistrict, p => p.Plan.DistrictCode == "1002");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Work_lists_rank_by_need_and_filter_by_dimension_and_group(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 3000, seed: 2567);
        await using (var seed = database.OpenAsSystem())
            await AssessmentDemoData.SeedAsync(seed.AsBulkLoad(), database.Clock.GetUtcNow());
        var steward = new AssessmentWorld(database, TestViewers.User(Roles.DataSteward, id: "steward"));

        var all = await steward.WorkList.ForViewerAsync(new WorkListFilter(Take: 1000));
        Assert.NotEmpty(all);
        Assert.Equal(all.Count, all.Select(w => w.HouseholdId).Distinct().Count());
        Assert.Equal(all.OrderByDescending(w => w.ScoreBasisPoints).Select(w => w.ScoreBasisPoints), all.Select(w => w.ScoreBasisPoints));

        var housing = await steward.WorkList.ForViewerAsync(new WorkListFilter(Dimension.Living, Take: 1000));
        Assert.NotEmpty(housing);
        Assert.All(housing, w => Assert.Contains(Dimension.Living, w.Dimensions));
        Assert.Equal(all.Count(w => w.Dimensions.Contains(Dimension.Living)), housing.Count);

        var older = await steward.WorkList.ForViewerAsync(new WorkListFilter(Group: VulnerableGroups.OlderPerson, PoorOnly: true, Take: 1000));
        Assert.NotEmpty(older);
        Assert.All(older, w => Assert.True(w.IsPoor && w.Groups.HasFlag(VulnerableGroups.OlderPerson)));

        var phraKhanong = await steward.WorkList.ForViewerAsync(new WorkListFilter(DistrictCode: "1009", Take: 1000));
        Assert.All(phraKhanong, w => Assert.Equal("1009", w.DistrictCode));
        Assert.Contains(all, w => w.OpenActions > 0);
    }
}
