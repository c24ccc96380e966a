using Saphan.Assessment.Indicators;

namespace Saphan.Tests.Assessment;

/// <summary>The rule interpreter: what parses, what is refused, and three-valued logic for unknown values.</summary>
public sealed class RuleTests
{
    private static object? Eval(string rule, params (string Name, object? Value)[] values)
    {
        var names = values.Select(v => v.Name).Concat(["answer"]).ToHashSet(StringComparer.Ordinal);
        return Rule.Parse(rule, names).Evaluate(n => values.FirstOrDefault(v => v.Name == n).Value);
    }

    [Theory]
    [InlineData("answer / members < 38000", 37_999, 1, true)]
    [InlineData("answer / members < 38000", 38_000, 1, false)]
    [InlineData("answer / members < 38000", 75_998, 2, true)]
    [InlineData("answer / members < 38000", 76_000, 2, false)]
    [InlineData("answer / members <= 5", 10, 2, true)]
    [InlineData("answer - 1 * 2 > members", 5, 2, true)]
    [InlineData("(answer - 1) * 2 > members", 2, 2, false)]
    [InlineData("-answer < 0", 1, 1, true)]
    [InlineData("answer != members", 3, 3, false)]
    public void Arithmetic_and_comparisons_follow_precedence(string rule, int answer, int members, bool expected) =>
        Assert.Equal(expected, Eval(rule, ("answer", (decimal)answer), ("members", (decimal)members)));

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void Ranges_are_inclusive(int age, bool expected) => Assert.Equal(expected, Eval("age in 6..14", ("age", (decimal)age)));

    [Fact]
    public void Yes_and_no_compare_with_answers()
    {
        Assert.Equal(true, Eval("answer = no", ("answer", false)));
        Assert.Equal(false, Eval("answer = no", ("answer", true)));
        Assert.Equal(true, Eval("answer = yes", ("answer", true)));
    }

    [Fact]
    public void Unknown_values_never_make_a_rule_true()
    {
        // No birth date: not asked, not deprived, and "not" of unknown is still unknown.
        Assert.Null(Eval("age in 6..14", ("age", null)));
        Assert.Null(Eval("not (age >= 60)", ("age", null)));
        Assert.Null(Eval("answer / members < 5", ("answer", 3m), ("members", 0m)));
        Assert.False(Rule.Parse("age >= 60 or disabled", RuleNames.Member).IsTrue(n => n == "disabled" ? false : null));
        // Three-valued logic: unknown or true = true; unknown and false = false.
        Assert.Equal(true, Eval("age >= 60 or disabled", ("age", null), ("disabled", true)));
        Assert.Equal(false, Eval("age >= 60 and disabled", ("age", null), ("disabled", false)));
        Assert.Null(Eval("age >= 60 and disabled", ("age", null), ("disabled", true)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("answer <")]
    [InlineData("answer < 38,000")]
    [InlineData("(answer < 5")]
    [InlineData("age in 14..6")]
    [InlineData("age in 6")]
    [InlineData("answer ; drop table")]
    [InlineData("income < 5")]
    [InlineData("answer < 5 5")]
    public void Bad_rules_are_refused_with_the_problem(string text)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => Rule.Parse(text, RuleNames.Member));
        Assert.False(string.IsNullOrWhiteSpace(error.Problem));
    }

    [Fact]
    public void A_household_rule_cannot_use_member_names() =>
        Assert.Contains("unknown name 'age'", Assert.Throws<RuleSyntaxException>(() => Rule.Parse("age > 5", RuleNames.Household)).Message);

    [Fact]
    public void An_ask_when_condition_cannot_use_the_answer() =>
        Assert.Throws<RuleSyntaxException>(() => Rule.Parse("answer = no", RuleNames.AskWhen));

    [Fact]
    public void Comparing_a_number_with_yes_or_no_is_an_error_not_a_silent_false() =>
        Assert.Throws<InvalidOperationException>(() => Eval("answer < 5", ("answer", true)));

    [Fact]
    public void An_indicator_with_a_broken_rule_cannot_be_part_of_a_set()
    {
        var broken = new Indicator("X-1", Dimension.Income, IndicatorSubject.Household, AnswerType.Number, "q", "q", "answer <", "s", "s");
        Assert.Throws<RuleSyntaxException>(() => new IndicatorSet("t", new DateOnly(2024, 1, 1), "t", "t", 0.2m, "", [broken]));
        var twice = new Indicator("X-1", Dimension.Income, IndicatorSubject.Household, AnswerType.YesNo, "q", "q", "answer = no", "s", "s");
        Assert.Throws<ArgumentException>(() => new IndicatorSet("t", new DateOnly(2024, 1, 1), "t", "t", 0.2m, "", [twice, twice]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndicatorSet("t", new DateOnly(2024, 1, 1), "t", "t", 0m, "", [twice]));
    }
}
