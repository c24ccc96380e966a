using System.Text;
using Saphan.Geography;

namespace Saphan.Assessment.Plans;

/// <summary>One "one department, one area" pairing as the source names it.</summary>
public sealed record Pairing(string AgencyKey, string CommunityNameTh, string DistrictCode);

/// <summary>
/// The eight pairings of seed 002 (MSDHS news release, 9 April 2021): eight MSDHS agencies, each with one Bangkok community.
/// </summary>
public static class Pairings
{
    public static readonly DateOnly AnnouncedOn = new(2021, 4, 9);

    public static readonly IReadOnlyList<Pairing> Seed002 =
    [
        new("msdhs.ops", "ชุมชนภายในซอยจรัญสนิทวงศ์ 9/1", "1016"),
        new("msdhs.welfare", "ชุมชนในซอยรัชฎภัณฑ์ (ซอยหมอเหล็ง)", "1037"),
        new("msdhs.older", "ชุมชนวัดสุวรรณคีรี", "1020"),
        new("msdhs.disabilities", "ชุมชนลำชะล่า (โคกบ่าวสาว)", "1005"),
        new("msdhs.women", "ชุมชนวัดจอมสุดาราม", "1002"),
        new("msdhs.children", "ชุมชนเฟื่องฟ้าพัฒนา", "1032"),
        new("msdhs.nha", "ชุมชนภายในซอยศรีนครินทร์ 9", "1034"),
        new("msdhs.codi", "ชุมชนกลุ่มริมคลองกะจะ", "1006"),
    ];

    public const string NotInListNoteTh =
        "ไม่พบชื่อชุมชนนี้ในรายชื่อชุมชน กทม. ที่มีพิกัด (644 จุด, data/communities) จึงบันทึกตามชื่อและเขตในข่าว พม. 9 เม.ย. 2564 โดยไม่มีพิกัด";

    /// <summary>
    /// The BMA community of a pairing, matched by district and name (ignoring "ชุมชน", spaces and brackets; one name containing
    /// the other). Null when the community is not in the list — then nothing is guessed.
    /// </summary>
    public static Community? Match(Pairing pairing, IEnumerable<Community> communities)
    {
        var wanted = Key(pairing.CommunityNameTh);
        var candidates = communities.Where(c => c.DistrictCode == pairing.DistrictCode)
            .Where(c => Key(c.NameTh) is { Length: >= 6 } k && (k == wanted || wanted.Contains(k, StringComparison.Ordinal) || k.Contains(wanted, StringComparison.Ordinal)))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static string Key(string name)
    {
        var text = name.Normalize(NormalizationForm.FormC).Replace("ชุมชน", "", StringComparison.Ordinal)
            .Replace("ภายใน", "", StringComparison.Ordinal).Replace("กลุ่ม", "", StringComparison.Ordinal);
        return new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')' and not '-' and not '.').ToArray());
    }
}
