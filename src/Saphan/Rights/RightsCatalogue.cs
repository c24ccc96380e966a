using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Rights.Eligibility;
using Saphan.Storage;

namespace Saphan.Rights;

/// <summary>
/// The schemes Saphan ships with and their rule versions as the law stood when it was built (sources in
/// the shared FACTS.md and docs/decisions.md). Loaded into an empty database once; from then on data stewards change
/// them through new versions (maker–checker), never through a release.
/// </summary>
public static class RightsCatalogue
{
    public const string ThaiIdCard = "thai-id-card";
    public const string HealthCoverage = "health-coverage";
    public const string DisabilityCard = "disability-card";
    public const string StateWelfareCard = "state-welfare-card";
    public const string OldAgeAllowance = "old-age-allowance";
    public const string DisabilityAllowance = "disability-allowance";
    public const string ChildSupportGrant = "child-support-grant";

    public static IReadOnlyList<Scheme> Schemes() =>
    [
        new(ThaiIdCard, "บัตรประจำตัวประชาชนและการขึ้นทะเบียนราษฎร", "Thai ID card and civil registration", SchemeKind.RightToObtain,
            Evidence.ValidCitizenId, Agencies.DistrictRegistry, Department.SocialDevelopmentAndWelfare, 0),
        new(HealthCoverage, "หลักประกันสุขภาพแห่งชาติ (บัตรทอง)", "Universal health coverage (gold card)", SchemeKind.RightToObtain,
            Evidence.Enrolment, Agencies.HealthSecurity, null, 1),
        new(DisabilityCard, "บัตรประจำตัวคนพิการ", "Disability ID card", SchemeKind.RightToObtain,
            Evidence.DisabilityCard, Agencies.Department(Department.PersonsWithDisabilities), Department.PersonsWithDisabilities, 2),
        new(StateWelfareCard, "บัตรสวัสดิการแห่งรัฐ", "State welfare card", SchemeKind.RightToObtain,
            Evidence.Enrolment, Agencies.FinanceMinistry, Department.SocialDevelopmentAndWelfare, 3),
        new(OldAgeAllowance, "เบี้ยยังชีพผู้สูงอายุ", "Old-age allowance", SchemeKind.Allowance,
            Evidence.Enrolment, Agencies.DistrictOffice, Department.OlderPersons, 4),
        new(DisabilityAllowance, "เบี้ยความพิการ", "Disability allowance", SchemeKind.Allowance,
            Evidence.Enrolment, Agencies.DistrictOffice, Department.PersonsWithDisabilities, 5),
        new(ChildSupportGrant, "เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด", "Child support grant", SchemeKind.Allowance,
            Evidence.Enrolment, Agencies.DistrictOffice, Department.ChildrenAndYouth, 6),
    ];

    private static readonly AgeStep[] OldAgeSteps = [new(60, 600), new(70, 700), new(80, 800), new(90, 1000)];

    private static RuleTerms OldAge(IReadOnlyList<AgeStep> steps) => new()
    {
        MinimumAge = 60, ThaiNationality = true, NoStatePension = true, ThaiIdCardFirst = true, MonthlyAmount = steps[0].Amount, AmountByAge = steps,
    };

    /// <summary>The shipped versions: (scheme, effective from, terms, legal source).</summary>
    public static IReadOnlyList<(string Scheme, DateOnly From, RuleTerms Terms, string Source)> ShippedVersions() =>
    [
        (ThaiIdCard, new(2011, 7, 10), new RuleTerms { ThaiNationality = true, MinimumAge = 7 },
            "พ.ร.บ.บัตรประจำตัวประชาชน พ.ศ. 2526 แก้ไขโดย (ฉบับที่ 3) พ.ศ. 2554 มีผล 10 ก.ค. 2554: ผู้มีสัญชาติไทยอายุ 7 ปีบริบูรณ์ขึ้นไปต้องมีบัตร (ryt9.com, DOPA)"),
        (HealthCoverage, new(2002, 11, 19), new RuleTerms { ThaiNationality = true, ThaiIdCardFirst = true },
            "พ.ร.บ.หลักประกันสุขภาพแห่งชาติ พ.ศ. 2545: ผู้มีสัญชาติไทยที่มีเลขประจำตัวประชาชนและไม่มีสิทธิอื่น (ประกันสังคม ข้าราชการ) — วันที่มีผลให้ผู้ดูแลข้อมูลยืนยัน"),
        (DisabilityCard, new(2007, 9, 28), new RuleTerms { ThaiNationality = true, DisabilityRecorded = true },
            "พ.ร.บ.ส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ พ.ศ. 2550: คนพิการขอมีบัตรประจำตัวคนพิการได้ (thailand.go.th) — วันที่มีผลให้ผู้ดูแลข้อมูลยืนยัน"),
        (StateWelfareCard, new(2022, 9, 5), new RuleTerms
            {
                MinimumAge = 18, ThaiNationality = true, ThaiIdCardFirst = true,
                MaximumOwnIncome = 100_000, MaximumHouseholdIncomePerPerson = 100_000, MaximumFinancialAssets = 100_000,
            },
            "โครงการลงทะเบียนเพื่อสวัสดิการแห่งรัฐ ปี 2565 (ลงทะเบียน 5 ก.ย.–19 ต.ค. 2565): สัญชาติไทย อายุ 18 ปีขึ้นไป รายได้ตนเองและเฉลี่ยครัวเรือนไม่เกิน 100,000 บาท/ปี ทรัพย์สินทางการเงินไม่เกิน 100,000 บาท (prachachat.net, komchadluek) — เกณฑ์ที่ดินและสินเชื่อยังไม่ได้ใช้"),
        (OldAgeAllowance, new(2011, 10, 1), OldAge(OldAgeSteps),
            "ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2552; มติคณะรัฐมนตรี 2554 อัตราขั้นบันได 600/700/800/1,000 บาท ตั้งแต่ 1 ต.ค. 2554 (MGR Online; Bangkok Post ธ.ค. 2567)"),
        (OldAgeAllowance, new(2022, 4, 1), OldAge([new(60, 700), new(70, 850), new(80, 1000), new(90, 1250)]),
            "มติคณะรัฐมนตรี เงินเพิ่มชั่วคราว เม.ย.–ก.ย. 2565: +100/+150/+200/+250 บาท (ontai.go.th; thainewsonline 26 เม.ย. 2565)"),
        (OldAgeAllowance, new(2022, 10, 1), OldAge(OldAgeSteps),
            "สิ้นสุดเงินเพิ่มชั่วคราว กลับสู่อัตรา 600/700/800/1,000 บาท ตั้งแต่ 1 ต.ค. 2565 (ระเบียบ มท. พ.ศ. 2566 ที่เพิ่มเกณฑ์รายได้สำหรับผู้สมัครใหม่ยังไม่มีหลักเกณฑ์จากคณะกรรมการผู้สูงอายุแห่งชาติ จึงยังใช้เกณฑ์เดิม)"),
        (DisabilityAllowance, new(2020, 10, 1), new RuleTerms
            {
                DisabilityCard = true, ThaiNationality = true, ThaiIdCardFirst = true, MonthlyAmount = 800,
                AmountBelowAge = new AgeAmount(18, 1000), AmountWithScheme = new SchemeAmount(StateWelfareCard, 1000),
            },
            "มติคณะรัฐมนตรี 28 ม.ค. 2563: เบี้ยความพิการ 800 บาท; 1,000 บาท สำหรับคนพิการอายุต่ำกว่า 18 ปี และผู้ถือบัตรสวัสดิการแห่งรัฐ ตั้งแต่ 1 ต.ค. 2563 (money.kapook.com 9 ต.ค. 2563; Thai PBS World)"),
        (ChildSupportGrant, new(2019, 10, 1), new RuleTerms
            {
                BelowAge = 6, ThaiNationality = true, ThaiIdCardFirst = true, MaximumHouseholdIncomePerPerson = 100_000, MonthlyAmount = 600,
            },
            "มติคณะรัฐมนตรี (ปีงบประมาณ 2562–2563): เด็กแรกเกิดถึงอายุ 6 ปี เดือนละ 600 บาท ครัวเรือนรายได้เฉลี่ยไม่เกิน 100,000 บาท/คน/ปี (csg.dcy.go.th; Bangkok Post ธ.ค. 2567) — วันที่มีผลให้ผู้ดูแลข้อมูลยืนยัน"),
    ];

    /// <summary>The shipped catalogue as an in-memory rule book, versions numbered 1, 2… per scheme (for benchmarks and tests).</summary>
    public static RuleBook ShippedBook(DateTimeOffset at)
    {
        var id = 0;
        var versions = ShippedVersions().GroupBy(v => v.Scheme)
            .SelectMany(g => g.OrderBy(v => v.From).Select((v, n) => RuleVersion.Shipped(v.Scheme, n + 1, v.From, v.Terms, v.Source, at, ++id)))
            .ToList();
        return new RuleBook(Schemes(), versions);
    }

    /// <summary>Adds missing schemes and, for a scheme with no version yet, its shipped versions. Safe to run at every start.</summary>
    public static async Task EnsureLoadedAsync(SaphanDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        var known = await db.RightsSchemes.Select(s => s.Code).ToListAsync(ct);
        var added = Schemes().Where(s => !known.Contains(s.Code)).ToList();
        db.RightsSchemes.AddRange(added);
        var versioned = await db.RuleVersions.Select(v => v.SchemeCode).Distinct().ToListAsync(ct);
        foreach (var group in ShippedVersions().Where(v => !versioned.Contains(v.Scheme)).GroupBy(v => v.Scheme))
        {
            var number = 1;
            foreach (var v in group.OrderBy(v => v.From))
                db.RuleVersions.Add(RuleVersion.Shipped(v.Scheme, number++, v.From, v.Terms, v.Source, now));
        }
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }
}
