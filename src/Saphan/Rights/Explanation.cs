using Saphan.Rights.Eligibility;

namespace Saphan.Rights;

/// <summary>One line of "why": a text key with its values, and whether the condition was met, failed or unknown.</summary>
public sealed record ReasonLine(ReasonOutcome Outcome, string Key, params object[] Values);

public enum ReasonOutcome
{
    Met,
    Failed,
    Unknown,
    Note,
}

/// <summary>What a fact said and where it came from, for the reasons (null source: derived from the registry).</summary>
public sealed record FactSource(string Source, DateOnly AsOf);

/// <summary>
/// Turns a verdict into plain sentences (text keys in Text.tsv, Thai first): a headline for the status and one line per
/// condition the rule sets, in the order an officer checks them.
/// </summary>
public static class Explanation
{
    public static ReasonLine Headline(Scheme scheme, Verdict verdict)
    {
        var cash = verdict.MonthlyAmount > 0;
        return verdict.Status switch
        {
            RightStatus.Enrolled => cash ? new(ReasonOutcome.Met, "RightWhyEnrolledAmount", verdict.MonthlyAmount) : new(ReasonOutcome.Met, "RightWhyEnrolled"),
            RightStatus.MissingOut => cash ? new(ReasonOutcome.Failed, "RightWhyMissingOutAmount", verdict.MonthlyAmount) : new(ReasonOutcome.Failed, "RightWhyMissingOut"),
            RightStatus.Eligible => cash ? new(ReasonOutcome.Note, "RightWhyEligibleAfterIdAmount", verdict.MonthlyAmount) : new(ReasonOutcome.Note, "RightWhyEligibleAfterId"),
            RightStatus.Unknown => new(ReasonOutcome.Unknown, "RightWhyUnknown"),
            _ => (verdict.Failed & Conditions.RuleInForce) != 0 ? new(ReasonOutcome.Failed, "RightWhyNoRule") : new(ReasonOutcome.Failed, "RightWhyNotEligible"),
        };
    }

    /// <summary>
    /// The conditions of <paramref name="terms"/> with their outcome for this person. <paramref name="age"/> is null when
    /// the birth date is not known; <paramref name="sources"/> says where nationality, pension and money facts came from.
    /// </summary>
    public static IReadOnlyList<ReasonLine> ConditionLines(RuleTerms terms, Verdict verdict, in PersonCase person, int? age,
        IReadOnlyDictionary<FactKind, FactSource> sources)
    {
        var lines = new List<ReasonLine>();
        var v = verdict;
        ReasonOutcome Outcome(Conditions c) =>
            (v.Met & c) != 0 ? ReasonOutcome.Met : (v.Failed & c) != 0 ? ReasonOutcome.Failed : ReasonOutcome.Unknown;
        string From(FactKind kind) => sources.TryGetValue(kind, out var s) ? s.Source : "";

        if (terms.MinimumAge is { } min)
        {
            var o = Outcome(Conditions.MinimumAge);
            lines.Add(o switch
            {
                ReasonOutcome.Met => new(o, "RightAgeAtLeastMet", age!, min),
                ReasonOutcome.Failed => new(o, "RightAgeAtLeastFailed", age!, min),
                _ => new(o, "RightAgeMissing"),
            });
        }
        if (terms.BelowAge is { } below)
        {
            var o = Outcome(Conditions.BelowAge);
            lines.Add(o switch
            {
                ReasonOutcome.Met => new(o, "RightAgeBelowMet", age!, below),
                ReasonOutcome.Failed => new(o, "RightAgeBelowFailed", age!, below),
                _ => new(o, "RightAgeMissing"),
            });
        }
        if (terms.ThaiNationality)
        {
            var o = Outcome(Conditions.ThaiNationality);
            var from = sources.ContainsKey(FactKind.ThaiNationality) ? From(FactKind.ThaiNationality) : null;
            lines.Add(o switch
            {
                ReasonOutcome.Met => from is null ? new(o, "RightThaiFromId") : new(o, "RightThaiMet", from),
                ReasonOutcome.Failed => from is null ? new(o, "RightNotThaiFromId") : new(o, "RightThaiFailed", from),
                _ => new(o, "RightThaiMissing"),
            });
        }
        if (terms.NoStatePension)
        {
            var o = Outcome(Conditions.NoStatePension);
            lines.Add(o switch
            {
                ReasonOutcome.Met => new(o, "RightPensionNone", From(FactKind.StatePension)),
                ReasonOutcome.Failed => new(o, "RightPensionReceives", From(FactKind.StatePension)),
                _ => new(o, "RightPensionMissing"),
            });
        }
        if (terms.DisabilityCard)
        {
            var o = Outcome(Conditions.DisabilityCard);
            lines.Add(new(o, o == ReasonOutcome.Met ? "RightDisabilityCardHas" : "RightDisabilityCardNone"));
        }
        if (terms.DisabilityRecorded)
        {
            var o = Outcome(Conditions.DisabilityRecorded);
            lines.Add(new(o, o == ReasonOutcome.Met ? "RightDisabilityRecorded" : "RightDisabilityNotRecorded"));
        }
        Money(terms.MaximumOwnIncome, Conditions.OwnIncome, person.OwnIncome, "RightIncome", FactKind.OwnIncome);
        Money(terms.MaximumHouseholdIncomePerPerson, Conditions.HouseholdIncome, person.HouseholdIncomePerPerson, "RightHouseholdIncome", null);
        Money(terms.MaximumFinancialAssets, Conditions.FinancialAssets, person.FinancialAssets, "RightAssets", FactKind.FinancialAssets);
        if (terms.ThaiIdCardFirst)
        {
            var o = Outcome(Conditions.ThaiIdCard);
            lines.Add(new(o, o == ReasonOutcome.Met ? "RightIdHas" : "RightIdNeeded"));
        }
        if (verdict.Status == RightStatus.Enrolled && (verdict.Failed & ~Conditions.ThaiIdCard) != 0)
            lines.Add(new(ReasonOutcome.Note, "RightEnrolledButFails"));
        return lines;

        void Money(long? limit, Conditions condition, long value, string key, FactKind? kind)
        {
            if (limit is not { } max) return;
            var o = Outcome(condition);
            var from = kind is { } k ? From(k) : "";
            lines.Add(o switch
            {
                ReasonOutcome.Met => new(o, key + "Met", value, max, from),
                ReasonOutcome.Failed => new(o, key + "Failed", value, max, from),
                _ => new(o, key + "Missing"),
            });
        }
    }
}
