using Microsoft.AspNetCore.Identity;

namespace Saphan.Access;

/// <summary>A user of Saphan. What they may see follows from their role and, for officers, their district or department.</summary>
public sealed class SaphanUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>DOPA district code (1001–1050) of a district officer.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>The MSDHS department (or housing agency) of a department officer.</summary>
    public Department? Department { get; set; }

    /// <summary>True for the users of the synthetic demo data set; they never exist in production.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>Roles of Saphan users (see PRODUCT.md, "Who uses it").</summary>
public static class Roles
{
    /// <summary>เจ้าหน้าที่สำนักงานเขต — one district.</summary>
    public const string DistrictOfficer = "DistrictOfficer";

    /// <summary>เจ้าหน้าที่กรม/หน่วยงาน พม. — one department's remit.</summary>
    public const string DepartmentOfficer = "DepartmentOfficer";

    /// <summary>อาสาสมัครพัฒนาสังคม (อพม.) — the households assigned to them.</summary>
    public const string Volunteer = "Volunteer";

    /// <summary>ผู้บริหาร — aggregates only, never a name or an ID.</summary>
    public const string Executive = "Executive";

    public const string DataSteward = "DataSteward";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [DistrictOfficer, DepartmentOfficer, Volunteer, Executive, DataSteward, Administrator];
}

/// <summary>The remit of a department officer (MSDHS departments and the housing agencies).</summary>
public enum Department
{
    /// <summary>กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ</summary>
    PersonsWithDisabilities = 1,

    /// <summary>กรมกิจการผู้สูงอายุ</summary>
    OlderPersons = 2,

    /// <summary>กรมกิจการเด็กและเยาวชน</summary>
    ChildrenAndYouth = 3,

    /// <summary>กรมกิจการสตรีและสถาบันครอบครัว</summary>
    WomenAndFamily = 4,

    /// <summary>กรมพัฒนาสังคมและสวัสดิการ — including homeless people and beggars.</summary>
    SocialDevelopmentAndWelfare = 5,

    /// <summary>การเคหะแห่งชาติ / พอช. — housing of communities.</summary>
    Housing = 6,
}

/// <summary>Which households a volunteer (อพม.) collects data for.</summary>
public sealed class VolunteerAssignment
{
    private VolunteerAssignment() { }

    public VolunteerAssignment(string userId, Guid householdId, DateTimeOffset assignedAt)
    {
        UserId = userId;
        HouseholdId = householdId;
        AssignedAt = assignedAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid HouseholdId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
}
