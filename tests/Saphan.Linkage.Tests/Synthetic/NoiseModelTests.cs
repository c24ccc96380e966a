using Saphan.Synthetic;

namespace Saphan.Linkage.Tests.Synthetic;

public sealed class NoiseModelTests
{
    [Fact]
    public void SimilarLetter_SwapsWithinASoundGroup()
    {
        var rng = new DeterministicRandom(1);
        var changed = NoiseModel.SimilarLetter("ศรีสุข", rng);
        Assert.NotEqual("ศรีสุข", changed);
        Assert.Equal("ศรีสุข".Length, changed.Length);
        Assert.Equal("มานี", NoiseModel.SimilarLetter("มานี", rng));
    }

    [Fact]
    public void ToneMark_DropsOneOrAddsOne()
    {
        var rng = new DeterministicRandom(1);
        Assert.Equal("นองบาส", NoiseModel.ToneMark("น้องบาส", rng));
        Assert.Contains('\u0E48', NoiseModel.ToneMark("มานี", rng));
    }

    [Fact]
    public void IdNoise_OneDigitOrAdjacentTransposition()
    {
        var rng = new DeterministicRandom(2);
        const string id = "1101700203451";
        var one = NoiseModel.OneDigitOff(id, rng);
        Assert.Equal(1, id.Zip(one).Count(p => p.First != p.Second));
        var swapped = NoiseModel.Transpose(id, rng);
        Assert.Equal(Saphan.Linkage.Model.ComparisonLevels.IdTransposed, Saphan.Linkage.Model.Comparer.CompareId(id, swapped));
    }

    [Fact]
    public void Apply_WithoutNoise_CopiesThePerson()
    {
        var person = new SyntheticPopulation(4).People(1).Single();
        var r = new NoiseModel(NoiseOptions.None).Apply(person, new DeterministicRandom(3));
        Assert.Equal((person.GivenName, person.FamilyName, person.CitizenId, person.BirthDate, person.Address), (r.GivenName, r.FamilyName, r.CitizenId, r.BirthDate!.Value, r.Address));
    }

    [Fact]
    public void Records_SameSeed_SameRecords_WithDuplicatesInOneSource()
    {
        var a = AgencyFiles.Records(2000, 3, 9).ToList();
        var b = AgencyFiles.Records(2000, 3, 9).ToList();
        Assert.Equal(a.Select(x => (x.Source, x.RecordId, x.Record)), b.Select(x => (x.Source, x.RecordId, x.Record)));
        Assert.Contains(a.GroupBy(x => (x.Source, x.Record.PersonId)), g => g.Count() > 1);
    }
}
