using Saphan.Access;

namespace Saphan.Rights;

/// <summary>
/// The agencies people are referred between, as short codes: <c>district:1001</c> (the district office's community
/// development and social welfare unit), <c>registry:1001</c> (its civil registration unit), <c>dep:OlderPersons</c> (an
/// MSDHS department), <c>mof</c>, <c>nhso</c>. A scheme names a kind (<c>district</c>, <c>registry</c>) that resolves to the
/// person's district.
/// </summary>
public static class Agencies
{
    public const string DistrictOffice = "district";
    public const string DistrictRegistry = "registry";
    public const string FinanceMinistry = "mof";
    public const string HealthSecurity = "nhso";
    public const string Stewards = "steward";

    public static string Department(Department department) => AccessScope.DepartmentAgencyOf(department);

    /// <summary>The agency a scheme's <see cref="Scheme.ReferTo"/> means for a person living in <paramref name="districtCode"/>.</summary>
    public static string Resolve(string referTo, string districtCode) =>
        referTo is DistrictOffice or DistrictRegistry ? $"{referTo}:{districtCode}" : referTo;

    /// <summary>The agency a viewer works for: their district office, their department, or the data stewards.</summary>
    public static string Of(AccessScope viewer) =>
        viewer.DistrictCode is { } d ? $"{DistrictOffice}:{d}"
        : viewer.Department is { } dep ? Department(dep)
        : viewer.VolunteerUserId is not null ? $"volunteer:{viewer.UserName}"
        : Stewards;

    /// <summary>A readable name, in Thai or English.</summary>
    public static string Name(string code, bool thai)
    {
        string districtName(string district) => Geography.PlaceNames.District(district, thai);
        var (kind, rest) = code.IndexOf(':') is var i and >= 0 ? (code[..i], code[(i + 1)..]) : (code, "");
        return (kind, thai) switch
        {
            (DistrictOffice, true) => $"สำนักงานเขต{districtName(rest)} (ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม)",
            (DistrictOffice, false) => $"{districtName(rest)} District Office (community development and social welfare)",
            (DistrictRegistry, true) => $"สำนักงานเขต{districtName(rest)} (ฝ่ายทะเบียน)",
            (DistrictRegistry, false) => $"{districtName(rest)} District Office (civil registration)",
            ("dep", _) when Enum.TryParse<Access.Department>(rest, out var dep) => DepartmentName(dep, thai),
            (FinanceMinistry, true) => "กระทรวงการคลัง (ลงทะเบียนบัตรสวัสดิการแห่งรัฐ)",
            (FinanceMinistry, false) => "Ministry of Finance (state welfare card registration)",
            (HealthSecurity, true) => "สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 13 กรุงเทพมหานคร",
            (HealthSecurity, false) => "National Health Security Office, Region 13 Bangkok",
            (Stewards, true) => "ผู้ดูแลข้อมูล",
            (Stewards, false) => "Data stewards",
            ("volunteer", true) => $"อพม. {rest}",
            ("volunteer", false) => $"Volunteer {rest}",
            _ => code,
        };
    }

    private static string DepartmentName(Access.Department department, bool thai) => (department, thai) switch
    {
        (Access.Department.PersonsWithDisabilities, true) => "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ (พก.)",
        (Access.Department.PersonsWithDisabilities, false) => "Department of Empowerment of Persons with Disabilities",
        (Access.Department.OlderPersons, true) => "กรมกิจการผู้สูงอายุ (ผส.)",
        (Access.Department.OlderPersons, false) => "Department of Older Persons",
        (Access.Department.ChildrenAndYouth, true) => "กรมกิจการเด็กและเยาวชน (ดย.)",
        (Access.Department.ChildrenAndYouth, false) => "Department of Children and Youth",
        (Access.Department.WomenAndFamily, true) => "กรมกิจการสตรีและสถาบันครอบครัว (สค.)",
        (Access.Department.WomenAndFamily, false) => "Department of Women's Affairs and Family Development",
        (Access.Department.SocialDevelopmentAndWelfare, true) => "กรมพัฒนาสังคมและสวัสดิการ (พส.)",
        (Access.Department.SocialDevelopmentAndWelfare, false) => "Department of Social Development and Welfare",
        (Access.Department.Housing, true) => "การเคหะแห่งชาติ / พอช.",
        _ => "National Housing Authority / CODI",
    };

    /// <summary>Whether a referral to <paramref name="agency"/> is addressed to the viewer's own agency (they may accept it).</summary>
    public static bool IsViewers(string agency, AccessScope viewer) =>
        viewer.DistrictCode is { } d ? agency == $"{DistrictOffice}:{d}" || agency == $"{DistrictRegistry}:{d}"
        : viewer.Department is { } dep ? agency == Department(dep)
        : viewer.SeesEveryone && viewer.UserId is not null;
}
