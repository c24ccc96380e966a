using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Registry;

namespace Saphan.Rights;

/// <summary>
/// A person referred from one agency to another (การส่งต่อ), for a scheme they miss or another reason, with a status and a
/// due date. The working-groups capability extends it (follow-up, deadlines across agencies); rights create the first ones.
/// </summary>
public sealed class Referral
{
    private Referral() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>The scheme the person is referred for; null for a referral about something else.</summary>
    public string? SchemeCode { get; private set; }

    /// <summary>Agency codes (<see cref="Agencies"/>): <c>district:1001</c>, <c>dep:OlderPersons</c>, <c>nhso</c>…</summary>
    public string FromAgency { get; private set; } = "";
    public string ToAgency { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public ReferralStatus Status { get; private set; }
    public DateOnly DueDate { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? StatusNote { get; private set; }

    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted;

    public static Referral Create(Guid personId, string? schemeCode, string fromAgency, string toAgency, string reason, DateOnly dueDate,
        DateOnly today, string byId, string byName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A referral needs a reason.", nameof(reason));
        if (string.IsNullOrWhiteSpace(toAgency)) throw new ArgumentException("A referral needs an agency to go to.", nameof(toAgency));
        if (dueDate < today) throw new ArgumentException("The due date is in the past.", nameof(dueDate));
        return new Referral
        {
            Id = Guid.CreateVersion7(at), PersonId = personId, SchemeCode = schemeCode, FromAgency = fromAgency, ToAgency = toAgency,
            Reason = reason.Trim(), Status = ReferralStatus.Sent, DueDate = dueDate, CreatedById = byId, CreatedByName = byName,
            CreatedAt = at, UpdatedAt = at,
        };
    }

    /// <summary>Linkage found the person to be someone already known: the referral is about the survivor.</summary>
    internal void FollowMerge(Guid survivor, DateTimeOffset at)
    {
        PersonId = survivor;
        UpdatedAt = at;
    }

    /// <summary>Whether the referral may go from where it is now to <paramref name="status"/>.</summary>
    public bool CanMoveTo(ReferralStatus status) => (Status, status) switch
    {
        (ReferralStatus.Sent, ReferralStatus.Accepted or ReferralStatus.Declined or ReferralStatus.Withdrawn or ReferralStatus.Done) => true,
        (ReferralStatus.Accepted, ReferralStatus.Done or ReferralStatus.Withdrawn) => true,
        _ => false,
    };

    public void MoveTo(ReferralStatus status, string? note, DateTimeOffset at)
    {
        if (!CanMoveTo(status)) throw new InvalidOperationException($"A referral cannot go from {Status} to {status}.");
        Status = status;
        StatusNote = string.IsNullOrWhiteSpace(note) ? StatusNote : note.Trim();
        UpdatedAt = at;
    }
}

public enum ReferralStatus
{
    /// <summary>ส่งแล้ว, waiting for the receiving agency.</summary>
    Sent = 1,
    Accepted = 2,
    Done = 3,
    Declined = 4,
    Withdrawn = 5,
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("referrals");
        referral.HasKey(r => r.Id);
        referral.HasIndex(r => r.PersonId);
        // One open referral per person and scheme, also when two officers send at the same moment (Referrals.ReferAsync).
        referral.HasIndex(r => new { r.PersonId, r.SchemeCode }).IsUnique()
            .HasFilter($"\"Status\" IN ({(int)ReferralStatus.Sent}, {(int)ReferralStatus.Accepted})");
        referral.HasIndex(r => new { r.ToAgency, r.Status });
        // Two officers moving one referral at the same moment: the second save fails instead of silently replacing the first.
        referral.Property(r => r.Status).IsConcurrencyToken();
        referral.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        referral.Property(r => r.SchemeCode).HasMaxLength(40);
        referral.Property(r => r.FromAgency).HasMaxLength(60);
        referral.Property(r => r.ToAgency).HasMaxLength(60);
        referral.Property(r => r.Reason).HasMaxLength(2000);
        referral.Property(r => r.StatusNote).HasMaxLength(2000);
        referral.Property(r => r.CreatedById).HasMaxLength(450);
        referral.Property(r => r.CreatedByName).HasMaxLength(256);
    }
}
