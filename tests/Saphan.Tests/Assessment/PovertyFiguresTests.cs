using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Assessment;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Assessment;

/// <summary>
/// Area figures over random data: each area's figure is the sum over its households' latest submitted assessments, districts
/// are the sums of their subdistricts and of their communities, and no household is counted twice.
/// </summary>
public sealed class PovertyFiguresTests
{
    public static readonly TheoryData<StorageProvider, int> Runs = new()
    {
        { StorageProvider.Sqlite, 11 }, { StorageProvider.Sqlite, 12 }, { StorageProvider.PostgreSql, 11 }, { StorageProvider.PostgreSql, 13 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Area_figures_are_sums_over_households_with_none_counted_twice(StorageProvider provider, int seed)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 900, seed: seed);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var truth = await RandomAssessmentsAsync(database, set, seed);
        var steward = new AssessmentWorld(database, TestViewers.User(Roles.DataSteward, id: "steward"));

        var districts = await steward.Figures.DistrictsAsync();
        Assert.Equal(50, districts.Count);
        foreach (var d in districts)
        {
            var expected = Totals(truth.Where(t => t.DistrictCode == d.Key));
            AssertFigure(expected, d);
            if (expected.Assessed == 0) continue;
            var subdistricts = await steward.Figures.SubdistrictsAsync(d.Key);
            AssertFigure(expected, Sum(subdistricts));
            foreach (var s in subdistricts) AssertFigure(Totals(truth.Where(t => t.SubdistrictCode == s.Key)), s);
            var communities = await steward.Figures.CommunitiesAsync(d.Key);
            AssertFigure(expected, Sum(communities));
            Assert.Equal(communities.Count, communities.Select(c => c.Key).Distinct().Count());
        }
        AssertFigure(Totals(truth), await steward.Figures.BangkokAsync());
        // Each household once: the city total is the number of households with a submitted assessment.
        Assert.Equal(truth.Select(t => t.HouseholdId).Distinct().Count(), districts.Sum(d => d.Assessed));
        Assert.Equal(truth.Count, districts.Sum(d => d.Assessed));

        // The list of an area's households holds each household once, and only that area's.
        var busiest = districts.OrderByDescending(d => d.Assessed).First();
        var listed = await steward.Figures.HouseholdsAsync(busiest.Key, null, null, poorOnly: false);
        Assert.Equal(busiest.Assessed, listed!.Count);
        Assert.Equal(listed.Count, listed.Select(h => h.HouseholdId).Distinct().Count());
        Assert.Equal(busiest.Poor, (await steward.Figures.HouseholdsAsync(busiest.Key, null, null, poorOnly: true))!.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Executives_get_aggregates_with_small_counts_suppressed_and_no_households(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 900, seed: 5);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var truth = await RandomAssessmentsAsync(database, set, 5);
        var executive = new AssessmentWorld(database, TestViewers.User(Roles.Executive, id: "exec"));

        var districts = await executive.Figures.DistrictsAsync();
        Assert.Equal(50, districts.Count);
        var suppressed = 0;
        foreach (var d in districts)
        {
            var expected = Totals(truth.Where(t => t.DistrictCode == d.Key));
            foreach (var (shown, exact) in new[] { (d.Assessed, expected.Assessed), (d.Poor, expected.Poor), (d.Income, expected.Income), (d.Living, expected.Living) })
            {
                if (exact is > 0 and < 5) { Assert.Null(shown); suppressed++; }
                else if (d.Protecting == AreaMeasures.None) Assert.Equal(exact, shown);
                else Assert.True(shown == exact || shown is null);
            }
            if (d.Poor is null) Assert.Null(d.Intensity);
        }
        Assert.True(suppressed > 0, "the random data should have some small counts");
        Assert.Null(await executive.Figures.HouseholdsAsync("1002", null, null, false));
        Assert.Empty(await executive.WorkList.ForViewerAsync(new WorkListFilter()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_suppressed_count_can_be_worked_out_from_a_total_on_any_page(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 900, seed: 5);
        var set = await AssessmentWorld.EnsureIndicatorsAsync(database);
        var truth = await RandomAssessmentsAsync(database, set, 5);
        var executive = new AssessmentWorld(database, TestViewers.User(Roles.Executive, id: "exec"));

        // Every sum the pages publish: Bangkok of its districts, a district of its subdistricts and of its communities,
        // a subdistrict of its communities.
        var sums = new List<(AreaFigure Total, IReadOnlyList<AreaFigure> Parts, IEnumerable<Truth> Households)>
        {
            (await executive.Figures.BangkokAsync(), await executive.Figures.DistrictsAsync(), truth),
        };
        foreach (var district in truth.Select(t => t.DistrictCode).Distinct())
        {
            var breakdown = await executive.Figures.DistrictAsync(district);
            sums.Add((breakdown.Total, breakdown.Subdistricts, truth.Where(t => t.DistrictCode == district)));
            sums.Add((breakdown.Total, breakdown.Communities, truth.Where(t => t.DistrictCode == district)));
            foreach (var sub in breakdown.Subdistricts)
                sums.Add((sub, (await executive.Figures.DistrictAsync(district, sub.Key)).Communities, truth.Where(t => t.SubdistrictCode == sub.Key)));
        }
        foreach (var (total, parts, households) in sums)
        foreach (var measure in new Func<AreaFigure, int?>[] { f => f.Assessed, f => f.Poor, f => f.Income, f => f.Living })
        {
            if (measure(total) is not { } shownTotal) continue;
            var hidden = parts.Where(p => measure(p) is null).ToList();
            var left = shownTotal - parts.Sum(p => measure(p) ?? 0);
            // One hidden part is the total minus the shown ones; two hidden adding up to 2 are both 1.
            Assert.NotEqual(1, hidden.Count);
            Assert.True(hidden.Count == 0 || left > hidden.Count, $"{total.Key}: {hidden.Count} hidden parts add up to {left}");
        }
        Assert.Contains(sums, s => s.Parts.Any(p => p.Protecting != AreaMeasures.None));
    }

    private sealed record Truth(Guid HouseholdId, string DistrictCode, string SubdistrictCode, int? CommunityId, int Score, bool Poor, bool Income, bool Living);

    /// <summary>Random drafts, first assessments and reassessments (some entered late, out of date order); returns each household's latest.</summary>
    private static async Task<List<Truth>> RandomAssessmentsAsync(TestDatabase database, IndicatorSet set, int seed)
    {
        var random = new Random(seed);
        await using var db = database.OpenAsSystem();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => h.Members.All(m => m.BirthDate != null)).ToListAsync();
        var latest = new List<HouseholdAssessment>();
        var now = database.Clock.GetUtcNow();
        foreach (var h in households)
        {
            var members = h.Members.Select(m => new MemberFacts(m.Id, m.GivenName, m.BirthDate, m.HasDisabilityCard, m.IsBedridden)).ToList();
            var rounds = random.Next(0, 4);
            var made = new List<HouseholdAssessment>();
            for (var r = 0; r < rounds; r++)
            {
                var day = database.Today.AddDays(-random.Next(0, 700));
                var problems = set.Indicators.Where(_ => random.NextDouble() < 0.25).Select(i => i.Code).ToArray();
                var a = HouseholdAssessment.Start(h.Id, set, null, "test", day, now.AddMinutes(r));
                Assert.Empty(a.Record(set, AssessmentWorld.Answers(set, members, day, problems), day, null, null, database.Today, now.AddMinutes(r)));
                // A household has at most one open draft (the one-draft index): only its last round may stay one.
                if (r < rounds - 1 || random.NextDouble() < 0.85) Assert.Empty(a.Submit(set, members, new AssessedArea(h.DistrictCode, h.Address.SubdistrictCode, h.Address.CommunityId), now.AddMinutes(r)));
                db.Assessments.Add(a);
                made.Add(a);
            }
            var submitted = made.Where(a => a.Status == AssessmentStatus.Submitted).ToList();
            if (submitted.Count == 0) continue;
            var last = submitted.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.SubmittedAt).First();
            last.SetLatest(true);
            latest.Add(last);
        }
        await db.SaveChangesAsync();
        return latest.Select(a => new Truth(a.HouseholdId, a.DistrictCode, a.SubdistrictCode, a.CommunityId, a.ScoreBasisPoints, a.IsPoor, a.IncomeDeprived, a.LivingDeprived)).ToList();
    }

    private sealed record Expected(int Assessed, int Poor, long PoorScore, int Income, int Living);

    private static Expected Totals(IEnumerable<Truth> rows)
    {
        var list = rows.ToList();
        return new Expected(list.Count, list.Count(t => t.Poor), list.Where(t => t.Poor).Sum(t => (long)t.Score),
            list.Count(t => t.Poor && t.Income), list.Count(t => t.Poor && t.Living));
    }

    private static void AssertFigure(Expected expected, AreaFigure actual)
    {
        Assert.Equal(expected.Assessed, actual.Assessed);
        Assert.Equal(expected.Poor, actual.Poor);
        Assert.Equal(expected.Income, actual.Income);
        Assert.Equal(expected.Living, actual.Living);
        Assert.Equal(expected.PoorScore, actual.PoorScoreBasisPoints);
        if (expected.Poor > 0) Assert.Equal(Math.Round(expected.PoorScore / 10_000m / expected.Poor, 4), actual.Intensity);
        else Assert.Null(actual.Intensity);
    }

    private static AreaFigure Sum(IEnumerable<AreaFigure> parts)
    {
        var list = parts.ToList();
        var poor = list.Sum(p => p.Poor ?? 0);
        var score = list.Sum(p => p.PoorScoreBasisPoints ?? 0);
        return new AreaFigure("sum", "", "", list.Sum(p => p.Assessed ?? 0), poor,
            poor == 0 ? null : Math.Round(score / 10_000m / poor, 4),
            list.Sum(p => p.Income ?? 0), list.Sum(p => p.Health ?? 0), list.Sum(p => p.Education ?? 0), list.Sum(p => p.Living ?? 0), list.Sum(p => p.Services ?? 0), score);
    }
}
