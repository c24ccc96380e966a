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
    /// through <paramref name="db"/>, the requesting viewer's context. The result is serialised as JSON.
    /// </summary>
    Task<object> ExportAsync(SaphanDb db, IReadOnlyCollection<Guid> people, IReadOnlyCollection<Guid> households, CancellationToken ct);
}
