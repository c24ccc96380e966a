using Saphan.Assessment.Indicators;

namespace Saphan.Tests.Assessment;

/// <summary>Every deprivation rule of the shipped indicator set at its thresholds, ages computed on the assessment date.</summary>
public sealed class IndicatorThresholdTests
{
    private static readonly DateOnly On = new(2026, 11, 24);
    private static readonly IndicatorSet Set = DefaultIndicatorSet.Create();

    /// <summary>Born so that the member is <paramref name="age"/> on the assessment date; "today" = the birthday is that very day.</summary>
    private static DateOnly Born(int age, Birthday birthday) => On.AddYears(-age).AddDays(birthday switch
    {
        Birthday.Today => 0,
        Birthday.Yesterday => -1,
        _ => 1, // tomorrow: one day short of the age, so still age - 1
    });

    public enum Birthday { Today, Yesterday, Tomorrow }

    public static readonly TheoryData<string, int, Birthday, bool, bool, bool, bool> MemberCases = new()
    {
        // code, age, birthday, disabled, bedridden, asked, deprived-when-answer-is-no
        { "EDU-1", 2, Birthday.Yesterday, false, false, false, false },
        { "EDU-1", 3, Birthday.Tomorrow, false, false, false, false },   // turns 3 tomorrow: still 2
        { "EDU-1", 3, Birthday.Today, false, false, true, true },        // turns 3 on the day
        { "EDU-1", 5, Birthday.Yesterday, false, false, true, true },
        { "EDU-1", 6, Birthday.Tomorrow, false, false, true, true },     // still 5
        { "EDU-1", 6, Birthday.Today, false, false, false, false },
        { "EDU-2", 5, Birthday.Yesterday, false, false, false, false },
        { "EDU-2", 6, Birthday.Today, false, false, true, true },
        { "EDU-2", 14, Birthday.Yesterday, false, false, true, true },
        { "EDU-2", 15, Birthday.Tomorrow, false, false, true, true },
        { "EDU-2", 15, Birthday.Today, false, false, false, false },
        { "EDU-3", 14, Birthday.Yesterday, false, false, false, false },
        { "EDU-3", 15, Birthday.Today, false, false, true, true },
        { "EDU-3", 59, Birthday.Yesterday, false, false, true, true },
        { "EDU-3", 60, Birthday.Tomorrow, false, false, true, true },
        { "EDU-3", 60, Birthday.Today, false, false, false, false },
        { "INC-2", 14, Birthday.Yesterday, false, false, false, false },
        { "INC-2", 15, Birthday.Tomorrow, false, false, false, false },
        { "INC-2", 15, Birthday.Today, false, false, true, true },
        { "INC-2", 59, Birthday.Yesterday, false, false, true, true },
        { "INC-2", 60, Birthday.Today, false, false, false, false },
        { "INC-3", 59, Birthday.Yesterday, false, false, false, false },
        { "INC-3", 60, Birthday.Tomorrow, false, false, false, false },
        { "INC-3", 60, Birthday.Today, false, false, true, true },
        { "INC-3", 90, Birthday.Yesterday, false, false, true, true },
        { "PUB-1", 59, Birthday.Yesterday, false, false, false, false },
        { "PUB-1", 60, Birthday.Today, false, false, true, true },
        { "PUB-1", 30, Birthday.Yesterday, true, false, true, true },   // disabled at any age
        { "PUB-2", 0, Birthday.Yesterday, false, false, true, true },
        { "PUB-2", 45, Birthday.Yesterday, false, false, true, true },
        { "PUB-3", 6, Birthday.Yesterday, false, false, false, false },
        { "PUB-3", 7, Birthday.Tomorrow, false, false, false, false },
        { "PUB-3", 7, Birthday.Today, false, false, true, true },
        { "HLT-1", 40, Birthday.Yesterday, false, false, false, false },
        { "HLT-1", 40, Birthday.Yesterday, true, false, true, true },
        { "HLT-1", 80, Birthday.Yesterday, false, true, true, true },
    };

    [Theory]
    [MemberData(nameof(MemberCases))]
    public void Member_indicators_ask_the_right_ages_and_mark_a_no(string code, int age, Birthday birthday, bool disabled, bool bedridden, bool asked, bool deprived)
    {
        var member = new MemberFacts(Guid.NewGuid(), "สมาชิก", Born(age, birthday), disabled, bedridden);
        var indicator = Set.Find(code)!;
        Assert.Equal(asked, Deprivations.AskedMembers(indicator, [member], On).Any());

        var no = Result(code, [member], new() { [new AnswerKey(code, member.PersonId)] = new AnswerValue(null, false) });
        var yes = Result(code, [member], new() { [new AnswerKey(code, member.PersonId)] = new AnswerValue(null, true) });
        Assert.Equal(asked, no.Applicable);
        Assert.Equal(deprived, no.Deprived);
        Assert.False(yes.Deprived);
        if (deprived) Assert.Equal([member.PersonId], no.DeprivedMembers);
    }

    public static readonly TheoryData<string, decimal, int, bool> NumberCases = new()
    {
        // code, answer, household members, deprived
        { "INC-1", 37_999, 1, true },
        { "INC-1", 38_000, 1, false },
        { "INC-1", 38_001, 1, false },
        { "INC-1", 113_999, 3, true },   // 37,999.67 a person
        { "INC-1", 114_000, 3, false },
        { "INC-1", 0, 2, true },
        { "LIV-3", 4.99m, 1, true },
        { "LIV-3", 5, 1, false },
        { "LIV-3", 19, 4, true },
        { "LIV-3", 20, 4, false },
        { "LIV-3", 21, 4, false },
        { "LIV-4", 44, 1, true },
        { "LIV-4", 45, 1, false },
        { "LIV-4", 46, 1, false },
        { "LIV-4", 89, 2, true },
        { "LIV-4", 90, 2, false },
    };

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Number_indicators_compare_per_person_with_the_threshold(string code, decimal answer, int memberCount, bool deprived)
    {
        var members = Enumerable.Range(0, memberCount).Select(i => new MemberFacts(Guid.NewGuid(), $"m{i}", On.AddYears(-30 - i), false, false)).ToList();
        var result = Result(code, members, new() { [new AnswerKey(code, null)] = new AnswerValue(answer, null) });
        Assert.True(result.Applicable);
        Assert.Equal(deprived, result.Deprived);
    }

    [Theory]
    [InlineData("HLT-2")]
    [InlineData("HLT-3")]
    [InlineData("LIV-1")]
    [InlineData("LIV-2")]
    public void Household_yes_no_indicators_mark_a_no(string code)
    {
        MemberFacts[] members = [new(Guid.NewGuid(), "หัวหน้า", On.AddYears(-40), false, false)];
        Assert.True(Result(code, members, new() { [new AnswerKey(code, null)] = new AnswerValue(null, false) }).Deprived);
        Assert.False(Result(code, members, new() { [new AnswerKey(code, null)] = new AnswerValue(null, true) }).Deprived);
        Assert.False(Result(code, members, []).Deprived); // unanswered is not a deprivation (and cannot be submitted)
    }

    [Fact]
    public void Every_indicator_of_the_shipped_set_is_tested_at_its_threshold()
    {
        var tested = MemberCases.Select(c => (string)c[0]).Concat(NumberCases.Select(c => (string)c[0])).Concat(["HLT-2", "HLT-3", "LIV-1", "LIV-2"]).ToHashSet();
        Assert.DoesNotContain(Set.Indicators, i => !tested.Contains(i.Code));
        Assert.Equal(DefaultIndicatorSet.IncomeThreshold, 38_000m);
    }

    [Fact]
    public void A_member_indicator_is_deprived_when_any_member_asked_is()
    {
        var a = new MemberFacts(Guid.NewGuid(), "ก", On.AddYears(-8), false, false);
        var b = new MemberFacts(Guid.NewGuid(), "ข", On.AddYears(-10), false, false);
        var result = Result("EDU-2", [a, b], new()
        {
            [new AnswerKey("EDU-2", a.PersonId)] = new AnswerValue(null, true),
            [new AnswerKey("EDU-2", b.PersonId)] = new AnswerValue(null, false),
        });
        Assert.True(result.Deprived);
        Assert.Equal([b.PersonId], result.DeprivedMembers);
    }

    private static IndicatorResult Result(string code, IReadOnlyList<MemberFacts> members, Dictionary<AnswerKey, AnswerValue> answers) =>
        Deprivations.Evaluate(Set, members, answers, On).Results.Single(r => r.Indicator.Code == code);
}
