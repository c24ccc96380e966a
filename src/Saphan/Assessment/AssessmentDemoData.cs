using Microsoft.EntityFrameworkCore;
using Saphan.Assessment.Cases;
using Saphan.Assessment.Indicators;
using Saphan.Assessment.Plans;
using Saphan.Audit;
using Saphan.Registry;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Assessment;

/// <summary>
/// Synthetic family report cards for the demo households: every household of the three pilot districts of seed 004 and a
/// fifth elsewhere are assessed, a third of them twice (so timelines show problems solved), with case plans for poor
/// households, the three pilot area plans and the eight "one department, one area" pairings of seed 002. Every answer goes
/// through the same rules as a real assessment. Half of the volunteer's households are left unassessed for the field demo.
/// </summary>
public static class AssessmentDemoData
{
    public static readonly string[] PilotDistricts = ["1002", "1009", "1043"];

    public static async Task SeedAsync(SaphanDb db, DateTimeOffset now, CancellationToken ct = default, int seed = 2567)
    {
        if (await db.Assessments.AnyAsync(ct)) return;
        var set = await IndicatorCatalogue.EnsureDefaultAsync(db, ct);
        var random = new Random(seed);
        var today = BangkokTime.DayOf(now);
        var households = await db.Households.AsNoTracking().Where(h => h.IsSynthetic).OrderBy(h => h.Id).ToListAsync(ct);
        var people = (await db.People.AsNoTracking().Where(p => p.HouseholdId != null).ToListAsync(ct))
            .GroupBy(p => p.HouseholdId!.Value).ToDictionary(g => g.Key, g => g.Select(p => new MemberFacts(p.Id, p.FullName, p.BirthDate, p.HasDisabilityCard, p.IsBedridden)).ToList());
        var assigned = (await db.VolunteerAssignments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.HouseholdId).ToListAsync(ct)).ToList();
        var leaveForVolunteer = assigned.Where((_, i) => i % 2 == 0).ToHashSet();

        var latest = new List<HouseholdAssessment>();
        foreach (var household in households)
        {
            if (!people.TryGetValue(household.Id, out var members) || members.Count == 0 || leaveForVolunteer.Contains(household.Id)) continue;
            var pilot = PilotDistricts.Contains(household.DistrictCode);
            // The pilots surveyed every household in depth (seed 004); elsewhere a fifth have a report card.
            if (!pilot && random.NextDouble() > 0.2) continue;
            var area = new AssessedArea(household.DistrictCode, household.Address.SubdistrictCode, household.Address.CommunityId);
            var hardship = Math.Pow(random.NextDouble(), 1.6);
            var twice = random.NextDouble() < 0.35;
            var firstDay = today.AddDays(-(twice ? random.Next(300, 420) : random.Next(20, 300)));
            var first = Assess(household.Id, set, members, Answers(set, members, firstDay, hardship, random, previous: null), firstDay, area, now, random);
            db.Assessments.Add(first);
            var last = first;
            if (twice)
            {
                var secondDay = today.AddDays(-random.Next(10, 90));
                var second = Assess(household.Id, set, members, Answers(set, members, secondDay, hardship * 0.7, random, previous: first.AnswerMap()), secondDay, area, now, random);
                db.Assessments.Add(second);
                last = second;
            }
            last.SetLatest(true);
            latest.Add(last);
        }

        SeedCasePlans(db, latest, set, today, now, random);
        await db.SaveChangesAsync(ct);
        await SeedAreaPlansAsync(db, latest, today, now, random, ct);
        await SeedAdoptionsAsync(db, latest, households, random, ct);
        db.AuditLog.Add(new AuditEntry(now, null, db.Scope.UserName, AuditAction.Create, "DemoData", "assessments", "startup",
            $"synthetic family report cards: {latest.Count} households assessed"));
        await db.SaveChangesAsync(ct);
    }

    private static HouseholdAssessment Assess(Guid householdId, IndicatorSet set, List<MemberFacts> members, Dictionary<AnswerKey, AnswerValue> answers,
        DateOnly day, AssessedArea area, DateTimeOffset now, Random random)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 400));
        var assessment = HouseholdAssessment.Start(householdId, set, null, "อพม. (ข้อมูลตัวอย่าง)", day, at);
        var problems = assessment.Record(set, answers, day, null, null, BangkokTime.DayOf(now), at);
        if (problems.Count == 0) problems = assessment.Submit(set, members, area, at);
        if (problems.Count > 0) throw new InvalidOperationException($"Demo assessment is incomplete: {string.Join(", ", problems)}");
        return assessment;
    }

    /// <summary>Answers drawn from a household's hardship (0 = none, 1 = severe); a reassessment keeps most answers and solves some problems.</summary>
    private static Dictionary<AnswerKey, AnswerValue> Answers(IndicatorSet set, List<MemberFacts> members, DateOnly day, double hardship, Random random,
        IReadOnlyDictionary<AnswerKey, AnswerValue>? previous)
    {
        var answers = new Dictionary<AnswerKey, AnswerValue>();
        bool Lacks(double baseline) => random.NextDouble() < baseline + hardship * 0.45;
        foreach (var indicator in set.Indicators)
        {
            IEnumerable<Guid?> subjects = indicator.Subject == IndicatorSubject.Household
                ? [null]
                : Deprivations.AskedMembers(indicator, members, day).Select(m => (Guid?)m.PersonId);
            foreach (var person in subjects)
            {
                var key = new AnswerKey(indicator.Code, person);
                AnswerValue value;
                if (indicator.AnswerType == AnswerType.Number)
                {
                    var perPerson = indicator.Code switch
                    {
                        "INC-1" => Lacks(0.05) ? random.Next(12_000, 38_000) : random.Next(40_000, 180_000),
                        "LIV-3" => Lacks(0.02) ? random.Next(1, 5) : random.Next(5, 12),
                        _ => Lacks(0.02) ? random.Next(15, 45) : random.Next(45, 150),
                    };
                    var total = (decimal)(perPerson * members.Count);
                    if (indicator.Code == "INC-1") total = Math.Round(total / 1000) * 1000;
                    value = new AnswerValue(total, null);
                }
                else
                {
                    value = new AnswerValue(null, !Lacks(indicator.Dimension == Dimension.Health ? 0.02 : 0.04));
                }
                // A reassessment: a problem found before is solved about half the time; what was fine mostly stays fine.
                if (previous is not null && previous.TryGetValue(key, out var before))
                {
                    var wasDeprived = indicator.AnswerType == AnswerType.YesNo ? before.YesNo == false : IsLowNumber(indicator.Code, before.Number, members.Count);
                    var isDeprived = indicator.AnswerType == AnswerType.YesNo ? value.YesNo == false : IsLowNumber(indicator.Code, value.Number, members.Count);
                    if (wasDeprived && random.NextDouble() < 0.5) value = Improved(indicator, members.Count, random);
                    else if (!wasDeprived && isDeprived && random.NextDouble() < 0.85) value = before;
                    else if (wasDeprived && !isDeprived) value = before;
                }
                answers[key] = value;
            }
        }
        return answers;
    }

    private static bool IsLowNumber(string code, decimal? value, int members) => value is { } v && code switch
    {
        "INC-1" => v / members < DefaultIndicatorSet.IncomeThreshold,
        "LIV-3" => v / members < 5,
        _ => v / members < 45,
    };

    private static AnswerValue Improved(Indicator indicator, int members, Random random) => indicator.Code switch
    {
        "INC-1" => new AnswerValue(Math.Round((decimal)(random.Next(39_000, 70_000) * members) / 1000) * 1000, null),
        "LIV-3" => new AnswerValue(random.Next(5, 10) * members, null),
        "LIV-4" => new AnswerValue(random.Next(45, 100) * members, null),
        _ => new AnswerValue(null, true),
    };

    private static readonly Dictionary<Dimension, string[]> AgenciesByDimension = new()
    {
        [Dimension.Income] = ["mol", "msdhs.welfare", "bma.district"],
        [Dimension.Health] = ["bma.health", "msdhs.disabilities", "msdhs.older"],
        [Dimension.Education] = ["bma.education", "msdhs.children", "moe"],
        [Dimension.Living] = ["msdhs.codi", "msdhs.nha", "bma.district"],
        [Dimension.PublicServices] = ["bma.district", "msdhs.older", "moi"],
    };

    private static void SeedCasePlans(SaphanDb db, List<HouseholdAssessment> latest, IndicatorSet set, DateOnly today, DateTimeOffset now, Random random)
    {
        foreach (var assessment in latest.Where(a => a.IsPoor && PilotDistricts.Contains(a.DistrictCode) && random.NextDouble() < 0.5))
        {
            var plan = new CasePlan(assessment.HouseholdId, "เจ้าหน้าที่เขต (ข้อมูลตัวอย่าง)", now);
            foreach (var code in assessment.DeprivedCodes.OrderBy(_ => random.Next()).Take(3))
            {
                var indicator = set.Find(code)!;
                var agencies = AgenciesByDimension[indicator.Dimension];
                var due = assessment.AssessedOn.AddDays(random.Next(30, 200));
                var action = plan.AddAction(code, indicator.Dimension, $"ติดตามแก้ไข: {indicator.DeprivationTh}", agencies[random.Next(agencies.Length)], due,
                    "เจ้าหน้าที่เขต (ข้อมูลตัวอย่าง)", now);
                var roll = random.NextDouble();
                if (roll < 0.3 && due <= today) action.Update(ActionStatus.Done, "ดำเนินการแล้ว ครัวเรือนได้รับความช่วยเหลือ", due);
                else if (roll < 0.6) action.Update(ActionStatus.InProgress, null, today);
            }
            db.CasePlans.Add(plan);
        }
    }

    private static async Task SeedAreaPlansAsync(SaphanDb db, List<HouseholdAssessment> latest, DateOnly today, DateTimeOffset now, Random random, CancellationToken ct)
    {
        var names = new Dictionary<string, (string Th, string En)>
        {
            ["1002"] = ("แผนแก้ไขปัญหาความยากจนระดับพื้นที่ เขตดุสิต", "Area poverty plan, Dusit"),
            ["1009"] = ("แผนแก้ไขปัญหาความยากจนระดับพื้นที่ เขตพระโขนง", "Area poverty plan, Phra Khanong"),
            ["1043"] = ("แผนแก้ไขปัญหาความยากจนระดับพื้นที่ เขตคันนายาว", "Area poverty plan, Khan Na Yao"),
        };
        foreach (var district in PilotDistricts)
        {
            var plan = new AreaPlan(district, names[district].Th, names[district].En, today.Year,
                "สำนักงานเขต, พอช., บพท. (PMU-A), เครือข่ายสวัสดิการชุมชน, สภาองค์กรชุมชน, เครือข่ายบ้านมั่นคง, อพม.", now);
            var projects = new (AreaProject Project, Func<HouseholdAssessment, bool> Serves)[]
            {
                (plan.AddProject(ProjectKind.QualityOfLife, "พัฒนาคุณภาพชีวิตครัวเรือนเปราะบาง (สุขภาพ การศึกษา)", "Quality of life of vulnerable households (health, education)", 1, "bma.social", 450_000),
                    a => a.IsPoor && (a.HealthDeprived || a.EducationDeprived)),
                (plan.AddProject(ProjectKind.CommunityWelfareFund, "กองทุนสวัสดิการชุมชน ดูแลผู้สูงอายุและคนพิการ", "Community welfare fund for older and disabled members", 1, "msdhs.codi", 300_000),
                    a => a.IsPoor && (a.HasOlderPerson || a.HasPersonWithDisability)),
                (plan.AddProject(ProjectKind.BaanPhoPhiang, "บ้านพอเพียง ซ่อมแซมบ้านผู้มีรายได้น้อย", "Baan Pho Phiang: repairing low-income homes", 1, "msdhs.codi", 600_000),
                    a => a.DeprivedCodes.Contains("LIV-1")),
                (plan.AddProject(ProjectKind.BaanMankong, "บ้านมั่นคง ที่อยู่อาศัยมั่นคงสำหรับชุมชน", "Baan Mankong: secure community housing", 2, "msdhs.codi", 2_500_000),
                    a => a.DeprivedCodes.Contains("LIV-2")),
                (plan.AddProject(ProjectKind.Livelihood, "ฝึกอาชีพและหางานให้คนวัยทำงาน", "Skills and jobs for working-age members", 2, "mol", 350_000),
                    a => a.DeprivedCodes.Contains("INC-2")),
            };
            projects[0].Project.SetStatus(ProjectStatus.Running);
            projects[1].Project.SetStatus(ProjectStatus.Running);
            db.AreaPlans.Add(plan);
            await db.SaveChangesAsync(ct);
            var inDistrict = latest.Where(a => a.DistrictCode == district).ToList();
            foreach (var (project, serves) in projects)
                foreach (var a in inDistrict.Where(serves).Take(25))
                    db.ProjectHouseholds.Add(new ProjectHousehold(project.Id, a.HouseholdId, today.AddDays(-random.Next(0, 60))));
        }
    }

    private static async Task SeedAdoptionsAsync(SaphanDb db, List<HouseholdAssessment> latest, List<Household> households, Random random, CancellationToken ct)
    {
        var communities = await db.Communities.AsNoTracking().ToListAsync(ct);
        foreach (var pairing in Pairings.Seed002)
        {
            var community = Pairings.Match(pairing, communities);
            var adoption = new Adoption(pairing.AgencyKey, community?.NameTh ?? pairing.CommunityNameTh, pairing.DistrictCode, community?.Id,
                community is null ? Pairings.NotInListNoteTh : null, Pairings.AnnouncedOn);
            db.Adoptions.Add(adoption);
            await db.SaveChangesAsync(ct);
            // The demo has no household register of these communities: the agency's households are demo households of the same
            // district, the assessed and poor first (as a field team would start with them).
            var poorFirst = latest.Where(a => a.DistrictCode == pairing.DistrictCode).OrderByDescending(a => a.ScoreBasisPoints).Select(a => a.HouseholdId)
                .Concat(households.Where(h => h.DistrictCode == pairing.DistrictCode).Select(h => h.Id)).Distinct().Take(12);
            foreach (var id in poorFirst)
                db.AdoptionHouseholds.Add(new AdoptionHousehold(adoption.Id, id, Pairings.AnnouncedOn.AddDays(random.Next(0, 30))));
        }
    }
}
