using System.Globalization;

namespace Saphan.Assessment.Indicators;

public enum AnswerProblemKind
{
    /// <summary>กรุณาตอบข้อนี้</summary>
    Required = 1,

    /// <summary>Not a number (e.g. "สามพัน").</summary>
    NotANumber = 2,
    BelowMinimum = 3,
    AboveMaximum = 4,

    /// <summary>A yes/no answer given to a number question, or the other way round.</summary>
    WrongType = 5,
    DateInFuture = 6,
    NoMembers = 7,
    UnknownQuestion = 8,
    InvalidDate = 9,
    InvalidLocation = 10,
    PhotoTooLarge = 11,
    PhotoNotAnImage = 12,
    AlreadySubmitted = 13,
}

/// <summary>A problem with one answer (or with the assessment as a whole when <see cref="Code"/> is null).</summary>
public sealed record AnswerProblem(string? Code, Guid? PersonId, AnswerProblemKind Kind, decimal? Bound = null);

/// <summary>Checks answers against an indicator set: types, bounds (impossible values) and completeness.</summary>
public static class AnswerRules
{
    public static IEnumerable<AnswerProblem> CheckValues(IndicatorSet set, IReadOnlyDictionary<AnswerKey, AnswerValue> answers)
    {
        foreach (var (key, value) in answers)
        {
            if (value.IsEmpty) continue;
            if (set.Find(key.Code) is not { } indicator)
            {
                yield return new AnswerProblem(key.Code, key.PersonId, AnswerProblemKind.UnknownQuestion);
                continue;
            }
            if ((indicator.AnswerType == AnswerType.Number) != value.Number.HasValue || (indicator.AnswerType == AnswerType.YesNo) != value.YesNo.HasValue)
            {
                yield return new AnswerProblem(key.Code, key.PersonId, AnswerProblemKind.WrongType);
                continue;
            }
            if (value.Number < indicator.Minimum) yield return new AnswerProblem(key.Code, key.PersonId, AnswerProblemKind.BelowMinimum, indicator.Minimum);
            if (value.Number > indicator.Maximum) yield return new AnswerProblem(key.Code, key.PersonId, AnswerProblemKind.AboveMaximum, indicator.Maximum);
        }
    }

    /// <summary>Every household question answered, and every member question for each member it applies to on the day.</summary>
    public static IEnumerable<AnswerProblem> CheckComplete(IndicatorSet set, IReadOnlyList<MemberFacts> members,
        IReadOnlyDictionary<AnswerKey, AnswerValue> answers, DateOnly on)
    {
        foreach (var indicator in set.Indicators)
        {
            if (indicator.Subject == IndicatorSubject.Household)
            {
                if (answers.GetValueOrDefault(new AnswerKey(indicator.Code, null)).IsEmpty)
                    yield return new AnswerProblem(indicator.Code, null, AnswerProblemKind.Required);
                continue;
            }
            foreach (var member in Deprivations.AskedMembers(indicator, members, on))
                if (answers.GetValueOrDefault(new AnswerKey(indicator.Code, member.PersonId)).IsEmpty)
                    yield return new AnswerProblem(indicator.Code, member.PersonId, AnswerProblemKind.Required);
        }
    }

    /// <summary>
    /// Reads a number as volunteers type it on a phone: Thai digits (๐–๙), thousands separators and spaces are accepted
    /// ("38,000", "๓๘๐๐๐"); anything else is not a number. Empty text is no answer.
    /// </summary>
    public static bool TryReadNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var cleaned = new string(text.Trim()
            .Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c)
            .Where(c => c != ',' && !char.IsWhiteSpace(c))
            .ToArray());
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = parsed;
        return true;
    }
}
