using System.Globalization;
using Saphan.Localization;
using Saphan.Rights.Eligibility;

namespace Saphan.Rights;

/// <summary>The rule editor's fields as typed (text), to and from <see cref="RuleTerms"/>.</summary>
public sealed class RuleForm
{
    public string EffectiveFrom { get; set; } = "";
    public string MinimumAge { get; set; } = "";
    public string BelowAge { get; set; } = "";
    public string MonthlyAmount { get; set; } = "";

    /// <summary>"60:600, 70:700" — from age : baht.</summary>
    public string Steps { get; set; } = "";
    public string MaximumOwnIncome { get; set; } = "";
    public string MaximumHousehold { get; set; } = "";
    public string MaximumAssets { get; set; } = "";

    /// <summary>"18:1000" — below age : baht.</summary>
    public string BelowAgeAmount { get; set; } = "";

    /// <summary>"state-welfare-card:1000" — scheme code : baht.</summary>
    public string WithSchemeAmount { get; set; } = "";
    public bool ThaiNationality { get; set; }
    public bool ThaiIdCardFirst { get; set; }
    public bool NoStatePension { get; set; }
    public bool DisabilityCard { get; set; }
    public bool DisabilityRecorded { get; set; }
    public string LegalSource { get; set; } = "";
    public string? Note { get; set; }

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static RuleForm From(RuleTerms terms, DateOnly effectiveFrom, string legalSource) => new()
    {
        EffectiveFrom = DateText.Show(effectiveFrom),
        MinimumAge = Text(terms.MinimumAge), BelowAge = Text(terms.BelowAge), MonthlyAmount = Text(terms.MonthlyAmount),
        Steps = string.Join(", ", terms.AmountByAge.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.FromAge}:{s.Amount}"))),
        MaximumOwnIncome = Text(terms.MaximumOwnIncome), MaximumHousehold = Text(terms.MaximumHouseholdIncomePerPerson), MaximumAssets = Text(terms.MaximumFinancialAssets),
        BelowAgeAmount = terms.AmountBelowAge is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b.Age}:{b.Amount}") : "",
        WithSchemeAmount = terms.AmountWithScheme is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.SchemeCode}:{w.Amount}") : "",
        ThaiNationality = terms.ThaiNationality, ThaiIdCardFirst = terms.ThaiIdCardFirst, NoStatePension = terms.NoStatePension,
        DisabilityCard = terms.DisabilityCard, DisabilityRecorded = terms.DisabilityRecorded, LegalSource = legalSource,
    };

    /// <summary>Reads the fields; false with a text key when one cannot be read.</summary>
    public bool TryBuild(out RuleTerms terms, out DateOnly effectiveFrom, out string problemKey)
    {
        terms = new RuleTerms();
        problemKey = "RuleProblemForm";
        if (!DateText.TryParse(EffectiveFrom, out effectiveFrom)) { problemKey = "RightsBadDate"; return false; }
        if (!Number(MinimumAge, out var min) || !Number(BelowAge, out var below) || !Number(MonthlyAmount, out var amount)
            || !Number(MaximumOwnIncome, out var income) || !Number(MaximumHousehold, out var household) || !Number(MaximumAssets, out var assets))
            return false;
        var steps = new List<AgeStep>();
        foreach (var part in Steps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Pair(part, out var left, out var right) || !int.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var age)) return false;
            steps.Add(new AgeStep(age, right));
        }
        AgeAmount? belowAmount = null;
        if (BelowAgeAmount.Trim().Length > 0)
        {
            if (!Pair(BelowAgeAmount, out var left, out var right) || !int.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var age)) return false;
            belowAmount = new AgeAmount(age, right);
        }
        SchemeAmount? withAmount = null;
        if (WithSchemeAmount.Trim().Length > 0)
        {
            if (!Pair(WithSchemeAmount, out var code, out var right)) return false;
            withAmount = new SchemeAmount(code, right);
        }
        terms = new RuleTerms
        {
            MinimumAge = (int?)min, BelowAge = (int?)below, MonthlyAmount = (int)(amount ?? 0), AmountByAge = steps,
            MaximumOwnIncome = income, MaximumHouseholdIncomePerPerson = household, MaximumFinancialAssets = assets,
            AmountBelowAge = belowAmount, AmountWithScheme = withAmount, ThaiNationality = ThaiNationality, ThaiIdCardFirst = ThaiIdCardFirst,
            NoStatePension = NoStatePension, DisabilityCard = DisabilityCard, DisabilityRecorded = DisabilityRecorded,
        };
        if (terms.Problems() is { Count: > 0 } problems) { problemKey = problems[0]; return false; }
        return true;
    }

    private static bool Number(string text, out long? value)
    {
        value = null;
        var t = text.Replace(",", "", StringComparison.Ordinal).Trim();
        if (t.Length == 0) return true;
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v > int.MaxValue) return false;
        value = v;
        return true;
    }

    private static bool Pair(string text, out string left, out int right)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        left = parts[0];
        right = 0;
        return parts.Length == 2 && left.Length > 0 && int.TryParse(parts[1].Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out right);
    }
}
