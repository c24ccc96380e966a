using Saphan.Access;

namespace Saphan.Assessment.Cases;

public enum AgencyKind
{
    /// <summary>หน่วยงานกรุงเทพมหานคร</summary>
    Bma = 1,

    /// <summary>หน่วยงานกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์</summary>
    Msdhs = 2,

    /// <summary>กระทรวงหรือหน่วยงานอื่น</summary>
    OtherMinistry = 3,
}

/// <summary>An agency that can be responsible for an action of a case plan or adopt a community.</summary>
public sealed record Agency(string Key, AgencyKind Kind, string NameTh, string NameEn, Department? Department = null);

/// <summary>
/// The agencies a case plan can name: BMA units, MSDHS departments and agencies (mapped to <see cref="Department"/> where
/// one exists, so the department's officers find their actions), and the other ministries of the "12 ministries, 1 agency"
/// MoU (seed 002). Reference data in code: the list changes with a reorganisation, not with a household.
/// </summary>
public static class Agencies
{
    public static readonly IReadOnlyList<Agency> All =
    [
        new("bma.district", AgencyKind.Bma, "สำนักงานเขต (ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม)", "District office (community development and social welfare)"),
        new("bma.social", AgencyKind.Bma, "สำนักพัฒนาสังคม กทม.", "BMA Social Development Department"),
        new("bma.health", AgencyKind.Bma, "สำนักอนามัย กทม. (ศูนย์บริการสาธารณสุข)", "BMA Health Department (public health centres)"),
        new("bma.medical", AgencyKind.Bma, "สำนักการแพทย์ กทม.", "BMA Medical Service Department"),
        new("bma.education", AgencyKind.Bma, "สำนักการศึกษา กทม.", "BMA Education Department"),
        new("bma.works", AgencyKind.Bma, "สำนักการโยธา กทม.", "BMA Public Works Department"),

        new("msdhs.ops", AgencyKind.Msdhs, "สำนักงานปลัดกระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "Office of the Permanent Secretary, MSDHS"),
        new("msdhs.welfare", AgencyKind.Msdhs, "กรมพัฒนาสังคมและสวัสดิการ", "Department of Social Development and Welfare", Department.SocialDevelopmentAndWelfare),
        new("msdhs.older", AgencyKind.Msdhs, "กรมกิจการผู้สูงอายุ", "Department of Older Persons", Department.OlderPersons),
        new("msdhs.disabilities", AgencyKind.Msdhs, "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ", "Department of Empowerment of Persons with Disabilities", Department.PersonsWithDisabilities),
        new("msdhs.women", AgencyKind.Msdhs, "กรมกิจการสตรีและสถาบันครอบครัว", "Department of Women's Affairs and Family Development", Department.WomenAndFamily),
        new("msdhs.children", AgencyKind.Msdhs, "กรมกิจการเด็กและเยาวชน", "Department of Children and Youth", Department.ChildrenAndYouth),
        new("msdhs.nha", AgencyKind.Msdhs, "การเคหะแห่งชาติ", "National Housing Authority", Department.Housing),
        new("msdhs.codi", AgencyKind.Msdhs, "สถาบันพัฒนาองค์กรชุมชน (พอช.)", "Community Organizations Development Institute (CODI)", Department.Housing),

        new("moph", AgencyKind.OtherMinistry, "กระทรวงสาธารณสุข", "Ministry of Public Health"),
        new("moe", AgencyKind.OtherMinistry, "กระทรวงศึกษาธิการ", "Ministry of Education"),
        new("mol", AgencyKind.OtherMinistry, "กระทรวงแรงงาน", "Ministry of Labour"),
        new("moi", AgencyKind.OtherMinistry, "กระทรวงมหาดไทย (สำนักทะเบียน)", "Ministry of Interior (civil registration)"),
        new("moc", AgencyKind.OtherMinistry, "กระทรวงพาณิชย์", "Ministry of Commerce"),
        new("mhesi", AgencyKind.OtherMinistry, "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "Ministry of Higher Education, Science, Research and Innovation"),
        new("other", AgencyKind.OtherMinistry, "หน่วยงานอื่น", "Another agency"),
    ];

    private static readonly Dictionary<string, Agency> ByKey = All.ToDictionary(a => a.Key, StringComparer.Ordinal);

    public static Agency? Find(string? key) => key is null ? null : ByKey.GetValueOrDefault(key);

    public static string Name(string key, bool thai) => Find(key) is { } a ? (thai ? a.NameTh : a.NameEn) : key;
}
