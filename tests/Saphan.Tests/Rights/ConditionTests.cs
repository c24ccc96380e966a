using Saphan.Linkage.Normalisation;
using Saphan.Rights;
using Saphan.Rights.Eligibility;
using static Saphan.Tests.Rights.RuleFixtures;

namespace Saphan.Tests.Rights;

/// <summary>Every condition at its limit, and what happens when the registry does not know a fact.</summary>
public sealed class ConditionTests
{
    private static readonly RuleBook Book = ShippedBook();
    private static readonly DateOnly On = D("2026-11-24");
    private static readonly DateOnly Adult = D("1980-05-05");

    [Theory]
    [InlineData(100_000, RightStatus.MissingOut)]
    [InlineData(100_001, RightStatus.NotEligible)]
    [InlineData(0, RightStatus.MissingOut)]
    public void State_welfare_card_own_income_limit_is_inclusive(long income, RightStatus status)
    {
        var verdict = Evaluate(Book, RightsCatalogue.StateWelfareCard, Qualifying(Adult) with { OwnIncome = income }, On);
        Assert.Equal(status, verdict.Status);
        Assert.Equal(status == RightStatus.NotEligible ? Conditions.OwnIncome : Conditions.None, verdict.Failed);
    }

    [Theory]
    [InlineData(100_000, RightStatus.MissingOut)]
    [InlineData(100_001, RightStatus.NotEligible)]
    public void State_welfare_card_financial_assets_limit_is_inclusive(long assets, RightStatus status) =>
        Assert.Equal(status, Evaluate(Book, RightsCatalogue.StateWelfareCard, Qualifying(Adult) with { FinancialAssets = assets }, On).Status);

    [Theory]
    [InlineData(100_000, RightStatus.MissingOut, 600)]
    [InlineData(100_001, RightStatus.NotEligible, 0)]
    public void Child_support_grant_household_income_limit_is_inclusive(long perPerson, RightStatus status, int amount)
    {
        var verdict = Evaluate(Book, RightsCatalogue.ChildSupportGrant, Qualifying(D("2023-01-01")) with { HouseholdIncomePerPerson = perPerson }, On);
        Assert.Equal(status, verdict.Status);
        Assert.Equal(amount, verdict.MonthlyAmount);
    }

    [Fact]
    public void Missing_facts_make_the_status_unknown_and_say_which()
    {
        var person = Qualifying(Adult) with { OwnIncome = PersonCase.NotKnown, FinancialAssets = PersonCase.NotKnown, ThaiNationality = Known.Unknown };
        var verdict = Evaluate(Book, RightsCatalogue.StateWelfareCard, person, On);

        Assert.Equal(RightStatus.Unknown, verdict.Status);
        Assert.Equal(Conditions.OwnIncome | Conditions.FinancialAssets | Conditions.ThaiNationality, verdict.Unknown);
        Assert.Equal(0, verdict.MonthlyAmount);
    }

    [Fact]
    public void A_failed_condition_outweighs_a_missing_fact()
    {
        // Income over the limit: not eligible, whatever the unknown assets would say.
        var person = Qualifying(Adult) with { OwnIncome = 250_000, FinancialAssets = PersonCase.NotKnown };
        var verdict = Evaluate(Book, RightsCatalogue.StateWelfareCard, person, On);

        Assert.Equal(RightStatus.NotEligible, verdict.Status);
        Assert.Equal(Conditions.OwnIncome, verdict.Failed);
        Assert.Equal(Conditions.FinancialAssets, verdict.Unknown);
    }

    [Theory]
    [InlineData(Known.Yes, RightStatus.NotEligible)]
    [InlineData(Known.No, RightStatus.MissingOut)]
    [InlineData(Known.Unknown, RightStatus.Unknown)]
    public void A_state_pension_rules_out_the_old_age_allowance(Known pension, RightStatus status) =>
        Assert.Equal(status, Evaluate(Book, RightsCatalogue.OldAgeAllowance, Qualifying(D("1950-03-03")) with { StatePension = pension }, On).Status);

    [Fact]
    public void Without_a_national_ID_an_allowance_is_eligible_but_the_ID_card_is_what_is_missed()
    {
        var person = Qualifying(D("1950-03-03")) with { HasValidCitizenId = false };

        var allowance = Evaluate(Book, RightsCatalogue.OldAgeAllowance, person, On);
        var card = Evaluate(Book, RightsCatalogue.ThaiIdCard, person, On);

        Assert.Equal(RightStatus.Eligible, allowance.Status);
        Assert.Equal(700, allowance.MonthlyAmount); // aged 76
        Assert.Equal(Conditions.ThaiIdCard, allowance.Failed);
        Assert.Equal(RightStatus.MissingOut, card.Status);
    }

    [Fact]
    public void An_enrolment_or_registry_evidence_makes_it_enrolled()
    {
        var person = Qualifying(D("1950-03-03")) with { Enrolled = 1u << Book.IndexOf(RightsCatalogue.OldAgeAllowance) };

        Assert.Equal(RightStatus.Enrolled, Evaluate(Book, RightsCatalogue.OldAgeAllowance, person, On).Status);
        Assert.Equal(700, Evaluate(Book, RightsCatalogue.OldAgeAllowance, person, On).MonthlyAmount);
        Assert.Equal(RightStatus.Enrolled, Evaluate(Book, RightsCatalogue.ThaiIdCard, person, On).Status); // a valid national ID
        Assert.Equal(RightStatus.Enrolled, Evaluate(Book, RightsCatalogue.DisabilityCard, person with { HasDisabilityCard = true }, On).Status);
    }

    [Fact]
    public void Someone_enrolled_who_no_longer_meets_the_conditions_stays_enrolled_and_the_failure_is_kept()
    {
        var person = Qualifying(D("1950-03-03")) with { StatePension = Known.Yes, Enrolled = 1u << Book.IndexOf(RightsCatalogue.OldAgeAllowance) };
        var verdict = Evaluate(Book, RightsCatalogue.OldAgeAllowance, person, On);

        Assert.Equal(RightStatus.Enrolled, verdict.Status);
        Assert.Equal(Conditions.NoStatePension, verdict.Failed);
        Assert.Contains(Explanation.ConditionLines(Book.InForce(RightsCatalogue.OldAgeAllowance, On)!.Terms, verdict, person, 76, new Dictionary<FactKind, FactSource>()),
            l => l.Key == "RightEnrolledButFails");
    }

    [Theory]
    [InlineData(false, false, 800)]
    [InlineData(true, false, 1000)]  // with a state welfare card
    [InlineData(false, true, 1000)]  // under 18
    [InlineData(true, true, 1000)]   // both: still 1,000, not 1,200
    public void Disability_allowance_is_1000_for_welfare_card_holders_and_children(bool welfareCard, bool child, int amount)
    {
        var person = Qualifying(child ? D("2015-01-01") : Adult) with
        {
            HasDisabilityCard = true,
            Enrolled = welfareCard ? 1u << Book.IndexOf(RightsCatalogue.StateWelfareCard) : 0,
        };
        Assert.Equal(amount, Evaluate(Book, RightsCatalogue.DisabilityAllowance, person, On).MonthlyAmount);
    }

    [Fact]
    public void No_disability_card_means_no_disability_allowance_but_a_recorded_disability_means_the_card_is_missed()
    {
        var person = Qualifying(Adult) with { DisabilityRecorded = Known.Yes };

        Assert.Equal(RightStatus.NotEligible, Evaluate(Book, RightsCatalogue.DisabilityAllowance, person, On).Status);
        Assert.Equal(RightStatus.MissingOut, Evaluate(Book, RightsCatalogue.DisabilityCard, person, On).Status);
        Assert.Equal(RightStatus.NotEligible, Evaluate(Book, RightsCatalogue.DisabilityCard, Qualifying(Adult), On).Status);
    }

    [Theory]
    [InlineData("310010012345", true, Known.Yes)]      // type 3: Thai in a house register
    [InlineData("110170020345", true, Known.Yes)]      // type 1
    [InlineData("510170020345", true, Known.Yes)]      // type 5
    [InlineData("610010012345", true, Known.No)]       // type 6: alien, temporary
    [InlineData("710010012345", true, Known.No)]       // type 7
    [InlineData("810010012345", true, Known.Unknown)]  // type 8: alien or naturalised
    [InlineData("910010012345", true, Known.Unknown)]  // 9 is not issued (demo numbers)
    [InlineData("310010012345", false, Known.Unknown)] // a wrong check digit says nothing
    public void Thai_nationality_follows_from_the_national_IDs_first_digit_when_no_fact_says(string first12, bool valid, Known expected)
    {
        var check = CitizenId.CheckDigit(first12);
        var id = CitizenId.Parse(first12 + (valid ? check : (check + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(valid, id.IsValid);
        Assert.Equal(expected, Population.NationalityFromCitizenId(id));
        Assert.Equal(Known.Unknown, Population.NationalityFromCitizenId(null));
    }

    [Fact]
    public void No_rule_in_force_is_not_eligible_with_that_reason()
    {
        var verdict = Evaluator.Evaluate(Qualifying(Adult), null, PersonCase.Pack(On));
        Assert.Equal(RightStatus.NotEligible, verdict.Status);
        Assert.Equal(Conditions.RuleInForce, verdict.Failed);
    }

    [Fact]
    public void Evaluating_everyone_in_parallel_gives_the_same_verdicts_as_one_by_one()
    {
        var random = new Random(5);
        var people = Enumerable.Range(0, 5000).Select(_ => Qualifying(D("1930-01-01").AddDays(random.Next(0, 35000))) with
        {
            OwnIncome = random.Next(-1, 200_000), HasValidCitizenId = random.Next(10) > 0, StatePension = (Known)random.Next(3),
            HasDisabilityCard = random.Next(20) == 0, Enrolled = (uint)random.Next(0, 128),
        }).ToArray();
        var rules = Book.RulesOn(On);
        var verdicts = new Verdict[people.Length * rules.Length];

        Evaluator.EvaluateAll(people, rules, PersonCase.Pack(On), verdicts);

        for (var i = 0; i < people.Length; i++)
            for (var s = 0; s < rules.Length; s++)
                Assert.Equal(Evaluator.Evaluate(people[i], rules[s], PersonCase.Pack(On)), verdicts[i * rules.Length + s]);
        Assert.Contains(verdicts, v => v.Status == RightStatus.MissingOut);
        Assert.Contains(verdicts, v => v.Status == RightStatus.Enrolled);
    }
}
