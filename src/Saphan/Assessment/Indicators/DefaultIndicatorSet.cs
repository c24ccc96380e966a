namespace Saphan.Assessment.Indicators;

/// <summary>
/// The indicator set Saphan ships with, in the spirit of the Basic Minimum Needs survey (จปฐ., 2560–2564 cycle, as used by
/// TPMAP) — see FACTS.md. The official item list of the MSDHS family report card was not found, so each indicator notes
/// where it comes from; a data steward can publish a new version with other questions or thresholds.
/// </summary>
public static class DefaultIndicatorSet
{
    public const string Version = "2567.1";

    /// <summary>จปฐ. income threshold for the 2560–2564 cycle: 38,000 THB per person per year (FACTS.md).</summary>
    public const decimal IncomeThreshold = 38_000;

    /// <summary>
    /// Poor when deprived in at least a fifth of the weighted indicators — the weight of one whole dimension. The global
    /// MPI uses a third with ten indicators; with fifteen indicators of which many concern only some members, a fifth
    /// finds households with problems in two or three dimensions, which is what the district offices asked to find.
    /// </summary>
    public const decimal PoorCutoff = 0.2m;

    private const string Jpt = "จปฐ. 2560–2564";
    private const string JptEn = "Basic Minimum Needs (จปฐ.) 2017–2021";

    public static IndicatorSet Create() => new(Version, new DateOnly(2024, 1, 1),
        "สมุดพกครอบครัว ชุดตัวชี้วัดตามแนว จปฐ. (2567)", "Family report card, Basic Minimum Needs based set (2024)", PoorCutoff,
        "Five dimensions weigh one fifth each; indicators share their dimension's weight equally. Poor: score ≥ 0.2.",
        [
            // รายได้ Income
            new("INC-1", Dimension.Income, IndicatorSubject.Household, AnswerType.Number,
                "รายได้รวมของทุกคนในครัวเรือนในรอบ 12 เดือนที่ผ่านมา", "Total income of all household members in the last 12 months",
                $"answer / members < {IncomeThreshold}",
                $"{Jpt} หมวดรายได้: รายได้เฉลี่ยของครัวเรือนต่อคนต่อปีไม่ต่ำกว่าเกณฑ์ จปฐ. (38,000 บาท)",
                $"{JptEn}, income: household average income per person per year at least the threshold (38,000 THB)",
                unitTh: "บาทต่อปี", unitEn: "THB a year", minimum: 0, maximum: 100_000_000,
                deprivationTh: "รายได้ต่อคนต่ำกว่า 38,000 บาทต่อปี", deprivationEn: "Income below 38,000 THB a person a year"),
            new("INC-2", Dimension.Income, IndicatorSubject.Member, AnswerType.YesNo,
                "มีอาชีพและมีรายได้หรือไม่", "Has an occupation and an income?",
                "answer = no", $"{Jpt} หมวดรายได้: คนอายุ 15–59 ปี มีอาชีพและมีรายได้", $"{JptEn}, income: people aged 15–59 have an occupation and an income",
                askWhen: "age in 15..59",
                deprivationTh: "คนวัยทำงาน (15–59 ปี) ไม่มีอาชีพ", deprivationEn: "Working-age member (15–59) without occupation"),
            new("INC-3", Dimension.Income, IndicatorSubject.Member, AnswerType.YesNo,
                "มีอาชีพหรือรายได้เพียงพอต่อการดำรงชีพหรือไม่", "Has an occupation or enough income to live on?",
                "answer = no", $"{Jpt} หมวดรายได้: คนอายุ 60 ปีขึ้นไป มีอาชีพและมีรายได้", $"{JptEn}, income: people aged 60 and over have an occupation and an income",
                askWhen: "age >= 60",
                deprivationTh: "ผู้สูงอายุไม่มีรายได้พอดำรงชีพ", deprivationEn: "Older member without enough income"),

            // สุขภาพ Health
            new("HLT-1", Dimension.Health, IndicatorSubject.Member, AnswerType.YesNo,
                "มีผู้ดูแลเป็นประจำหรือไม่", "Has someone who looks after them regularly?",
                "answer = no", $"{Jpt} หมวดการเข้าถึงบริการ: คนพิการและผู้ป่วยได้รับการดูแลจากครอบครัว ชุมชน หรือรัฐ",
                $"{JptEn}: persons with disabilities are cared for by family, community or the state",
                askWhen: "bedridden or disabled",
                deprivationTh: "ผู้ป่วยติดเตียงหรือคนพิการไม่มีผู้ดูแล", deprivationEn: "Bedridden or disabled member without a carer"),
            new("HLT-2", Dimension.Health, IndicatorSubject.Household, AnswerType.YesNo,
                "ครัวเรือนกินอาหารที่ถูกสุขลักษณะ ปลอดภัย และได้มาตรฐานหรือไม่", "Does the household eat hygienic, safe food?",
                "answer = no", $"{Jpt} หมวดสุขภาพ: ครัวเรือนกินอาหารถูกสุขลักษณะ ปลอดภัย", $"{JptEn}, health: the household eats hygienic, safe food",
                deprivationTh: "อาหารไม่ถูกสุขลักษณะ", deprivationEn: "Food not hygienic or safe"),
            new("HLT-3", Dimension.Health, IndicatorSubject.Household, AnswerType.YesNo,
                "ครัวเรือนใช้ยาบรรเทาอาการเจ็บป่วยเบื้องต้นอย่างเหมาะสมหรือไม่", "Does the household use medicines for minor illness appropriately?",
                "answer = no", $"{Jpt} หมวดสุขภาพ: ครัวเรือนมีการใช้ยาเพื่อบำบัดบรรเทาอาการเจ็บป่วยเบื้องต้นอย่างเหมาะสม",
                $"{JptEn}, health: appropriate use of medicines for minor illness",
                deprivationTh: "ใช้ยาไม่เหมาะสม", deprivationEn: "Medicines not used appropriately"),

            // การศึกษา Education
            new("EDU-1", Dimension.Education, IndicatorSubject.Member, AnswerType.YesNo,
                "ได้รับการเลี้ยงดูเตรียมความพร้อมก่อนวัยเรียน (ศูนย์พัฒนาเด็กเล็ก / อนุบาล) หรือไม่", "In early-childhood care or pre-school?",
                "answer = no", $"{Jpt} หมวดการศึกษา: เด็กอายุ 3–5 ปี ได้รับบริการเลี้ยงดูเตรียมความพร้อมก่อนวัยเรียน",
                $"{JptEn}, education: children aged 3–5 receive early-childhood care", askWhen: "age in 3..5",
                deprivationTh: "เด็ก 3–5 ปีไม่ได้รับการดูแลก่อนวัยเรียน", deprivationEn: "Child 3–5 not in early-childhood care"),
            new("EDU-2", Dimension.Education, IndicatorSubject.Member, AnswerType.YesNo,
                "กำลังเรียนในการศึกษาภาคบังคับ 9 ปีหรือไม่", "In the 9 years of compulsory schooling?",
                "answer = no", $"{Jpt} หมวดการศึกษา: เด็กอายุ 6–14 ปี ได้รับการศึกษาภาคบังคับ 9 ปี", $"{JptEn}, education: children aged 6–14 in 9-year compulsory education",
                askWhen: "age in 6..14",
                deprivationTh: "เด็ก 6–14 ปีไม่ได้เรียน", deprivationEn: "Child 6–14 not in school"),
            new("EDU-3", Dimension.Education, IndicatorSubject.Member, AnswerType.YesNo,
                "อ่าน เขียนภาษาไทย และคิดเลขอย่างง่ายได้หรือไม่", "Can read and write Thai and do simple arithmetic?",
                "answer = no", $"{Jpt} หมวดการศึกษา: คนอายุ 15–59 ปี อ่าน เขียนภาษาไทย และคิดเลขอย่างง่ายได้",
                $"{JptEn}, education: people aged 15–59 read and write Thai and do simple arithmetic", askWhen: "age in 15..59",
                deprivationTh: "คน 15–59 ปีอ่านเขียนภาษาไทยไม่ได้", deprivationEn: "Member 15–59 cannot read and write Thai"),

            // ความเป็นอยู่ / ที่อยู่อาศัย Living conditions and housing
            new("LIV-1", Dimension.Living, IndicatorSubject.Household, AnswerType.YesNo,
                "บ้านมีสภาพคงทนถาวร (ใช้อยู่ได้อย่างน้อย 5 ปี) หรือไม่", "Is the house durable (will last at least 5 years)?",
                "answer = no", $"{Jpt} หมวดความเป็นอยู่: ครัวเรือนมีความมั่นคงในที่อยู่อาศัย และบ้านมีสภาพคงทนถาวร",
                $"{JptEn}, living: secure tenure and a durable house",
                deprivationTh: "บ้านไม่คงทนถาวร", deprivationEn: "House not durable"),
            new("LIV-2", Dimension.Living, IndicatorSubject.Household, AnswerType.YesNo,
                "ครัวเรือนมีความมั่นคงในที่อยู่อาศัย (เป็นเจ้าของ เช่าโดยมีสัญญา ไม่เสี่ยงถูกไล่ที่) หรือไม่",
                "Is the household's tenure secure (owned, rented with a contract, no risk of eviction)?",
                "answer = no", $"{Jpt} หมวดความเป็นอยู่: ครัวเรือนมีความมั่นคงในที่อยู่อาศัย; แผนแม่บทที่อยู่อาศัย 20 ปี (2560–2579)",
                $"{JptEn}, living: secure tenure; national 20-year housing master plan (2017–2036)",
                deprivationTh: "ไม่มั่นคงในที่อยู่อาศัย", deprivationEn: "Insecure tenure"),
            new("LIV-3", Dimension.Living, IndicatorSubject.Household, AnswerType.Number,
                "น้ำสะอาดสำหรับดื่มและบริโภคที่ครัวเรือนมีต่อวัน", "Clean drinking water the household has per day",
                "answer / members < 5", $"{Jpt} หมวดความเป็นอยู่: ครัวเรือนมีน้ำสะอาดสำหรับดื่มและบริโภคเพียงพอตลอดปี อย่างน้อยคนละ 5 ลิตรต่อวัน",
                $"{JptEn}, living: at least 5 litres of clean drinking water per person per day all year",
                unitTh: "ลิตรต่อวัน", unitEn: "litres a day", minimum: 0, maximum: 10_000,
                deprivationTh: "น้ำดื่มสะอาดไม่ถึงคนละ 5 ลิตรต่อวัน", deprivationEn: "Less than 5 L of clean drinking water a person a day"),
            new("LIV-4", Dimension.Living, IndicatorSubject.Household, AnswerType.Number,
                "น้ำใช้ที่ครัวเรือนมีต่อวัน", "Water for household use per day",
                "answer / members < 45", $"{Jpt} หมวดความเป็นอยู่: ครัวเรือนมีน้ำใช้เพียงพอตลอดปี อย่างน้อยคนละ 45 ลิตรต่อวัน",
                $"{JptEn}, living: at least 45 litres of water for use per person per day all year",
                unitTh: "ลิตรต่อวัน", unitEn: "litres a day", minimum: 0, maximum: 100_000,
                deprivationTh: "น้ำใช้ไม่ถึงคนละ 45 ลิตรต่อวัน", deprivationEn: "Less than 45 L of water a person a day"),

            // การเข้าถึงบริการรัฐ Access to public services
            new("PUB-1", Dimension.PublicServices, IndicatorSubject.Member, AnswerType.YesNo,
                "ได้รับเบี้ยยังชีพผู้สูงอายุหรือเบี้ยความพิการแล้วหรือไม่", "Receives the old-age or disability allowance?",
                "answer = no", "ระเบียบกระทรวงมหาดไทยว่าด้วยการจ่ายเงินเบี้ยยังชีพผู้สูงอายุ และเบี้ยความพิการ (FACTS.md); จปฐ.: ผู้สูงอายุและคนพิการได้รับการดูแล",
                "MoI regulations on the old-age and disability allowances (FACTS.md); จปฐ.: older and disabled persons are cared for",
                askWhen: "age >= 60 or disabled",
                deprivationTh: "ผู้สูงอายุหรือคนพิการไม่ได้รับเบี้ยยังชีพ", deprivationEn: "Older or disabled member without their allowance"),
            new("PUB-2", Dimension.PublicServices, IndicatorSubject.Member, AnswerType.YesNo,
                "มีสิทธิหลักประกันสุขภาพ (บัตรทอง ประกันสังคม หรือสวัสดิการข้าราชการ) หรือไม่", "Covered by health insurance (UCS, social security or civil-servant scheme)?",
                "answer = no", "พ.ร.บ.หลักประกันสุขภาพแห่งชาติ พ.ศ. 2545; ตัวชี้วัดความยากจนหลายมิติ (สศช.)",
                "National Health Security Act 2002; NESDC multidimensional poverty",
                deprivationTh: "ไม่มีสิทธิหลักประกันสุขภาพ", deprivationEn: "Member without health coverage"),
            new("PUB-3", Dimension.PublicServices, IndicatorSubject.Member, AnswerType.YesNo,
                "มีบัตรประจำตัวประชาชนหรือเอกสารทางทะเบียนราษฎรหรือไม่", "Has a national ID card or civil-registration document?",
                "answer = no", "พ.ร.บ.บัตรประจำตัวประชาชน (ต้องมีบัตรตั้งแต่อายุ 7 ปี); ไม่มีบัตรเข้าถึงสิทธิสวัสดิการไม่ได้",
                "Identity Card Act (a card from age 7); without one, rights and welfare cannot be claimed",
                askWhen: "age >= 7",
                deprivationTh: "ไม่มีบัตรประชาชน / เอกสารทะเบียน", deprivationEn: "Member without ID card or civil-registration document"),
        ]);
}
