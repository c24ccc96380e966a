using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saphan.Rights.Eligibility;

/// <summary>
/// The conditions and amounts of one rule version, as data. Every condition is optional: a scheme uses the ones its law
/// sets. Kept as JSON in <see cref="RuleVersion"/> so that a data steward can change a threshold or an amount without a
/// release; the evaluator reads them through <see cref="CompiledRule"/>.
/// </summary>
public sealed record RuleTerms
{
    /// <summary>Age on the evaluation day at least this (ครบ … ปีบริบูรณ์).</summary>
    public int? MinimumAge { get; init; }

    /// <summary>Age on the evaluation day below this ("until age 6": below 6).</summary>
    public int? BelowAge { get; init; }

    public bool ThaiNationality { get; init; }

    /// <summary>A Thai ID card (a valid 13-digit national ID) is needed before the person can apply.</summary>
    public bool ThaiIdCardFirst { get; init; }

    /// <summary>Not receiving a state pension or other regular state income.</summary>
    public bool NoStatePension { get; init; }

    /// <summary>Holds a disability ID card (บัตรประจำตัวคนพิการ).</summary>
    public bool DisabilityCard { get; init; }

    /// <summary>A disability has been recorded (by an assessment or a volunteer), with or without a card.</summary>
    public bool DisabilityRecorded { get; init; }

    /// <summary>Own income at most this many baht a year.</summary>
    public long? MaximumOwnIncome { get; init; }

    /// <summary>Household income at most this many baht per person a year.</summary>
    public long? MaximumHouseholdIncomePerPerson { get; init; }

    /// <summary>Deposits, savings, bonds and similar at most this many baht.</summary>
    public long? MaximumFinancialAssets { get; init; }

    /// <summary>Baht a month; 0 for a right without a cash amount (a card, health coverage).</summary>
    public int MonthlyAmount { get; init; }

    /// <summary>Stepped amounts by age: the step with the highest <see cref="AgeStep.FromAge"/> not above the age applies.</summary>
    public IReadOnlyList<AgeStep> AmountByAge { get; init; } = [];

    /// <summary>A higher amount below an age (disability allowance: 1,000 baht under 18).</summary>
    public AgeAmount? AmountBelowAge { get; init; }

    /// <summary>A higher amount for people enrolled in another scheme (disability allowance: 1,000 baht with a state welfare card).</summary>
    public SchemeAmount? AmountWithScheme { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RuleTerms FromJson(string json) => JsonSerializer.Deserialize<RuleTerms>(json, Json) ?? new RuleTerms();

    /// <summary>What is wrong with these terms, as text keys; empty when they can be proposed.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MinimumAge is < 0 or > 130 || BelowAge is < 0 or > 130) problems.Add("RuleProblemAge");
        if (MinimumAge is { } min && BelowAge is { } below && min >= below) problems.Add("RuleProblemAgeRange");
        if (MonthlyAmount < 0 || AmountByAge.Any(s => s.Amount < 0) || AmountBelowAge is { Amount: < 0 } || AmountWithScheme is { Amount: < 0 })
            problems.Add("RuleProblemAmount");
        if (MaximumOwnIncome < 0 || MaximumHouseholdIncomePerPerson < 0 || MaximumFinancialAssets < 0) problems.Add("RuleProblemLimit");
        if (AmountByAge.Select(s => s.FromAge).Distinct().Count() != AmountByAge.Count) problems.Add("RuleProblemSteps");
        return problems;
    }
}

public sealed record AgeStep(int FromAge, int Amount);

public sealed record AgeAmount(int Age, int Amount);

public sealed record SchemeAmount(string SchemeCode, int Amount);
