using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry.Sources;

internal sealed class SourcesModel :
    IEntityTypeConfiguration<Source>, IEntityTypeConfiguration<SourceRecord>, IEntityTypeConfiguration<RecordLink>,
    IEntityTypeConfiguration<LinkChange>, IEntityTypeConfiguration<ReviewPair>, IEntityTypeConfiguration<ImportRun>, IEntityTypeConfiguration<ImportReject>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.ToTable("sources").HasKey(x => x.Id);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<SourceRecord> b)
    {
        b.ToTable("source_records").HasKey(x => x.Id);
        b.HasIndex(x => new { x.SourceId, x.RecordKey, x.Version }).IsUnique();
        // No index on ImportRunId or CitizenId: nothing reads records by them (people are searched by ID, not records), and
        // each index costs a first import a tenth of its time or more (the citizen-ID index, in random order: 2.6 s a million rows).
        b.Property(x => x.RecordKey).HasMaxLength(200);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.CitizenId)
            .HasConversion(id => id.HasValue ? id.Value.Digits : null, digits => digits == null ? null : CitizenId.Parse(digits))
            .HasMaxLength(32);
        b.HasOne<Source>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<RecordLink> b)
    {
        b.ToTable("record_links").HasKey(x => x.Id);
        b.HasIndex(x => new { x.SourceId, x.RecordKey }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.Property(x => x.RecordKey).HasMaxLength(200);
        b.HasOne<Source>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LinkChange> b)
    {
        b.ToTable("link_changes").HasKey(x => x.Id);
        b.HasIndex(x => x.RecordLinkId);
        b.HasIndex(x => x.ToPersonId);
        b.HasIndex(x => x.FromPersonId);
    }

    public void Configure(EntityTypeBuilder<ReviewPair> b)
    {
        b.ToTable("review_pairs").HasKey(x => x.Id);
        b.HasIndex(x => new { x.SourceIdA, x.RecordKeyA, x.SourceIdB, x.RecordKeyB }).IsUnique();
        b.HasIndex(x => new { x.Status, x.DistrictCode });
        // Two stewards deciding one pair at once: the second save fails instead of silently replacing the first decision.
        b.Property(x => x.Status).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("import_runs").HasKey(x => x.Id);
        b.HasIndex(x => new { x.SourceId, x.FileHash });
        // Two processes resuming the same run cannot both add a batch's counts.
        b.Property(x => x.CommittedLine).IsConcurrencyToken();
        b.HasOne<Source>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ImportReject> b)
    {
        b.ToTable("import_rejects").HasKey(x => x.Id);
        b.HasIndex(x => new { x.ImportRunId, x.Line }).IsUnique();
    }
}
