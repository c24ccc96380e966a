namespace Saphan.Assessment.Indicators;

/// <summary>What the rules need to know about a household member on the assessment date.</summary>
public sealed record MemberFacts(Guid PersonId, string Name, DateOnly? BirthDate, bool Disabled, bool Bedridden)
{
    /// <summary>Completed years on <paramref name="day"/>; a birthday on that day counts as completed. Unknown without a birth date.</summary>
    public int? AgeOn(DateOnly day)
    {
        if (BirthDate is not { } born) return null;
        var age = day.Year - born.Year;
        if (day < born.AddYears(age)) age--;
        return age;
    }
}

/// <summary>An answer to one question, for the household (<see cref="PersonId"/> null) or one member.</summary>
public readonly record struct AnswerKey(string Code, Guid? PersonId);

public readonly record struct AnswerValue(decimal? Number, bool? YesNo)
{
    public object? AsRuleValue => (object?)Number ?? YesNo;
    public bool IsEmpty => Number is null && YesNo is null;
}

/// <summary>One indicator's outcome for a household.</summary>
public sealed record IndicatorResult(Indicator Indicator, bool Applicable, bool Deprived, decimal Weight, IReadOnlyList<Guid> DeprivedMembers);

/// <summary>
/// A household's deprivation profile under one indicator set: which indicators and dimensions, the score (weighted share of
/// indicators deprived, 0–1, kept in basis points so that sums over areas are exact) and whether it is poor.
/// </summary>
public sealed record DeprivationProfile(IReadOnlyList<IndicatorResult> Results, int ScoreBasisPoints, bool IsPoor)
{
    public decimal Score => ScoreBasisPoints / 10_000m;
    public IEnumerable<IndicatorResult> Deprived => Results.Where(r => r.Deprived);
    public bool IsDeprivedIn(Dimension dimension) => Results.Any(r => r.Deprived && r.Indicator.Dimension == dimension);
}

/// <summary>Evaluates an indicator set's rules over a household's answers: the interpreter's only caller.</summary>
public static class Deprivations
{
    public static IEnumerable<MemberFacts> AskedMembers(Indicator indicator, IReadOnlyList<MemberFacts> members, DateOnly on) =>
        indicator.Subject == IndicatorSubject.Household ? [] : members.Where(m => indicator.AskWhenRule.IsTrue(Lookup(m, null, members.Count, on)));

    public static DeprivationProfile Evaluate(IndicatorSet set, IReadOnlyList<MemberFacts> members,
        IReadOnlyDictionary<AnswerKey, AnswerValue> answers, DateOnly on)
    {
        var results = new List<IndicatorResult>();
        decimal score = 0;
        foreach (var indicator in set.Indicators)
        {
            var weight = set.WeightOf(indicator);
            IndicatorResult result;
            if (indicator.Subject == IndicatorSubject.Household)
            {
                var answer = answers.GetValueOrDefault(new AnswerKey(indicator.Code, null));
                var deprived = indicator.DeprivedWhenRule.IsTrue(name => name switch
                {
                    "answer" => answer.AsRuleValue,
                    "members" => (decimal)members.Count,
                    _ => null,
                });
                result = new IndicatorResult(indicator, true, deprived, weight, []);
            }
            else
            {
                var asked = AskedMembers(indicator, members, on).ToList();
                var deprivedMembers = asked
                    .Where(m => indicator.DeprivedWhenRule.IsTrue(Lookup(m, answers.GetValueOrDefault(new AnswerKey(indicator.Code, m.PersonId)), members.Count, on)))
                    .Select(m => m.PersonId)
                    .ToList();
                result = new IndicatorResult(indicator, asked.Count > 0, deprivedMembers.Count > 0, weight, deprivedMembers);
            }
            // Alkire–Foster convention: an indicator that applies to nobody in the household counts as not deprived.
            if (result.Deprived) score += weight;
            results.Add(result);
        }
        var basisPoints = ToBasisPoints(score);
        return new DeprivationProfile(results, basisPoints, basisPoints >= ToBasisPoints(set.PoorCutoff));
    }

    public static int ToBasisPoints(decimal share) => (int)Math.Round(share * 10_000m, MidpointRounding.AwayFromZero);

    private static Func<string, object?> Lookup(MemberFacts member, AnswerValue? answer, int memberCount, DateOnly on) => name => name switch
    {
        "answer" => answer?.AsRuleValue,
        "members" => (decimal)memberCount,
        "age" => member.AgeOn(on) is { } age ? (decimal)age : null,
        "disabled" => member.Disabled,
        "bedridden" => member.Bedridden,
        _ => null,
    };
}
