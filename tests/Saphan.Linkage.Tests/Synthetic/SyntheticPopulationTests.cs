using Saphan.Linkage.Normalisation;
using Saphan.Synthetic;

namespace Saphan.Linkage.Tests.Synthetic;

public sealed class SyntheticPopulationTests
{
    [Fact]
    public void People_SameSeed_SamePeople_AndPersonIDoesNotDependOnTheCount()
    {
        var a = new SyntheticPopulation(7).People(500).ToList();
        var b = new SyntheticPopulation(7).People(800).Take(500).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, new SyntheticPopulation(8).People(500).ToList());
    }

    [Fact]
    public void People_HaveValidUniqueCitizenIds_AndRealBangkokSubdistricts()
    {
        var people = new SyntheticPopulation(1).People(5000).ToList();
        Assert.All(people, p => Assert.True(CitizenId.Parse(p.CitizenId).IsValid, p.CitizenId));
        Assert.Equal(people.Count, people.Select(p => p.CitizenId).Distinct().Count());
        Assert.All(people, p => Assert.StartsWith("10", p.Address.Subdistrict.Code, StringComparison.Ordinal));
        Assert.Equal(180, BangkokGazetteer.Subdistricts.Count);
    }

    [Fact]
    public void People_IncludeRelativesAtOneAddress_MarriedWomen_AndNamesakes()
    {
        var people = new SyntheticPopulation(1).People(5000).ToList();
        var households = people.GroupBy(p => p.HouseholdId).ToList();
        Assert.Contains(households, h => h.Count() >= 3 && h.Select(p => p.FamilyName).Distinct().Count() == 1 && h.Select(p => p.Address).Distinct().Count() == 1);
        Assert.Contains(people, p => p.MaidenName is not null && p.Title == "นาง");
        var namesakes = people.GroupBy(p => (p.GivenName, p.FamilyName)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(namesakes);
        Assert.All(namesakes, g => Assert.Equal(g.Count(), g.Select(p => p.CitizenId).Distinct().Count()));
    }

    [Fact]
    public void Titles_FollowAgeAndSex()
    {
        var reference = new SyntheticPopulationOptions().ReferenceDate;
        foreach (var p in new SyntheticPopulation(3).People(2000))
        {
            var age = p.AgeOn(reference);
            var expected = age < 15 ? (p.Sex == Sex.Male ? "เด็กชาย" : "เด็กหญิง") : p.Sex == Sex.Male ? "นาย" : p.Title;
            Assert.Equal(expected, p.Title);
            if (age >= 15 && p.Sex == Sex.Female) Assert.Contains(p.Title, new[] { "นาง", "นางสาว" });
        }
    }
}
