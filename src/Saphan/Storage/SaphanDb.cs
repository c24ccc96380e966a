using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Linkage;
using Saphan.Registry;
using Saphan.Registry.Sources;

namespace Saphan.Storage;

/// <summary>
/// The one database of Saphan. People and households are filtered by the <see cref="Scope"/> the context
/// was opened with, so a query can never return a person outside the viewer's district or remit —
/// whichever page or API asks. A context opened without a scope sees no people at all.
/// </summary>
public sealed class SaphanDb(DbContextOptions<SaphanDb> options, TimeProvider clock)
    : IdentityDbContext<SaphanUser>(options), IDataProtectionKeyContext
{
    public TimeProvider Clock { get; } = clock;

    public AccessScope Scope { get; private set; } = AccessScope.Nobody;

    public DbSet<DistrictGroup> DistrictGroups => Set<DistrictGroup>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Subdistrict> Subdistricts => Set<Subdistrict>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<VolunteerAssignment> VolunteerAssignments => Set<VolunteerAssignment>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();
    public DbSet<RecordLink> RecordLinks => Set<RecordLink>();
    public DbSet<LinkChange> LinkChanges => Set<LinkChange>();
    public DbSet<ReviewPair> ReviewPairs => Set<ReviewPair>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportReject> ImportRejects => Set<ImportReject>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Rights.Scheme> RightsSchemes => Set<Rights.Scheme>();
    public DbSet<Rights.RuleVersion> RuleVersions => Set<Rights.RuleVersion>();
    public DbSet<Rights.PersonFact> PersonFacts => Set<Rights.PersonFact>();
    public DbSet<Rights.Enrolment> Enrolments => Set<Rights.Enrolment>();
    public DbSet<Rights.RightsEvaluation> RightsEvaluations => Set<Rights.RightsEvaluation>();
    public DbSet<Rights.Referral> Referrals => Set<Rights.Referral>();
    public DbSet<Assessment.Indicators.IndicatorSet> IndicatorSets => Set<Assessment.Indicators.IndicatorSet>();
    public DbSet<Assessment.HouseholdAssessment> Assessments => Set<Assessment.HouseholdAssessment>();
    public DbSet<Assessment.AssessmentPhoto> AssessmentPhotos => Set<Assessment.AssessmentPhoto>();
    public DbSet<Assessment.Cases.CasePlan> CasePlans => Set<Assessment.Cases.CasePlan>();
    public DbSet<Assessment.Plans.AreaPlan> AreaPlans => Set<Assessment.Plans.AreaPlan>();
    public DbSet<Assessment.Plans.AreaProject> AreaProjects => Set<Assessment.Plans.AreaProject>();
    public DbSet<Assessment.Plans.ProjectHousehold> ProjectHouseholds => Set<Assessment.Plans.ProjectHousehold>();
    public DbSet<Assessment.Plans.Adoption> Adoptions => Set<Assessment.Plans.Adoption>();
    public DbSet<Assessment.Plans.AdoptionHousehold> AdoptionHouseholds => Set<Assessment.Plans.AdoptionHousehold>();

    /// <summary>Sets the scope once, right after the context is created; a context never changes whose data it shows.</summary>
    public SaphanDb WithScope(AccessScope scope)
    {
        if (!ReferenceEquals(Scope, AccessScope.Nobody) && Scope != scope)
            throw new InvalidOperationException("The scope of a database context is set once.");
        Scope = scope;
        return this;
    }

    /// <summary>The page or API path and the purpose written to the audit rows of this context's changes.</summary>
    public string AuditWhere { get; private set; } = "";
    public string AuditPurpose { get; private set; } = "";

    /// <summary>System bulk loads (demo data, imports) write one audit row per batch instead of one per record.</summary>
    internal bool IsBulkLoad { get; private set; }

    public SaphanDb For(string where, string purpose)
    {
        AuditWhere = where;
        AuditPurpose = purpose;
        return this;
    }

    internal SaphanDb AsBulkLoad()
    {
        if (!Scope.SeesEveryone || Scope.UserId is not null) throw new InvalidOperationException("Only system work loads in bulk.");
        IsBulkLoad = true;
        ChangeTracker.AutoDetectChangesEnabled = false;
        return this;
    }

    public bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SaphanDb).Assembly);
        if (IsPostgreSql) Registry.Search.PeopleSearchModel.ConfigurePostgreSql(builder);

        // Scope filters. Each clause is one way a viewer may be entitled to see a person (see AccessScope).
        // A person merged into another by linkage lives on as the survivor and is not listed twice.
        builder.Entity<Person>().HasQueryFilter(p => p.MergedIntoId == null && (
            Scope.SeesEveryone
            || (Scope.DistrictCode != null && p.DistrictCode == Scope.DistrictCode)
            || (Scope.Department == Department.PersonsWithDisabilities && p.HasDisabilityCard)
            || (Scope.Department == Department.OlderPersons && p.BirthDate <= Scope.OlderPersonBornOnOrBefore)
            || (Scope.Department == Department.ChildrenAndYouth && p.BirthDate > Scope.YouthBornAfter)
            || (Scope.Department == Department.WomenAndFamily && p.Sex == Sex.Female)
            || (Scope.Department == Department.SocialDevelopmentAndWelfare && p.IsHomeless)
            || (Scope.Department == Department.Housing && p.CommunityId != null)
            || (Scope.VolunteerUserId != null && VolunteerAssignments.Any(a => a.UserId == Scope.VolunteerUserId && a.HouseholdId == p.HouseholdId))
            // A department sees whoever is referred to it while the referral is open, though outside its group (someone
            // with a disability but no card yet, referred to DEP for the card): it must see a person to act on them.
            || (Scope.DepartmentAgency != null && Referrals.IgnoreQueryFilters().Any(r => r.PersonId == p.Id && r.ToAgency == Scope.DepartmentAgency
                && (r.Status == Rights.ReferralStatus.Sent || r.Status == Rights.ReferralStatus.Accepted)))));

        // An agency record is visible to whoever may see the person it is linked to.
        builder.Entity<RecordLink>().HasQueryFilter(l => Scope.SeesEveryone || People.Any(p => p.Id == l.PersonId));
        builder.Entity<SourceRecord>().HasQueryFilter(r =>
            Scope.SeesEveryone || RecordLinks.Any(l => l.SourceId == r.SourceId && l.RecordKey == r.RecordKey));

        // Rights: facts, enrolments, evaluations and referrals about a person are visible exactly when the person is.
        builder.Entity<Rights.PersonFact>().HasQueryFilter(x => People.Any(p => p.Id == x.PersonId));
        builder.Entity<Rights.Enrolment>().HasQueryFilter(x => People.Any(p => p.Id == x.PersonId));
        builder.Entity<Rights.RightsEvaluation>().HasQueryFilter(x => People.Any(p => p.Id == x.PersonId));
        builder.Entity<Rights.Referral>().HasQueryFilter(x => People.Any(p => p.Id == x.PersonId));

        // A household is visible with its district, or when at least one member is visible (members are filtered above).
        builder.Entity<Household>().HasQueryFilter(h =>
            Scope.SeesEveryone
            || (Scope.DistrictCode != null && h.DistrictCode == Scope.DistrictCode)
            || h.Members.Any());

        // Family report card: an assessment, photo, case plan or project/adoption membership is visible exactly when its household is.
        builder.Entity<Assessment.HouseholdAssessment>().HasQueryFilter(a => Scope.SeesEveryone || Households.Any(h => h.Id == a.HouseholdId));
        builder.Entity<Assessment.AssessmentPhoto>().HasQueryFilter(p => Scope.SeesEveryone || Assessments.Any(a => a.Id == p.AssessmentId));
        builder.Entity<Assessment.Cases.CasePlan>().HasQueryFilter(c => Scope.SeesEveryone || Households.Any(h => h.Id == c.HouseholdId));
        builder.Entity<Assessment.Plans.ProjectHousehold>().HasQueryFilter(p => Scope.SeesEveryone || Households.Any(h => h.Id == p.HouseholdId));
        builder.Entity<Assessment.Plans.AdoptionHousehold>().HasQueryFilter(p => Scope.SeesEveryone || Households.Any(h => h.Id == p.HouseholdId));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.RecordChanges(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.RecordChanges(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
