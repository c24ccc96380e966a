using Saphan.Assessment;
using Saphan.Assessment.Indicators;

namespace Saphan.Tests.Assessment;

/// <summary>The score (equal dimension weights), the poverty cutoff, and the validation of answers.</summary>
public sealed class ScoreAndValidationTests
{
    private static readonly DateOnly On = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly IndicatorSet Set = DefaultIndicatorSet.Create();

    [Fact]
    public void Each_dimension_weighs_a_fifth_shared_equally_by_its_indicators()
    {
        foreach (var group in Set.Indicators.GroupBy(i => i.Dimension))
        {
            Assert.Equal(0.2m, Math.Round(group.Sum(Set.WeightOf), 10));
            Assert.All(group, i => Assert.Equal(Math.Round(0.2m / group.Count(), 10), Math.Round(Set.WeightOf(i), 10)));
        }
        Assert.Equal(5, Set.Indicators.Select(i => i.Dimension).Distinct().Count());
    }

    [Fact]
    public void A_household_deprived_in_everything_scores_one_and_in_nothing_zero()
    {
        var (members, worst) = Household(answerYes: false, income: 0, water: 0, bedriddenGrandmother: true);
        var (bestMembers, best) = Household(answerYes: true, income: 1_000_000, water: 1_000, bedriddenGrandmother: true);
        var bad = Deprivations.Evaluate(Set, members, worst, On);
        var good = Deprivations.Evaluate(Set, bestMembers, best, On);
        Assert.Equal(10_000, bad.ScoreBasisPoints);
        Assert.True(bad.IsPoor);
        Assert.Equal(0, good.ScoreBasisPoints);
        Assert.False(good.IsPoor);
    }

    [Fact]
    public void Poor_means_at_least_the_cutoff_a_fifth_of_the_weights()
    {
        var (members, answers) = Household(answerYes: true, income: 1_000_000, water: 1_000);
        // The whole income dimension (three indicators of a third of a fifth each) = exactly the cutoff.
        answers[new AnswerKey("INC-1", null)] = new AnswerValue(10_000, null);
        var adult = members.Single(m => m.AgeOn(On) is >= 15 and < 60);
        var older = members.Single(m => m.AgeOn(On) >= 60);
        answers[new AnswerKey("INC-2", adult.PersonId)] = new AnswerValue(null, false);
        var two = Deprivations.Evaluate(Set, members, answers, On);
        Assert.Equal(1333, two.ScoreBasisPoints);
        Assert.False(two.IsPoor);
        answers[new AnswerKey("INC-3", older.PersonId)] = new AnswerValue(null, false);
        var three = Deprivations.Evaluate(Set, members, answers, On);
        Assert.Equal(2000, three.ScoreBasisPoints);
        Assert.True(three.IsPoor);
    }

    [Fact]
    public void Submitting_needs_every_question_for_every_member_it_applies_to()
    {
        var (members, answers) = Household(answerYes: true, income: 500_000, water: 500);
        var child = members.Single(m => m.AgeOn(On) == 8);
        answers.Remove(new AnswerKey("EDU-2", child.PersonId));
        answers.Remove(new AnswerKey("LIV-1", null));
        var assessment = HouseholdAssessment.Start(Guid.NewGuid(), Set, "u", "u", On, Now);
        Assert.Empty(assessment.Record(Set, answers, On, null, null, On, Now));
        var problems = assessment.Submit(Set, members, new AssessedArea("1002", "100201", null), Now);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is { Code: "EDU-2", Kind: AnswerProblemKind.Required } && p.PersonId == child.PersonId);
        Assert.Contains(problems, p => p is { Code: "LIV-1", Kind: AnswerProblemKind.Required, PersonId: null });
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
    }

    [Fact]
    public void Impossible_values_wrong_types_and_unknown_questions_are_refused_and_the_draft_is_unchanged()
    {
        var (_, answers) = Household(answerYes: true, income: 100_000, water: 100);
        var assessment = HouseholdAssessment.Start(Guid.NewGuid(), Set, "u", "u", On, Now);
        Assert.Empty(assessment.Record(Set, answers, On, null, null, On, Now));
        var before = assessment.Answers.Count;

        var bad = new Dictionary<AnswerKey, AnswerValue>
        {
            [new AnswerKey("INC-1", null)] = new AnswerValue(-1, null),
            [new AnswerKey("LIV-3", null)] = new AnswerValue(20_000, null),
            [new AnswerKey("LIV-1", null)] = new AnswerValue(3, null),
            [new AnswerKey("XYZ-9", null)] = new AnswerValue(null, true),
        };
        var problems = assessment.Record(Set, bad, On.AddDays(1), new GeoPoint(200, 100, null), null, On, Now);
        Assert.Contains(problems, p => p is { Code: "INC-1", Kind: AnswerProblemKind.BelowMinimum, Bound: 0 });
        Assert.Contains(problems, p => p is { Code: "LIV-3", Kind: AnswerProblemKind.AboveMaximum, Bound: 10_000 });
        Assert.Contains(problems, p => p is { Code: "LIV-1", Kind: AnswerProblemKind.WrongType });
        Assert.Contains(problems, p => p is { Code: "XYZ-9", Kind: AnswerProblemKind.UnknownQuestion });
        Assert.Contains(problems, p => p.Kind == AnswerProblemKind.DateInFuture);
        Assert.Contains(problems, p => p.Kind == AnswerProblemKind.InvalidLocation);
        Assert.Equal(before, assessment.Answers.Count);
        Assert.Equal(On, assessment.AssessedOn);
    }

    [Fact]
    public void A_submitted_assessment_stores_its_profile_and_is_not_changed_again()
    {
        var (members, answers) = Household(answerYes: true, income: 500_000, water: 500);
        var child = members.Single(m => m.AgeOn(On) == 8);
        answers[new AnswerKey("EDU-2", child.PersonId)] = new AnswerValue(null, false);
        answers[new AnswerKey("LIV-2", null)] = new AnswerValue(null, false);
        var assessment = HouseholdAssessment.Start(Guid.NewGuid(), Set, "u", "u", On, Now);
        Assert.Empty(assessment.Record(Set, answers, On, new GeoPoint(13.77, 100.51, 12), " บ้านริมคลอง ", On, Now));
        Assert.Empty(assessment.Submit(Set, members, new AssessedArea("1002", "100201", 42), Now));

        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
        Assert.Equal("EDU-2 LIV-2", assessment.DeprivedIndicators);
        Assert.True(assessment.EducationDeprived && assessment.LivingDeprived);
        Assert.False(assessment.IncomeDeprived || assessment.HealthDeprived || assessment.ServicesDeprived);
        Assert.Equal(Deprivations.ToBasisPoints(0.2m / 3 + 0.2m / 4), assessment.ScoreBasisPoints);
        Assert.Equal(("1002", "100201", (int?)42), (assessment.DistrictCode, assessment.SubdistrictCode, assessment.CommunityId));
        Assert.True(assessment.HasChild && assessment.HasOlderPerson);
        Assert.False(assessment.HasBedridden);
        Assert.Equal("บ้านริมคลอง", assessment.Note);
        Assert.Equal(13.77, assessment.Location!.Latitude);
        Assert.Throws<InvalidOperationException>(() => assessment.Record(Set, answers, On, null, null, On, Now));
        Assert.Throws<InvalidOperationException>(() => assessment.Submit(Set, members, new AssessedArea("1002", "100201", 42), Now));
    }

    [Theory]
    [InlineData("38000", 38000)]
    [InlineData("38,000", 38000)]
    [InlineData(" 38 000 ", 38000)]
    [InlineData("๓๘๐๐๐", 38000)]
    [InlineData("4.5", 4.5)]
    [InlineData("-3", -3)]
    public void Numbers_are_read_as_phones_type_them(string text, decimal expected)
    {
        Assert.True(AnswerRules.TryReadNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("สามหมื่น")]
    [InlineData("38k")]
    [InlineData("1e5")]
    [InlineData("12-3")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(AnswerRules.TryReadNumber(text, out _));

    [Fact]
    public void An_empty_field_is_no_answer_not_zero()
    {
        Assert.True(AnswerRules.TryReadNumber("  ", out var value));
        Assert.Null(value);
    }

    /// <summary>A father of 40, his children of 8 and 4 and a grandmother of 70, all answers the same.</summary>
    internal static (List<MemberFacts> Members, Dictionary<AnswerKey, AnswerValue> Answers) Household(bool answerYes, decimal income, decimal water,
        bool bedriddenGrandmother = false)
    {
        var members = new List<MemberFacts>
        {
            new(Guid.NewGuid(), "พ่อ", On.AddYears(-40).AddDays(-3), false, false),
            new(Guid.NewGuid(), "ยาย", On.AddYears(-70).AddDays(-3), false, bedriddenGrandmother),
            new(Guid.NewGuid(), "ลูก", On.AddYears(-8).AddDays(-3), false, false),
            new(Guid.NewGuid(), "หลาน", On.AddYears(-4).AddDays(-3), false, false),
        };
        var answers = new Dictionary<AnswerKey, AnswerValue>();
        foreach (var indicator in Set.Indicators)
        {
            if (indicator.Subject == IndicatorSubject.Household)
            {
                answers[new AnswerKey(indicator.Code, null)] = indicator.AnswerType == AnswerType.YesNo
                    ? new AnswerValue(null, answerYes)
                    : new AnswerValue(indicator.Code == "INC-1" ? income : water, null);
                continue;
            }
            foreach (var m in Deprivations.AskedMembers(indicator, members, On))
                answers[new AnswerKey(indicator.Code, m.PersonId)] = new AnswerValue(null, answerYes);
        }
        return (members, answers);
    }
}
