using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Registry;

namespace Saphan.Rights;

/// <summary>
/// A person receives a scheme (ได้รับสิทธิ์แล้ว) from a day, until a day or still: recorded by an officer or imported from an
/// agency's list. An imported one keeps its file and line.
/// </summary>
public sealed class Enrolment
{
    private Enrolment() { }

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string SchemeCode { get; private set; } = "";
    public DateOnly StartDate { get; private set; }

    /// <summary>The first day without it; null while it lasts.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>"recorded" or the imported file's name.</summary>
    public string Source { get; private set; } = "";
    public long? Line { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static Enrolment Record(Guid personId, string schemeCode, DateOnly startDate, string source, long? line, string recordedBy, DateTimeOffset at) =>
        new()
        {
            PersonId = personId, SchemeCode = schemeCode, StartDate = startDate, Source = source, Line = line, RecordedBy = recordedBy, RecordedAt = at,
        };

    /// <summary>Linkage found the person to be someone already known: the survivor is the one enrolled.</summary>
    internal void FollowMerge(Guid survivor) => PersonId = survivor;

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate > day);

    public void End(DateOnly on)
    {
        if (on < StartDate) throw new ArgumentException("An enrolment cannot end before it starts.", nameof(on));
        EndDate = on;
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> enrolment)
    {
        enrolment.ToTable("rights_enrolments");
        enrolment.HasKey(e => e.Id);
        enrolment.HasIndex(e => new { e.PersonId, e.SchemeCode });
        enrolment.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        enrolment.HasOne<Scheme>().WithMany().HasForeignKey(e => e.SchemeCode).OnDelete(DeleteBehavior.Restrict);
        enrolment.Property(e => e.SchemeCode).HasMaxLength(40);
        enrolment.Property(e => e.Source).HasMaxLength(300);
        enrolment.Property(e => e.RecordedBy).HasMaxLength(256);
    }
}
