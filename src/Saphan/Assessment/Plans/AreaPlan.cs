using Saphan.Access;

namespace Saphan.Assessment.Plans;

/// <summary>The kinds of project a 3-year area plan funds (seed 004).</summary>
public enum ProjectKind
{
    /// <summary>โครงการพัฒนาคุณภาพชีวิต</summary>
    QualityOfLife = 1,

    /// <summary>กองทุนสวัสดิการชุมชน (องค์กรชุมชน)</summary>
    CommunityWelfareFund = 2,

    /// <summary>บ้านมั่นคง (พอช.)</summary>
    BaanMankong = 3,

    /// <summary>บ้านพอเพียง (ซ่อมแซมบ้านผู้มีรายได้น้อย)</summary>
    BaanPhoPhiang = 4,

    /// <summary>อาชีพและรายได้</summary>
    Livelihood = 5,
}

public enum ProjectStatus
{
    Planned = 1,
    Running = 2,
    Completed = 3,
}

/// <summary>
/// A 3-year plan against poverty for an area (แผนแก้ไขปัญหาความยากจนระดับพื้นที่ 3 ปี), made from the in-depth household data that
/// community organisations and volunteers collected (seed 004: pilots in Dusit, Phra Khanong and Khan Na Yao).
/// </summary>
public sealed class AreaPlan
{
    private readonly List<AreaProject> projects = [];

    private AreaPlan() { }

    public AreaPlan(string districtCode, string titleTh, string titleEn, int firstYear, string partnersTh, DateTimeOffset now)
    {
        if (districtCode is not { Length: 4 }) throw new ArgumentException("An area plan is for one district.", nameof(districtCode));
        DistrictCode = districtCode;
        TitleTh = titleTh;
        TitleEn = titleEn;
        FirstYear = firstYear;
        PartnersTh = partnersTh;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string DistrictCode { get; private set; } = "";
    public string TitleTh { get; private set; } = "";
    public string TitleEn { get; private set; } = "";

    /// <summary>First calendar year (CE) of the three; shown in the Buddhist era in Thai.</summary>
    public int FirstYear { get; private set; }
    public int LastYear => FirstYear + 2;

    /// <summary>Who made the plan with the district office (e.g. CODI, PMU-A, community welfare networks).</summary>
    public string PartnersTh { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<AreaProject> Projects => projects;

    public AreaProject AddProject(ProjectKind kind, string nameTh, string nameEn, int planYear, string leadAgencyKey, decimal? budgetBaht)
    {
        if (planYear is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(planYear), "A project runs in year 1, 2 or 3 of the plan.");
        var project = new AreaProject(kind, nameTh, nameEn, planYear, leadAgencyKey, budgetBaht);
        projects.Add(project);
        return project;
    }
}

public sealed class AreaProject
{
    private AreaProject() { }

    internal AreaProject(ProjectKind kind, string nameTh, string nameEn, int planYear, string leadAgencyKey, decimal? budgetBaht)
    {
        Kind = kind;
        NameTh = nameTh;
        NameEn = nameEn;
        PlanYear = planYear;
        LeadAgencyKey = leadAgencyKey;
        BudgetBaht = budgetBaht;
        Status = ProjectStatus.Planned;
    }

    public int Id { get; private set; }
    public int AreaPlanId { get; private set; }
    public ProjectKind Kind { get; private set; }
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>1, 2 or 3: the year of the plan the project starts in.</summary>
    public int PlanYear { get; private set; }
    public string LeadAgencyKey { get; private set; } = "";
    public decimal? BudgetBaht { get; private set; }
    public ProjectStatus Status { get; private set; }

    public void SetStatus(ProjectStatus status) => Status = status;
}

/// <summary>A household a project serves. Visible exactly when the household is (scope filter).</summary>
public sealed class ProjectHousehold
{
    private ProjectHousehold() { }

    public ProjectHousehold(int projectId, Guid householdId, DateOnly since)
    {
        ProjectId = projectId;
        HouseholdId = householdId;
        Since = since;
    }

    public long Id { get; private set; }
    public int ProjectId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public DateOnly Since { get; private set; }
}

/// <summary>
/// "One department, one area" (1 กรม 1 พื้นที่พัฒนา, seed 002): an agency adopts a community and works its vulnerable households
/// from "vulnerable" to "strong". The community is linked to the BMA community list when it is there; otherwise its name and
/// district are kept here with a note, and no coordinates are invented.
/// </summary>
public sealed class Adoption
{
    private Adoption() { }

    public Adoption(string agencyKey, string communityNameTh, string districtCode, int? communityId, string? note, DateOnly adoptedOn)
    {
        if (Cases.Agencies.Find(agencyKey) is null) throw new ArgumentException($"Unknown agency '{agencyKey}'.", nameof(agencyKey));
        AgencyKey = agencyKey;
        CommunityNameTh = communityNameTh;
        DistrictCode = districtCode;
        CommunityId = communityId;
        Note = note;
        AdoptedOn = adoptedOn;
    }

    public int Id { get; private set; }
    public string AgencyKey { get; private set; } = "";
    public string CommunityNameTh { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";

    /// <summary>The community in the BMA community list, when it is there.</summary>
    public int? CommunityId { get; private set; }
    public string? Note { get; private set; }
    public DateOnly AdoptedOn { get; private set; }

    public Department? Department => Cases.Agencies.Find(AgencyKey)?.Department;
}

/// <summary>A household of an adopted community that the agency works with. Visible exactly when the household is.</summary>
public sealed class AdoptionHousehold
{
    private AdoptionHousehold() { }

    public AdoptionHousehold(int adoptionId, Guid householdId, DateOnly since)
    {
        AdoptionId = adoptionId;
        HouseholdId = householdId;
        Since = since;
    }

    public long Id { get; private set; }
    public int AdoptionId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public DateOnly Since { get; private set; }
}
