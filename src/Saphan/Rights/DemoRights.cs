using Saphan.Audit;
using Saphan.Registry;
using Saphan.Rights.Eligibility;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Rights;

/// <summary>
/// Synthetic facts and enrolments for the demo population, so that every screen has something true-looking to show:
/// most older persons receive the old-age allowance but some miss out (at least one in each demo officer's district), some disability
/// card holders have no allowance, some young children have no grant, and a few facts are missing on purpose.
/// </summary>
internal static class DemoRights
{
    private const string Survey = "แบบสำรวจ อพม. (ข้อมูลสังเคราะห์)";
    private const string DemoList = "demo-enrolments.csv";

    public static async Task SeedAsync(SaphanDb db, IReadOnlyList<Person> people, DateTimeOffset now, int seed, CancellationToken ct = default)
    {
        await RightsCatalogue.EnsureLoadedAsync(db, now, ct);
        var random = new Random(seed + 6);
        var today = BangkokTime.DayOf(now);
        var facts = new List<PersonFact>();
        var enrolments = new List<Enrolment>();
        var thai = new Dictionary<Guid, bool?>();
        var pension = new Dictionary<Guid, bool?>();
        var income = new Dictionary<Guid, long?>();
        var assets = new Dictionary<Guid, long?>();

        // In each demo officer's district the oldest older person with a national ID misses out on the old-age allowance,
        // so that every district officer has someone to find (and the end-to-end test someone to refer).
        var officerDistricts = DemoData.DemoDataSeeder.Users.Where(u => u.District is not null).Select(u => u.District!).ToHashSet(StringComparer.Ordinal);
        var shownMissing = people.Where(p => officerDistricts.Contains(p.DistrictCode) && p.AgeOn(today) >= 60 && p.CitizenId is { IsValid: true })
            .GroupBy(p => p.DistrictCode).Select(g => g.OrderBy(p => p.BirthDate).ThenBy(p => p.CitizenId!.Value.Digits, StringComparer.Ordinal).First().Id)
            .ToHashSet();

        DateOnly Recently() => today.AddDays(-random.Next(20, 400));
        void Fact(Person p, FactKind kind, bool? flag, long? amount) =>
            facts.Add(PersonFact.Record(p.Id, kind, flag, amount, Survey, Recently(), "system:demo", now));

        foreach (var p in people)
        {
            var age = p.AgeOn(today) ?? 40;
            var roll = random.NextDouble();
            bool? isThai = roll < 0.95 || shownMissing.Contains(p.Id) ? true : roll < 0.97 ? false : null;
            thai[p.Id] = isThai;
            if (isThai is { } t) Fact(p, FactKind.ThaiNationality, t, null);
            if (age >= 60)
            {
                var r = random.NextDouble();
                bool? receives = shownMissing.Contains(p.Id) ? false : r < 0.1 ? true : r < 0.92 ? false : null;
                pension[p.Id] = receives;
                if (receives is { } x) Fact(p, FactKind.StatePension, x, null);
            }
            long? own = age < 15 ? 0 : random.NextDouble() < 0.88 ? (age >= 60 ? random.Next(0, 60) * 1000L : random.Next(20, 260) * 1000L) : null;
            income[p.Id] = own;
            if (own is { } o) Fact(p, FactKind.OwnIncome, null, o);
            if (age >= 18 && random.NextDouble() < 0.8)
            {
                var a = random.Next(0, 250) * 1000L;
                assets[p.Id] = a;
                Fact(p, FactKind.FinancialAssets, null, a);
            }
            if (!p.HasDisabilityCard && random.NextDouble() < 0.012) Fact(p, FactKind.Disability, true, null);
        }

        var householdIncome = people.GroupBy(p => p.HouseholdId ?? p.Id).ToDictionary(g => g.Key,
            g => g.All(p => income[p.Id] is not null) ? g.Sum(p => income[p.Id]!.Value) / g.Count() : (long?)null);
        DateOnly Start(DateOnly eligibleFrom, DateOnly lawFrom)
        {
            var start = (eligibleFrom > lawFrom ? eligibleFrom : lawFrom).AddDays(random.Next(15, 120));
            return start > today ? today : start;
        }
        void Enrol(Person p, string scheme, DateOnly start) => enrolments.Add(Enrolment.Record(p.Id, scheme, start, DemoList, null, "system:demo", now));

        foreach (var p in people.OrderBy(p => p.DistrictCode, StringComparer.Ordinal).ThenBy(p => p.CitizenId?.Digits, StringComparer.Ordinal))
        {
            var age = p.AgeOn(today);
            var hasId = p.CitizenId is { IsValid: true };
            var isThai = thai[p.Id] == true;
            var hhIncome = householdIncome[p.HouseholdId ?? p.Id];
            if (hasId && isThai && random.NextDouble() < 0.92) Enrol(p, RightsCatalogue.HealthCoverage, Start(p.BirthDate ?? today, new(2002, 11, 19)));
            if (age >= 60 && hasId && isThai && pension.GetValueOrDefault(p.Id) == false)
            {
                if (!shownMissing.Contains(p.Id) && random.NextDouble() < 0.85) Enrol(p, RightsCatalogue.OldAgeAllowance, Start(p.BirthDate!.Value.AddYears(60), new(2011, 10, 1)));
            }
            var welfare = age >= 18 && hasId && isThai && income[p.Id] <= 100_000 && assets.GetValueOrDefault(p.Id) is <= 100_000 && hhIncome <= 100_000
                && random.NextDouble() < 0.6;
            if (welfare) Enrol(p, RightsCatalogue.StateWelfareCard, Start(new(2022, 9, 5), new(2022, 9, 5)));
            if (p.HasDisabilityCard && hasId && isThai && random.NextDouble() < 0.75) Enrol(p, RightsCatalogue.DisabilityAllowance, Start(p.BirthDate ?? today, new(2020, 10, 1)));
            if (age < 6 && hasId && isThai && hhIncome <= 100_000 && random.NextDouble() < 0.6)
                Enrol(p, RightsCatalogue.ChildSupportGrant, Start(p.BirthDate ?? today, new(2019, 10, 1)));
        }
        db.PersonFacts.AddRange(facts);
        db.Enrolments.AddRange(enrolments);
        db.AuditLog.Add(new AuditEntry(now, null, db.Scope.UserName, AuditAction.Create, "DemoData", "rights", "startup",
            $"synthetic rights data: {facts.Count} facts, {enrolments.Count} enrolments"));
        await db.SaveChangesAsync(ct);
        await RightsRefresh.RefreshAsync(db, today, now, null, ct);
    }
}
