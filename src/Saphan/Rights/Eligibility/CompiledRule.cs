namespace Saphan.Rights.Eligibility;

/// <summary>
/// One rule version flattened for the evaluator: plain fields instead of the JSON terms, the other scheme of
/// <see cref="RuleTerms.AmountWithScheme"/> resolved to its bit, the age steps sorted. Immutable and shared across threads.
/// </summary>
public sealed class CompiledRule
{
    public CompiledRule(string schemeCode, int schemeIndex, Evidence evidence, int ruleVersionId, RuleTerms terms, Func<string, int> schemeIndexOf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schemeIndexOf);
        if (schemeIndex is < 0 or > 31) throw new ArgumentOutOfRangeException(nameof(schemeIndex), "At most 32 schemes.");
        SchemeCode = schemeCode;
        SchemeIndex = schemeIndex;
        Evidence = evidence;
        RuleVersionId = ruleVersionId;
        Terms = terms;
        MinimumAge = terms.MinimumAge ?? -1;
        BelowAge = terms.BelowAge ?? -1;
        MaximumOwnIncome = terms.MaximumOwnIncome ?? -1;
        MaximumHouseholdIncome = terms.MaximumHouseholdIncomePerPerson ?? -1;
        MaximumAssets = terms.MaximumFinancialAssets ?? -1;
        var steps = terms.AmountByAge.OrderBy(s => s.FromAge).ToArray();
        StepAges = steps.Select(s => s.FromAge).ToArray();
        StepAmounts = steps.Select(s => s.Amount).ToArray();
        if (terms.AmountWithScheme is { } with)
        {
            var index = schemeIndexOf(with.SchemeCode);
            WithSchemeMask = index >= 0 ? 1u << index : 0;
            WithSchemeAmount = with.Amount;
        }
        NeedsAge = MinimumAge >= 0 || BelowAge >= 0 || StepAges.Length > 0 || terms.AmountBelowAge is not null;
    }

    public string SchemeCode { get; }
    public int SchemeIndex { get; }
    public Evidence Evidence { get; }
    public int RuleVersionId { get; }
    public RuleTerms Terms { get; }

    internal readonly int MinimumAge;
    internal readonly int BelowAge;
    internal readonly long MaximumOwnIncome;
    internal readonly long MaximumHouseholdIncome;
    internal readonly long MaximumAssets;
    internal readonly int[] StepAges;
    internal readonly int[] StepAmounts;
    internal readonly uint WithSchemeMask;
    internal readonly int WithSchemeAmount;
    internal readonly bool NeedsAge;
}
