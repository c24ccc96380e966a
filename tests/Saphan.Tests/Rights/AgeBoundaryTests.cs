using Saphan.Rights;
using Saphan.Rights.Eligibility;
using static Saphan.Tests.Rights.RuleFixtures;

namespace Saphan.Tests.Rights;

/// <summary>Ages are counted on the evaluation day: the day before a birthday the person is still the younger age.</summary>
public sealed class AgeBoundaryTests
{
    private static readonly RuleBook Book = ShippedBook();

    [Theory]
    // born, evaluated on, status, baht a month (old-age allowance, rates since 1 Oct 2022)
    [InlineData("1966-12-10", "2026-12-09", RightStatus.NotEligible, 0)]    // 59, the day before the 60th birthday
    [InlineData("1966-12-10", "2026-12-10", RightStatus.MissingOut, 600)]   // 60 on the day
    [InlineData("1956-12-10", "2026-12-09", RightStatus.MissingOut, 600)]   // 69
    [InlineData("1956-12-10", "2026-12-10", RightStatus.MissingOut, 700)]   // 70
    [InlineData("1946-12-10", "2026-12-09", RightStatus.MissingOut, 700)]   // 79
    [InlineData("1946-12-10", "2026-12-10", RightStatus.MissingOut, 800)]   // 80
    [InlineData("1936-12-10", "2026-12-09", RightStatus.MissingOut, 800)]   // 89
    [InlineData("1936-12-10", "2026-12-10", RightStatus.MissingOut, 1000)]  // 90
    [InlineData("1926-01-01", "2026-06-01", RightStatus.MissingOut, 1000)]  // 100: the top step has no end
    public void Old_age_allowance_steps_change_on_the_birthday(string born, string on, RightStatus status, int amount)
    {
        var verdict = Evaluate(Book, RightsCatalogue.OldAgeAllowance, Qualifying(D(born)), D(on));

        Assert.Equal(status, verdict.Status);
        Assert.Equal(amount, verdict.MonthlyAmount);
        if (status == RightStatus.NotEligible) Assert.Equal(Conditions.MinimumAge, verdict.Failed);
    }

    [Theory]
    [InlineData("2020-12-10", "2026-12-09", RightStatus.MissingOut, 600)]   // 5 years, the day before the sixth birthday
    [InlineData("2020-12-10", "2026-12-10", RightStatus.NotEligible, 0)]    // the sixth birthday: no longer
    [InlineData("2026-11-24", "2026-11-24", RightStatus.MissingOut, 600)]   // from birth
    public void Child_support_grant_runs_from_birth_until_the_sixth_birthday(string born, string on, RightStatus status, int amount)
    {
        var verdict = Evaluate(Book, RightsCatalogue.ChildSupportGrant, Qualifying(D(born)), D(on));

        Assert.Equal(status, verdict.Status);
        Assert.Equal(amount, verdict.MonthlyAmount);
        if (status == RightStatus.NotEligible) Assert.Equal(Conditions.BelowAge, verdict.Failed);
    }

    [Theory]
    // Born on 29 February: in a common year the birthday is 28 February (CCC s.193/5: the last day of the month).
    [InlineData("1956-02-29", "2026-02-27", 69, RightStatus.MissingOut, 600)]
    [InlineData("1956-02-29", "2026-02-28", 70, RightStatus.MissingOut, 700)]
    [InlineData("1956-02-29", "2026-03-01", 70, RightStatus.MissingOut, 700)]
    // In a leap year it is 29 February itself.
    [InlineData("1964-02-29", "2024-02-28", 59, RightStatus.NotEligible, 0)]
    [InlineData("1964-02-29", "2024-02-29", 60, RightStatus.MissingOut, 600)]
    public void A_leap_day_birthday_falls_on_28_February_in_a_common_year(string born, string on, int age, RightStatus status, int amount)
    {
        Assert.Equal(age, Evaluator.AgeOn(PersonCase.Pack(D(born)), PersonCase.Pack(D(on))));
        var verdict = Evaluate(Book, RightsCatalogue.OldAgeAllowance, Qualifying(D(born)), D(on));
        Assert.Equal(status, verdict.Status);
        Assert.Equal(amount, verdict.MonthlyAmount);
    }

    [Theory]
    [InlineData("1960-02-29", "2025-02-28")]
    [InlineData("1960-02-29", "2025-02-27")]
    [InlineData("1960-02-29", "2025-03-01")]
    [InlineData("1962-07-15", "2026-07-14")]
    [InlineData("1962-07-15", "2026-07-15")]
    [InlineData("2000-01-01", "2000-01-01")]
    public void The_evaluator_counts_age_as_the_registry_does(string born, string on)
    {
        var person = Saphan.Registry.Person.Register(new Saphan.Registry.PersonDetails("สมชาย", "ใจดี", Saphan.Linkage.Sex.Male, BirthDate: D(born)),
            new Saphan.Registry.Residence { DistrictCode = "1001" }, DateTimeOffset.UnixEpoch);

        Assert.Equal(person.AgeOn(D(on)), Evaluator.AgeOn(PersonCase.Pack(D(born)), PersonCase.Pack(D(on))));
    }

    [Theory]
    [InlineData("2008-12-10", "2026-12-09", 1000)] // 17: the under-18 rate
    [InlineData("2008-12-10", "2026-12-10", 800)]  // 18: the standard rate
    public void The_disability_allowance_rate_for_children_ends_at_18(string born, string on, int amount)
    {
        var person = Qualifying(D(born)) with { HasDisabilityCard = true };
        var verdict = Evaluate(Book, RightsCatalogue.DisabilityAllowance, person, D(on));

        Assert.Equal(RightStatus.MissingOut, verdict.Status);
        Assert.Equal(amount, verdict.MonthlyAmount);
    }

    [Theory]
    [InlineData("2008-12-10", "2026-12-09", RightStatus.NotEligible)]
    [InlineData("2008-12-10", "2026-12-10", RightStatus.MissingOut)]
    public void The_state_welfare_card_starts_at_18(string born, string on, RightStatus status) =>
        Assert.Equal(status, Evaluate(Book, RightsCatalogue.StateWelfareCard, Qualifying(D(born)), D(on)).Status);

    [Fact]
    public void A_year_only_birth_date_counts_from_1_January_as_the_law_says()
    {
        // The registry stores "born 2509 BE" as 1 January 1966 (CCC s.16): 60 from 1 January 2026.
        Assert.Equal(RightStatus.NotEligible, Evaluate(Book, RightsCatalogue.OldAgeAllowance, Qualifying(D("1966-01-01")), D("2025-12-31")).Status);
        Assert.Equal(RightStatus.MissingOut, Evaluate(Book, RightsCatalogue.OldAgeAllowance, Qualifying(D("1966-01-01")), D("2026-01-01")).Status);
    }

    [Fact]
    public void Without_a_birth_date_an_age_rule_is_unknown_not_refused()
    {
        var person = Qualifying(D("1950-01-01")) with { BirthDate = 0 };
        var verdict = Evaluate(Book, RightsCatalogue.OldAgeAllowance, person, D("2026-11-24"));

        Assert.Equal(RightStatus.Unknown, verdict.Status);
        Assert.Equal(Conditions.MinimumAge, verdict.Unknown);
        Assert.Equal(0, verdict.MonthlyAmount);
    }
}
