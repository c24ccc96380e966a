using Microsoft.EntityFrameworkCore;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Import;

/// <summary>The agency datasets of the demo, registered as sources (no records: the steward imports files into them).</summary>
public static class DemoSources
{
    public static readonly IReadOnlyList<(string Code, string NameTh, string NameEn, string Owner, string Holds, string Purpose, LegalBasis Basis, string Note)> All =
    [
        ("bma-1002-welfare", "ทะเบียนสวัสดิการสังคม สำนักงานเขตดุสิต", "Dusit District social welfare register",
            "สำนักงานเขตดุสิต กรุงเทพมหานคร", "ผู้ยื่นขอรับสวัสดิการและผู้ได้รับการช่วยเหลือในเขตดุสิต: ชื่อ เลขประจำตัวประชาชน ที่อยู่ โทรศัพท์",
            "ให้ความช่วยเหลือและติดตามผู้ขอรับสวัสดิการในเขตร่วมกับ พม.", LegalBasis.PublicTask,
            "พ.ร.บ.ระเบียบบริหารราชการกรุงเทพมหานคร พ.ศ. 2528 มาตรา 89; พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 24(4)"),
        ("dep-disability-register", "ทะเบียนคนพิการ", "Register of persons with disabilities",
            "กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ (พก.) กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "ผู้มีบัตรประจำตัวคนพิการ: ชื่อ เลขประจำตัวประชาชน ประเภทความพิการ ที่อยู่",
            "จัดสวัสดิการและเบี้ยความพิการ และเชื่อมโยงการดูแลคนพิการในกรุงเทพมหานคร", LegalBasis.SocialProtectionLaw,
            "พ.ร.บ.ส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ พ.ศ. 2550; พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 26(5)(ค)"),
        ("bma-older-allowance", "รายชื่อผู้รับเบี้ยยังชีพผู้สูงอายุ", "Older persons' living allowance list",
            "สำนักพัฒนาสังคม กรุงเทพมหานคร", "ผู้สูงอายุที่ได้รับเบี้ยยังชีพรายเดือน: ชื่อ-สกุล เลขประจำตัวประชาชน วันเกิด ที่อยู่",
            "จ่ายเบี้ยยังชีพผู้สูงอายุและค้นหาผู้สูงอายุที่ยังไม่ได้รับสิทธิ", LegalBasis.LegalObligation,
            "พ.ร.บ.ผู้สูงอายุ พ.ศ. 2546 มาตรา 11(11); ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ พ.ศ. 2552"),
        ("dsdw-homeless-outreach", "บันทึกการออกสำรวจและช่วยเหลือคนไร้ที่พึ่ง", "Homeless outreach records",
            "กรมพัฒนาสังคมและสวัสดิการ (พส.) กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "คนไร้บ้านและคนไร้ที่พึ่งที่พบในการออกสำรวจ: ชื่อหรือชื่อเล่น จุดที่พบ ความช่วยเหลือ",
            "คุ้มครองและช่วยเหลือคนไร้ที่พึ่ง ติดตามบุคคลที่ไม่มีบัตรประจำตัว", LegalBasis.VitalInterest,
            "พ.ร.บ.คุ้มครองคนไร้ที่พึ่ง พ.ศ. 2557; พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 24(2) และ 26(1)"),
        ("codi-baan-mankong-survey", "แบบสำรวจชุมชนบ้านมั่นคง", "Baan Mankong community survey",
            "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน) (พอช.)", "ครัวเรือนในชุมชนที่เข้าร่วมโครงการบ้านมั่นคง: สมาชิก ที่อยู่ สภาพที่อยู่อาศัย",
            "วางแผนที่อยู่อาศัยของชุมชนและเชื่อมโยงความช่วยเหลือของ กทม. และ พม.", LegalBasis.PublicTask,
            "พ.ร.ฎ.จัดตั้งสถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน) พ.ศ. 2543; พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 24(4)"),
    ];

    /// <summary>Registers the demo sources that are not there yet (steward: the demo user "steward").</summary>
    public static async Task SeedAsync(SaphanDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        var existing = await db.Sources.Select(s => s.Code).ToListAsync(ct);
        foreach (var s in All.Where(s => !existing.Contains(s.Code)))
            db.Sources.Add(Source.Register(s.Code, s.NameTh, s.NameEn, s.Owner, s.Holds, s.Purpose, s.Basis, s.Note, "steward", now));
        await db.SaveChangesAsync(ct);
    }
}
