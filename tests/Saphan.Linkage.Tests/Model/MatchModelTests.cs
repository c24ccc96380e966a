using Saphan.Linkage.Blocking;
using Saphan.Linkage.Model;
using static Saphan.Linkage.Model.ComparisonLevels;

namespace Saphan.Linkage.Tests.Model;

public sealed class MatchModelTests
{
    private static readonly Lazy<LinkageResult> linked = new(() => new Linker().Link(TestData.SmallRecords));

    [Fact]
    public void Train_OnSyntheticData_ConvergesToAgreementLevelsThatFavourMatches()
    {
        var model = linked.Value.Model;
        Assert.True(model.Converged, $"EM did not converge in {model.EmIterations} iterations");
        Assert.InRange(model.Lambda, 0.05, 0.95);
        // The noise model makes about 90 % of IDs and ~85 % of given names agree exactly within a person.
        Assert.InRange(model.M(LinkField.CitizenId, IdExact), 0.8, 1.0);
        Assert.InRange(model.M(LinkField.GivenName, NameExact), 0.75, 1.0);
        Assert.True(model.Weight(LinkField.BirthDate, DateExact) > 8);
        Assert.True(model.Weight(LinkField.GivenName, NameOther) < -3);
        Assert.True(model.Weight(LinkField.CitizenId, IdOther) < -3);
    }

    [Fact]
    public void EstimateU_ExactAgreementIsRareAmongRandomPairs_AndEachFieldSumsToOne()
    {
        var u = linked.Value.Model;
        Assert.InRange(u.U(LinkField.CitizenId, IdExact), 0, 0.001);
        Assert.InRange(u.U(LinkField.Sex, SexSame), 0.4, 0.6);
        var sum = 0.0;
        for (var l = 1; l < LevelCount(LinkField.BirthDate); l++) sum += u.U(LinkField.BirthDate, l);
        Assert.Equal(1.0, sum, 6);
    }

    [Fact]
    public void Score_IsSymmetricInPairOrder_ForManyPairs()
    {
        var result = linked.Value;
        var t = result.Table;
        var rng = new Random(5);
        for (var k = 0; k < 2000; k++)
        {
            var a = rng.Next(t.Count);
            var b = k % 2 == 0 ? rng.Next(t.Count) : Math.Min(t.Count - 1, a + 1);
            var ab = Comparer.Compare(t[a], t[b]);
            var ba = Comparer.Compare(t[b], t[a]);
            Assert.Equal(ab, ba);
            Assert.Equal(result.Model.Score(t, t[a], t[b], ab, result.TermFrequencies), result.Model.Score(t, t[b], t[a], ba, result.TermFrequencies), 9);
        }
    }

    [Fact]
    public void Explain_AddsUpToTheScore_AndMissingFieldsContributeZero()
    {
        var result = linked.Value;
        var t = result.Table;
        foreach (var pair in result.Links.Take(200).Concat(result.Review.Take(200)))
        {
            var explanation = result.Explain(pair.A, pair.B);
            Assert.Equal(pair.Weight, explanation.Weight, 3);
            Assert.Equal(explanation.Weight, explanation.Fields.Sum(f => f.Weight), 9);
            Assert.All(explanation.Fields.Where(f => f.Level == Missing), f => Assert.Equal(0.0, f.Weight));
        }
        Assert.Contains(result.Links, p => result.Explain(p.A, p.B).Fields.Any(f => f.Level == Missing));
    }

    [Fact]
    public void TermFrequency_CommonGivenNameAddsLessThanARareOne()
    {
        var records = new List<LinkRecord>();
        for (var i = 0; i < 400; i++)
        {
            records.Add(TestData.Person("s", "c" + i, "สมชาย", "นามสกุล" + i, null, new DateOnly(1950 + i % 50, 1 + i % 12, 1 + i % 28), Sex.Male, "1", "100101"));
        }
        for (var i = 0; i < 400; i++)
        {
            records.Add(TestData.Person("s", "r" + i, "ชื่อหายาก" + i, "สกุล" + i, null, new DateOnly(1950 + i % 50, 1 + i % 12, 1 + i % 28), Sex.Male, "2", "100102"));
        }
        var table = new RecordTable();
        foreach (var r in records) table.Add(r);
        var model = linked.Value.Model;
        var tf = new TermFrequencies(table, model);
        var common = tf.GivenAdjustment(table[0].GivenId);
        var rare = tf.GivenAdjustment(table[400].GivenId);
        Assert.True(common < 0, $"common name adjustment {common}");
        Assert.True(rare > common);
        Assert.InRange(rare, -MatchModel.MaxTermFrequencyPenalty, MatchModel.MaxTermFrequencyBoost);
    }

    [Theory]
    [InlineData(NameExact, NameExact, DateExact, Missing, 0, true)]
    [InlineData(NameOther, NameExact, DateYearWithinOne, Missing, AddressSubdistrictHouse, false)] // relatives: household evidence only
    [InlineData(NameExact, NameExact, Missing, Missing, AddressOther, false)] // names alone: namesakes
    [InlineData(NameExact, NameExact, DateOther, IdOther, AddressSubdistrictHouse, false)] // two flat contradictions
    [InlineData(NameOther, NameOther, DateExact, IdExact, 0, true)] // the ID speaks for itself (e.g. a changed name)
    public void AllowsAutoLink_FollowsThePrecisionGuard(int given, int family, int date, int id, int address, bool expected) =>
        Assert.Equal(expected, MatchModel.AllowsAutoLink(new ComparisonVector(ComparisonVector.Pack(given, family, date, id, 0, 0, address, 0))));

    [Fact]
    public void FromProbabilities_WeightIsLog2OfTheRatio()
    {
        var m = new double[FieldCount][];
        var u = new double[FieldCount][];
        for (var f = 0; f < FieldCount; f++)
        {
            m[f] = new double[LevelCount((LinkField)f)];
            u[f] = new double[m[f].Length];
            for (var l = 1; l < m[f].Length; l++)
            {
                m[f][l] = l == 1 ? 0.8 : 0.2 / (m[f].Length - 2);
                u[f][l] = l == 1 ? 0.01 : 0.99 / (m[f].Length - 2);
            }
        }
        var model = MatchModel.FromProbabilities(m, u);
        Assert.Equal(Math.Log2(0.8 / 0.01), model.Weight(LinkField.GivenName, NameExact), 9);
        Assert.Equal(0, model.Weight(LinkField.GivenName, Missing));
    }

    [Fact]
    public void BlockingEstimate_IsTheSumOfPairsPerKey_AndPairsAreNotComparedTwice()
    {
        var result = linked.Value;
        var t = result.Table;
        var rule = BlockingRules.CitizenId;
        var counts = new Dictionary<ulong, long>();
        for (var i = 0; i < t.Count; i++)
        {
            var k = rule.Key(in t[i]);
            if (k != 0) counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        var expected = counts.Values.Sum(n => n * (n - 1) / 2);
        Assert.Equal(expected, result.Blocking.Estimates.Single(e => e.Rule == rule.Name).EstimatedPairs);
        var pairs = CandidatePairs.Generate(t, result.Blocking, 2);
        Assert.Equal(pairs.Length, pairs.Select(p => ((long)p.A << 32) | (uint)p.B).Distinct().Count());
        Assert.All(pairs, p => Assert.True(p.A < p.B));
        Assert.Equal(result.Blocking.Estimates.Sum(e => e.NewPairs), pairs.Length);
    }
}
