using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Assessment.Cases;
using Saphan.Assessment.Indicators;
using Saphan.Assessment.Plans;
using Saphan.Geography;
using Saphan.Registry;

namespace Saphan.Assessment;

internal sealed class IndicatorSetConfiguration : IEntityTypeConfiguration<IndicatorSet>
{
    public void Configure(EntityTypeBuilder<IndicatorSet> set)
    {
        set.ToTable("assessment_indicator_sets");
        set.HasKey(s => s.Id);
        set.Property(s => s.Version).HasMaxLength(20);
        set.HasIndex(s => s.Version).IsUnique();
        set.Property(s => s.NameTh).HasMaxLength(200);
        set.Property(s => s.NameEn).HasMaxLength(200);
        set.Property(s => s.PoorCutoff).HasPrecision(5, 4);
        set.Property(s => s.Note).HasMaxLength(2000);
        set.OwnsMany(s => s.Indicators, i =>
        {
            i.ToTable("assessment_indicators");
            i.WithOwner().HasForeignKey("IndicatorSetId");
            i.HasKey("IndicatorSetId", nameof(Indicator.Code));
            i.Property(x => x.Code).HasMaxLength(20);
            i.Property(x => x.QuestionTh).HasMaxLength(500);
            i.Property(x => x.QuestionEn).HasMaxLength(500);
            i.Property(x => x.DeprivationTh).HasMaxLength(200);
            i.Property(x => x.DeprivationEn).HasMaxLength(200);
            i.Property(x => x.UnitTh).HasMaxLength(40);
            i.Property(x => x.UnitEn).HasMaxLength(40);
            i.Property(x => x.Minimum).HasPrecision(18, 2);
            i.Property(x => x.Maximum).HasPrecision(18, 2);
            i.Property(x => x.Weight).HasPrecision(9, 4);
            i.Property(x => x.AskWhen).HasMaxLength(500);
            i.Property(x => x.DeprivedWhen).HasMaxLength(500);
            i.Property(x => x.SourceTh).HasMaxLength(500);
            i.Property(x => x.SourceEn).HasMaxLength(500);
            i.Ignore(x => x.AskWhenRule);
            i.Ignore(x => x.DeprivedWhenRule);
        });
        set.Navigation(s => s.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HouseholdAssessmentConfiguration : IEntityTypeConfiguration<HouseholdAssessment>
{
    public void Configure(EntityTypeBuilder<HouseholdAssessment> a)
    {
        a.ToTable("assessments");
        a.HasKey(x => x.Id);
        a.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<IndicatorSet>().WithMany().HasForeignKey(x => x.IndicatorSetId).OnDelete(DeleteBehavior.Restrict);
        a.Property(x => x.AssessorUserId).HasMaxLength(450);
        a.Property(x => x.AssessorName).HasMaxLength(256);
        a.Property(x => x.Note).HasMaxLength(2000);
        a.Property(x => x.DistrictCode).HasMaxLength(4);
        a.Property(x => x.SubdistrictCode).HasMaxLength(6);
        a.Property(x => x.DeprivedIndicators).HasMaxLength(400);
        a.Ignore(x => x.Location);
        a.Ignore(x => x.DeprivedCodes);
        a.HasIndex(x => new { x.HouseholdId, x.Status });
        // One open draft a household: two taps on "start" (or two volunteers at once) must not make a second, empty draft
        // that "continue" might open instead of the one holding the answers. The filter reads the same on both providers.
        a.HasIndex(x => x.HouseholdId).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_assessments_one_draft");
        // Area figures: one GROUP BY over the latest assessments of an area, read from this index alone where the provider can.
        a.HasIndex(x => new { x.IsLatest, x.DistrictCode, x.SubdistrictCode, x.CommunityId, x.IsPoor, x.ScoreBasisPoints })
            .HasDatabaseName("IX_assessments_latest_area");
        // Work lists: the neediest first.
        a.HasIndex(x => new { x.IsLatest, x.ScoreBasisPoints }).HasDatabaseName("IX_assessments_latest_score");
        a.OwnsMany(x => x.Answers, answer =>
        {
            answer.ToTable("assessment_answers");
            answer.WithOwner().HasForeignKey("AssessmentId");
            answer.HasKey(x => x.Id);
            answer.Property(x => x.IndicatorCode).HasMaxLength(20);
            answer.Property(x => x.Number).HasPrecision(18, 2);
        });
        a.Navigation(x => x.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssessmentPhotoConfiguration : IEntityTypeConfiguration<AssessmentPhoto>
{
    public void Configure(EntityTypeBuilder<AssessmentPhoto> p)
    {
        p.ToTable("assessment_photos");
        p.HasKey(x => x.AssessmentId);
        p.HasOne<HouseholdAssessment>().WithOne().HasForeignKey<AssessmentPhoto>(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        p.Property(x => x.ContentType).HasMaxLength(40);
    }
}

internal sealed class CasePlanConfiguration : IEntityTypeConfiguration<CasePlan>
{
    public void Configure(EntityTypeBuilder<CasePlan> c)
    {
        c.ToTable("case_plans");
        c.HasKey(x => x.Id);
        c.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => x.HouseholdId).IsUnique();
        c.Property(x => x.CreatedBy).HasMaxLength(256);
        c.OwnsMany(x => x.Actions, action =>
        {
            action.ToTable("case_actions");
            action.WithOwner().HasForeignKey("CasePlanId");
            action.HasKey(x => x.Id);
            action.Property(x => x.Id).ValueGeneratedNever();
            action.Property(x => x.ProblemCode).HasMaxLength(20);
            action.Property(x => x.Description).HasMaxLength(1000);
            action.Property(x => x.AgencyKey).HasMaxLength(40);
            action.Property(x => x.Outcome).HasMaxLength(2000);
            action.Property(x => x.CreatedBy).HasMaxLength(256);
            action.Ignore(x => x.Agency);
            action.HasIndex(x => new { x.AgencyKey, x.Status, x.DueOn });
        });
        c.Navigation(x => x.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AreaPlanConfiguration : IEntityTypeConfiguration<AreaPlan>, IEntityTypeConfiguration<AreaProject>,
    IEntityTypeConfiguration<ProjectHousehold>, IEntityTypeConfiguration<Adoption>, IEntityTypeConfiguration<AdoptionHousehold>
{
    public void Configure(EntityTypeBuilder<AreaPlan> p)
    {
        p.ToTable("area_plans");
        p.HasKey(x => x.Id);
        p.Property(x => x.DistrictCode).HasMaxLength(4);
        p.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictCode);
        p.Property(x => x.TitleTh).HasMaxLength(300);
        p.Property(x => x.TitleEn).HasMaxLength(300);
        p.Property(x => x.PartnersTh).HasMaxLength(500);
        p.Ignore(x => x.LastYear);
        p.HasMany(x => x.Projects).WithOne().HasForeignKey(x => x.AreaPlanId).OnDelete(DeleteBehavior.Cascade);
        p.Navigation(x => x.Projects).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<AreaProject> p)
    {
        p.ToTable("area_projects");
        p.HasKey(x => x.Id);
        p.Property(x => x.NameTh).HasMaxLength(300);
        p.Property(x => x.NameEn).HasMaxLength(300);
        p.Property(x => x.LeadAgencyKey).HasMaxLength(40);
        p.Property(x => x.BudgetBaht).HasPrecision(18, 2);
    }

    public void Configure(EntityTypeBuilder<ProjectHousehold> p)
    {
        p.ToTable("area_project_households");
        p.HasKey(x => x.Id);
        p.HasIndex(x => new { x.ProjectId, x.HouseholdId }).IsUnique();
        p.HasIndex(x => x.HouseholdId);
        p.HasOne<AreaProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Adoption> a)
    {
        a.ToTable("adoptions");
        a.HasKey(x => x.Id);
        a.Property(x => x.AgencyKey).HasMaxLength(40);
        a.Property(x => x.CommunityNameTh).HasMaxLength(200);
        a.Property(x => x.DistrictCode).HasMaxLength(4);
        a.Property(x => x.Note).HasMaxLength(1000);
        a.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictCode);
        a.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.SetNull);
        a.Ignore(x => x.Department);
    }

    public void Configure(EntityTypeBuilder<AdoptionHousehold> a)
    {
        a.ToTable("adoption_households");
        a.HasKey(x => x.Id);
        a.HasIndex(x => new { x.AdoptionId, x.HouseholdId }).IsUnique();
        a.HasIndex(x => x.HouseholdId);
        a.HasOne<Adoption>().WithMany().HasForeignKey(x => x.AdoptionId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
