namespace Saphan.Registry.Sources;

/// <summary>
/// A pair of agency records the linkage engine was unsure about (between the lower and upper thresholds), waiting for a
/// data steward. The decision is kept for ever and respected by every later automatic run: "not the same person" is
/// never linked again automatically.
/// </summary>
public sealed class ReviewPair
{
    private ReviewPair() { }

    public long Id { get; private set; }
    public int SourceIdA { get; private set; }
    public string RecordKeyA { get; private set; } = "";
    public int SourceIdB { get; private set; }
    public string RecordKeyB { get; private set; } = "";
    public double Weight { get; private set; }

    /// <summary>The engine's explanation: each field's comparison level and what it added to the weight.</summary>
    public string Explanation { get; private set; } = "";

    /// <summary>The district of the records (for routing the queue), when known.</summary>
    public string? DistrictCode { get; private set; }

    public ReviewStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Pairs are stored in a canonical order, so (a, b) and (b, a) are the same pair.</summary>
    public static ReviewPair Create(int sourceA, string keyA, int sourceB, string keyB, double weight, string explanation, string? district, DateTimeOffset now)
    {
        if (sourceA == sourceB && keyA == keyB) throw new ArgumentException("A record is not paired with itself.");
        var swap = sourceA > sourceB || (sourceA == sourceB && string.CompareOrdinal(keyA, keyB) > 0);
        return swap
            ? Create(sourceB, keyB, sourceA, keyA, weight, explanation, district, now)
            : new ReviewPair
            {
                SourceIdA = sourceA, RecordKeyA = keyA, SourceIdB = sourceB, RecordKeyB = keyB, Weight = weight,
                Explanation = explanation, DistrictCode = district, Status = ReviewStatus.Open, CreatedAt = now,
            };
    }

    /// <summary>Changes an earlier decision (a split overrides "same"); the audit log keeps what it was.</summary>
    public void Reconsider(ReviewStatus decision, string by, DateTimeOffset now)
    {
        if (decision == ReviewStatus.Open) throw new ArgumentException("A decision is same, not same, or skip.", nameof(decision));
        Status = decision;
        DecidedBy = by;
        DecidedAt = now;
    }

    public void Decide(ReviewStatus decision, string by, DateTimeOffset now)
    {
        if (decision == ReviewStatus.Open) throw new ArgumentException("A decision is same, not same, or skip.", nameof(decision));
        if (Status is ReviewStatus.Same or ReviewStatus.NotSame) throw new InvalidOperationException("This pair has been decided already.");
        Status = decision;
        DecidedBy = by;
        DecidedAt = now;
    }
}

public enum ReviewStatus
{
    Open = 0,
    Same = 1,
    NotSame = 2,

    /// <summary>Looked at, left for later or for someone who knows more; stays in the queue after the open ones.</summary>
    Skipped = 3,
}
