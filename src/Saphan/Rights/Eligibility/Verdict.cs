namespace Saphan.Rights.Eligibility;

/// <summary>
/// The outcome of one rule for one person on one day: the status, the monthly amount (received, or forgone, or to come),
/// and which conditions were met, failed or could not be checked — enough to say why, in words, afterwards.
/// </summary>
public readonly record struct Verdict(RightStatus Status, int MonthlyAmount, Conditions Met, Conditions Failed, Conditions Unknown)
{
    /// <summary>Meets the conditions, whether or not enrolled yet.</summary>
    public bool CountsAsEligible => Status is RightStatus.Eligible or RightStatus.MissingOut or RightStatus.Enrolled;
}
