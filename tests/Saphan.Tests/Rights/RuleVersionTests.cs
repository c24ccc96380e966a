using Saphan.Rights;
using Saphan.Rights.Eligibility;
using static Saphan.Tests.Rights.RuleFixtures;

namespace Saphan.Tests.Rights;

/// <summary>Effective dates of every shipped version, and maker–checker on new ones.</summary>
public sealed class RuleVersionTests
{
    private static readonly RuleBook Book = ShippedBook();

    public static TheoryData<string, string> FirstVersions() => new()
    {
        { RightsCatalogue.ThaiIdCard, "2011-07-10" },
        { RightsCatalogue.HealthCoverage, "2002-11-19" },
        { RightsCatalogue.DisabilityCard, "2007-09-28" },
        { RightsCatalogue.StateWelfareCard, "2022-09-05" },
        { RightsCatalogue.OldAgeAllowance, "2011-10-01" },
        { RightsCatalogue.DisabilityAllowance, "2020-10-01" },
        { RightsCatalogue.ChildSupportGrant, "2019-10-01" },
    };

    [Theory]
    [MemberData(nameof(FirstVersions))]
    public void No_rule_applies_the_day_before_a_schemes_first_version_and_it_applies_on_the_day(string scheme, string effective)
    {
        var day = D(effective);
        Assert.Null(Book.InForce(scheme, day.AddDays(-1)));
        Assert.Equal(day, Book.InForce(scheme, day)!.EffectiveFrom);
        // An otherwise qualifying person is refused for want of a rule the day before.
        var person = Qualifying(D("1940-01-01")) with { HasDisabilityCard = true, DisabilityRecorded = Known.Yes };
        Assert.Equal(Conditions.RuleInForce, Evaluate(Book, scheme, person, day.AddDays(-1)).Failed);
    }

    [Theory]
    [InlineData("2022-03-31", 1, 800)]   // rates of 1 Oct 2011
    [InlineData("2022-04-01", 2, 1000)]  // the temporary top-up from 1 Apr 2022
    [InlineData("2022-09-30", 2, 1000)]
    [InlineData("2022-10-01", 3, 800)]   // back to the stepped rates from 1 Oct 2022
    public void Old_age_allowance_versions_take_effect_on_their_day(string on, int version, int amountAt85)
    {
        Assert.Equal(version, Book.InForce(RightsCatalogue.OldAgeAllowance, D(on))!.Number);
        Assert.Equal(amountAt85, Evaluate(Book, RightsCatalogue.OldAgeAllowance, Qualifying(D("1937-01-01")), D(on)).MonthlyAmount);
    }

    [Theory]
    [InlineData("2020-09-30", RightStatus.NotEligible, 0)]
    [InlineData("2020-10-01", RightStatus.MissingOut, 1000)]
    public void The_1000_baht_disability_rate_for_welfare_card_holders_starts_1_October_2020(string on, RightStatus status, int amount)
    {
        var person = Qualifying(D("1970-01-01")) with { HasDisabilityCard = true, Enrolled = 1u << Book.IndexOf(RightsCatalogue.StateWelfareCard) };
        var verdict = Evaluate(Book, RightsCatalogue.DisabilityAllowance, person, D(on));
        Assert.Equal(status, verdict.Status);
        Assert.Equal(amount, verdict.MonthlyAmount);
    }

    [Fact]
    public void A_draft_takes_effect_only_when_put_in_place_and_only_from_its_day()
    {
        var terms = Book.InForce(RightsCatalogue.OldAgeAllowance, D("2026-11-24"))!.Terms with { MonthlyAmount = 700, AmountByAge = [new(60, 700), new(70, 850), new(80, 1000), new(90, 1250)] };
        var draft = WithId(RuleVersion.Propose(RightsCatalogue.OldAgeAllowance, 4, D("2027-10-01"), terms, "proposal", null, "u1", "steward1", DateTimeOffset.UnixEpoch));
        var book = new RuleBook(Book.Schemes, [.. Book.Versions, draft]);
        var person = Qualifying(D("1960-01-01"));

        Assert.Equal(3, book.InForce(RightsCatalogue.OldAgeAllowance, D("2027-10-01"))!.Number); // a draft is never applied
        Assert.Equal(3, book.InForce(RightsCatalogue.OldAgeAllowance, D("2027-09-30"), draft)!.Number);
        Assert.Equal(4, book.InForce(RightsCatalogue.OldAgeAllowance, D("2027-10-01"), draft)!.Number);
        Assert.Equal(600, Evaluator.Evaluate(person, book.RulesOn(D("2027-09-30"), draft)[book.IndexOf(RightsCatalogue.OldAgeAllowance)], PersonCase.Pack(D("2027-09-30"))).MonthlyAmount);
        Assert.Equal(700, Evaluator.Evaluate(person, book.RulesOn(D("2027-10-01"), draft)[book.IndexOf(RightsCatalogue.OldAgeAllowance)], PersonCase.Pack(D("2027-10-01"))).MonthlyAmount);
    }

    [Fact]
    public void A_correction_with_the_same_effective_day_replaces_the_earlier_version()
    {
        var v3 = Book.InForce(RightsCatalogue.OldAgeAllowance, D("2026-01-01"))!;
        var correction = WithId(RuleVersion.Propose(RightsCatalogue.OldAgeAllowance, 4, v3.EffectiveFrom, v3.Terms with { MinimumAge = 61 }, "erratum", null, "u1", "a", DateTimeOffset.UnixEpoch));
        correction.Approve("u2", "b", null, DateTimeOffset.UnixEpoch);
        var book = new RuleBook(Book.Schemes, [.. Book.Versions, correction]);

        Assert.Equal(4, book.InForce(RightsCatalogue.OldAgeAllowance, D("2026-01-01"))!.Number);
    }

    [Fact]
    public void The_proposer_cannot_approve_or_reject_their_own_draft()
    {
        var draft = RuleVersion.Propose(RightsCatalogue.ChildSupportGrant, 2, D("2027-01-01"), new RuleTerms { BelowAge = 7, MonthlyAmount = 600 }, "proposal", null, "u1", "a", DateTimeOffset.UnixEpoch);

        Assert.Equal("RuleProblemOwnDraft", Assert.Throws<RuleVersionException>(() => draft.Approve("u1", "a", null, DateTimeOffset.UnixEpoch)).TextKey);
        Assert.Equal("RuleProblemOwnDraft", Assert.Throws<RuleVersionException>(() => draft.Reject("u1", "a", null, DateTimeOffset.UnixEpoch)).TextKey);
        Assert.Equal(RuleVersionStatus.Draft, draft.Status);

        draft.Approve("u2", "b", "checked against the Royal Gazette", DateTimeOffset.UnixEpoch);
        Assert.Equal(RuleVersionStatus.Approved, draft.Status);
        Assert.Equal("u2", draft.DecidedById);
        Assert.Equal("RuleProblemNotDraft", Assert.Throws<RuleVersionException>(() => draft.Reject("u3", "c", null, DateTimeOffset.UnixEpoch)).TextKey);
    }

    [Theory]
    [InlineData(-1, null, 600, "RuleProblemAge")]
    [InlineData(60, 60, 600, "RuleProblemAgeRange")]
    [InlineData(60, null, -600, "RuleProblemAmount")]
    public void Terms_that_cannot_be_right_are_refused(int? min, int? below, int amount, string problem)
    {
        var terms = new RuleTerms { MinimumAge = min, BelowAge = below, MonthlyAmount = amount };
        Assert.Equal(problem, Assert.Throws<RuleVersionException>(() =>
            RuleVersion.Propose(RightsCatalogue.OldAgeAllowance, 9, D("2027-01-01"), terms, "x", null, "u1", "a", DateTimeOffset.UnixEpoch)).TextKey);
    }

    [Fact]
    public void A_version_needs_a_legal_source()
    {
        Assert.Equal("RuleProblemLegalSource", Assert.Throws<RuleVersionException>(() =>
            RuleVersion.Propose(RightsCatalogue.OldAgeAllowance, 9, D("2027-01-01"), new RuleTerms(), " ", null, "u1", "a", DateTimeOffset.UnixEpoch)).TextKey);
    }

    [Fact]
    public void Terms_survive_the_round_trip_through_json()
    {
        foreach (var (_, _, terms, _) in RightsCatalogue.ShippedVersions())
            Assert.Equal(terms.ToJson(), RuleTerms.FromJson(terms.ToJson()).ToJson());
        var disability = RightsCatalogue.ShippedVersions().Single(v => v.Scheme == RightsCatalogue.DisabilityAllowance).Terms;
        Assert.Equal(new SchemeAmount(RightsCatalogue.StateWelfareCard, 1000), RuleTerms.FromJson(disability.ToJson()).AmountWithScheme);
    }

    [Fact]
    public void The_rule_form_reads_back_what_it_shows()
    {
        var terms = RightsCatalogue.ShippedVersions().Last(v => v.Scheme == RightsCatalogue.OldAgeAllowance).Terms;
        var form = RuleForm.From(terms, D("2027-10-01"), "source");
        form.Steps = "60:700, 70:850, 80:1000, 90:1250";

        Assert.True(form.TryBuild(out var read, out var effective, out _));
        Assert.Equal(D("2027-10-01"), effective);
        Assert.Equal([new(60, 700), new(70, 850), new(80, 1000), new(90, 1250)], read.AmountByAge);
        Assert.True(read.NoStatePension);

        form.Steps = "60-700";
        Assert.False(form.TryBuild(out _, out _, out var problem));
        Assert.Equal("RuleProblemForm", problem);
    }
}
