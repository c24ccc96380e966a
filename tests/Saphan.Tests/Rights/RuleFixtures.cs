using Saphan.Rights;
using Saphan.Rights.Eligibility;

namespace Saphan.Tests.Rights;

/// <summary>The shipped rule book and people built for one condition at a time.</summary>
internal static class RuleFixtures
{
    private static int nextId = 1;

    /// <summary>The shipped catalogue as an in-memory rule book (versions numbered and approved as at first start).</summary>
    public static RuleBook ShippedBook()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var versions = RightsCatalogue.ShippedVersions()
            .GroupBy(v => v.Scheme)
            .SelectMany(g => g.OrderBy(v => v.From).Select((v, i) => WithId(RuleVersion.Shipped(v.Scheme, i + 1, v.From, v.Terms, v.Source, at))))
            .ToList();
        return new RuleBook(RightsCatalogue.Schemes(), versions);
    }

    /// <summary>Gives a version the id the database would (the evaluator caches compiled rules by id).</summary>
    public static RuleVersion WithId(RuleVersion version)
    {
        typeof(RuleVersion).GetProperty(nameof(RuleVersion.Id))!.SetValue(version, Interlocked.Increment(ref nextId));
        return version;
    }

    /// <summary>A Thai person with an ID, no pension, no income, no assets: every condition met unless a test changes one.</summary>
    public static PersonCase Qualifying(DateOnly born) => new()
    {
        BirthDate = PersonCase.Pack(born),
        HasValidCitizenId = true,
        ThaiNationality = Known.Yes,
        StatePension = Known.No,
        DisabilityRecorded = Known.Unknown,
        OwnIncome = 0,
        HouseholdIncomePerPerson = 0,
        FinancialAssets = 0,
    };

    public static Verdict Evaluate(RuleBook book, string scheme, in PersonCase person, DateOnly on)
    {
        var rules = book.RulesOn(on);
        return Evaluator.Evaluate(person, rules[book.IndexOf(scheme)], PersonCase.Pack(on));
    }

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
