using Saphan.Linkage.Model;
using Saphan.Synthetic;

namespace Saphan.Linkage.Tests.Model;

public sealed class LinkedPopulationTests
{
    private static readonly Lazy<(LinkageResult Result, LinkedPopulation Population)> built = new(() =>
    {
        var result = new Linker().Link(TestData.SmallRecords);
        return (result, new LinkedPopulation(result));
    });

    [Fact]
    public void Match_FindsAKnownPersonFromANewNoisyRecord()
    {
        var (result, population) = built.Value;
        var found = 0;
        var tried = 0;
        // New records of people already known: fresh noise from another random stream, a new source.
        var noise = new NoiseModel();
        foreach (var person in new SyntheticPopulation(11).People(300))
        {
            var key = TestData.SmallTruth.FirstOrDefault(kv => kv.Value == person.PersonId).Key;
            if (key is null) continue;
            tried++;
            var probe = TestData.ToLinkRecord("new_agency", "N" + tried, noise.Apply(person, new DeterministicRandom(99, tried)));
            var best = population.Match(probe).FirstOrDefault();
            var parts = key.Split('\u001F');
            var index = Enumerable.Range(0, result.Table.Count).First(i => result.Table.SourceOf(i) == parts[0] && result.Table.RecordIdOf(i) == parts[1]);
            if (best is not null && best.ClusterId == result.Clusters.IdOf(index) && best.Decision == MatchDecision.Link) found++;
        }
        Assert.True(tried > 200);
        Assert.True(found >= tried * 0.95, $"found {found} of {tried}");
    }

    [Fact]
    public void Match_ExplainsTheBestCandidate()
    {
        var (result, population) = built.Value;
        var t = result.Table;
        var known = TestData.SmallRecords[10];
        var probe = new LinkRecord
        {
            Source = "new_agency", RecordId = "X1", GivenName = known.GivenName, FamilyName = known.FamilyName,
            CitizenId = known.CitizenId, BirthDate = known.BirthDate, Sex = known.Sex, Address = known.Address,
        };
        var best = population.Match(probe)[0];
        Assert.Equal(MatchDecision.Link, best.Decision);
        Assert.Equal(best.Weight, best.Explanation.Weight, 6);
        Assert.Contains(best.Explanation.Fields, f => f.Field == LinkField.GivenName && f.Weight > 0);
        Assert.True(t.Count > 0);
    }

    [Fact]
    public void Match_SomeoneUnknown_IsNotLinked()
    {
        var (_, population) = built.Value;
        var stranger = TestData.Person("new_agency", "X2", "ไม่มีใครชื่อนี้", "นามสกุลที่ไม่มีจริง", "1101700203451", new DateOnly(1901, 2, 3));
        Assert.DoesNotContain(population.Match(stranger, includeWeak: true), c => c.Decision == MatchDecision.Link);
    }
}
