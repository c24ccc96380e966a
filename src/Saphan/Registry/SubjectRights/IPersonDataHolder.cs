using Saphan.Storage;

namespace Saphan.Registry.SubjectRights;

/// <summary>
/// A capability that keeps its own data about people (rights and welfare, the family report card) adds it to the answer
/// of a PDPA access request (s.30), so that the answer is everything Saphan holds while the registry knows nothing about them.
/// </summary>
public interface IPersonDataHolder
{
    /// <summary>The section's name in the exported document.</summary>
    string Section { get; }

    /// <summary>
    /// What the capability holds about the person (and about the people merged into them, whose data it took over), read
    /// through <paramref name="db"/>, the requesting viewer's context. Household data counts only from the person's
    /// <paramref name="stays"/>: what a household recorded after they left is about the others. Serialised as JSON.
    /// </summary>
    Task<object> ExportAsync(SaphanDb db, IReadOnlyCollection<Guid> people, IReadOnlyList<HouseholdStay> stays, CancellationToken ct);
}

/// <summary>A stay of the person in a household, from when to when (open while they live there).</summary>
public sealed record HouseholdStay(Guid HouseholdId, DateTimeOffset From, DateTimeOffset? To)
{
    public bool Covers(Guid household, DateTimeOffset at) => household == HouseholdId && at >= From && (To is null || at < To);

    /// <summary>A day in the stay, in Bangkok's calendar (an assessment's visit date).</summary>
    public bool Covers(Guid household, DateOnly day) =>
        household == HouseholdId && day >= Localization.BangkokTime.DayOf(From) && (To is null || day <= Localization.BangkokTime.DayOf(To.Value));
}
