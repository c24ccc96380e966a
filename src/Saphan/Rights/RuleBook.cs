using Microsoft.EntityFrameworkCore;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>
/// The schemes and their rule versions as loaded from the database: which version is in force on a day (the approved
/// one with the latest effective date not after it; a later-proposed correction wins a tie), compiled for the evaluator.
/// A draft can be put in its scheme's place to see what it would change before anyone approves it.
/// </summary>
public sealed class RuleBook
{
    private readonly Dictionary<int, CompiledRule> compiled = [];

    public RuleBook(IReadOnlyList<Scheme> schemes, IReadOnlyList<RuleVersion> versions)
    {
        Schemes = schemes.OrderBy(s => s.Order).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        if (Schemes.Count > 32) throw new InvalidOperationException("At most 32 schemes can be evaluated together.");
        Versions = versions;
    }

    public IReadOnlyList<Scheme> Schemes { get; }
    public IReadOnlyList<RuleVersion> Versions { get; }

    public static async Task<RuleBook> LoadAsync(SaphanDb db, CancellationToken ct = default) =>
        new(await db.RightsSchemes.AsNoTracking().ToListAsync(ct), await db.RuleVersions.AsNoTracking().ToListAsync(ct));

    public int IndexOf(string schemeCode)
    {
        for (var i = 0; i < Schemes.Count; i++)
            if (Schemes[i].Code == schemeCode) return i;
        return -1;
    }

    public Scheme? Scheme(string code) => Schemes.FirstOrDefault(s => s.Code == code);

    /// <summary>The version of <paramref name="schemeCode"/> in force on <paramref name="day"/>, with <paramref name="draft"/> counted as approved.</summary>
    public RuleVersion? InForce(string schemeCode, DateOnly day, RuleVersion? draft = null) =>
        Versions.Where(v => v.SchemeCode == schemeCode && (v.Status == RuleVersionStatus.Approved || (draft is not null && v.Id == draft.Id)))
            .Concat(draft is not null && draft.SchemeCode == schemeCode && Versions.All(v => v.Id != draft.Id) ? [draft] : [])
            .Where(v => v.EffectiveFrom <= day)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number)
            .FirstOrDefault();

    /// <summary>One compiled rule per scheme (in <see cref="Schemes"/> order), null where no version is in force.</summary>
    public CompiledRule?[] RulesOn(DateOnly day, RuleVersion? draft = null) =>
        Schemes.Select((s, i) => InForce(s.Code, day, draft) is { } v ? Compile(s, i, v) : null).ToArray();

    public CompiledRule Compile(Scheme scheme, int index, RuleVersion version)
    {
        if (version.Id != 0 && compiled.TryGetValue(version.Id, out var rule)) return rule;
        rule = new CompiledRule(scheme.Code, index, scheme.Evidence, version.Id, version.Terms, IndexOf);
        if (version.Id != 0) compiled[version.Id] = rule;
        return rule;
    }
}
