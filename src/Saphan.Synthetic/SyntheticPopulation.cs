using Saphan.Linkage;
using Saphan.Linkage.Normalisation;

namespace Saphan.Synthetic;

/// <summary>Where a synthetic household lives.</summary>
public sealed record SyntheticAddress(string HouseNumber, string? Soi, string? Road, BangkokSubdistrict Subdistrict)
{
    /// <summary>The address in one line, as agencies write it: "12/3 ซ.ลาดพร้าว 5 ถ.ลาดพร้าว แขวงจอมพล เขตจตุจักร 10900".</summary>
    public string OneLine =>
        string.Join(' ', new[] { HouseNumber, Soi is null ? null : "ซ." + Soi, Road is null ? null : "ถ." + Road,
            "แขวง" + Subdistrict.Name, "เขต" + Subdistrict.DistrictName, Subdistrict.Postcode }.Where(p => p is not null));
}

/// <summary>
/// One true (synthetic) person. <see cref="MaidenName"/> is set for a married woman who took her husband's
/// family name; some agencies still hold her under it.
/// </summary>
public sealed record SyntheticPerson(
    string PersonId,
    string Title,
    string GivenName,
    string FamilyName,
    string? MaidenName,
    Sex Sex,
    DateOnly BirthDate,
    string CitizenId,
    string HouseholdId,
    SyntheticAddress Address,
    string? Phone)
{
    public int AgeOn(DateOnly day) => day.Year - BirthDate.Year - (day.DayOfYear < BirthDate.DayOfYear ? 1 : 0);
}

/// <summary>Shape of the generated population.</summary>
public sealed record SyntheticPopulationOptions
{
    /// <summary>The day ages and titles are computed for (fixed, so output never depends on the clock).</summary>
    public DateOnly ReferenceDate { get; init; } = new(2024, 6, 1);

    /// <summary>Share of people who copy the given and family name of an earlier person (namesakes, different birth dates).</summary>
    public double NamesakeRate { get; init; } = 0.01;

    /// <summary>Share of adult women who are married and carry their husband's family name.</summary>
    public double MarriedWomenRate { get; init; } = 0.45;

    public double PhoneRate { get; init; } = 0.6;
}

/// <summary>
/// A deterministic synthetic Bangkok population: households of 1–6 relatives sharing a family name and an
/// address in a real subdistrict, valid (check-digit) citizen IDs that are unique per person, Thai names from
/// the embedded corpus. The same seed gives the same people, in the same order, and person i is the same
/// whatever the total count. Used by the linkage evaluation, the benchmarks and the web app's demo data.
/// </summary>
/// <remarks>Synthetic IDs pass the check digit and may coincide with a real person's number: mark generated data as synthetic.</remarks>
public sealed class SyntheticPopulation(int seed, SyntheticPopulationOptions? options = null)
{
    private const int NamesakeMemory = 4096;

    public int Seed { get; } = seed;

    public SyntheticPopulationOptions Options { get; } = options ?? new SyntheticPopulationOptions();

    /// <summary>The first <paramref name="count"/> people (streamed: memory does not grow with the count).</summary>
    public IEnumerable<SyntheticPerson> People(int count)
    {
        var recent = new SyntheticPerson[NamesakeMemory];
        var made = 0;
        var household = 0;
        while (made < count)
        {
            var rng = new DeterministicRandom(Seed, 1_000_000_000L + household);
            var members = Math.Min(count - made, HouseholdSize(rng));
            var subdistrict = rng.Pick(BangkokGazetteer.Subdistricts);
            var address = NewAddress(rng, subdistrict);
            var family = rng.Pick(ThaiNameLists.FamilyNames);
            var householdId = "H" + household.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
            var homePhone = rng.Chance(0.3) ? NewPhone(rng) : null;
            for (var m = 0; m < members; m++)
            {
                var person = NewPerson(made, rng, householdId, address, family, homePhone, m, recent, Math.Min(made, NamesakeMemory));
                recent[made % NamesakeMemory] = person;
                made++;
                yield return person;
            }
            household++;
        }
    }

    /// <summary>A person's ID: 12 digits from a bijection of the person number (so IDs never repeat), plus the check digit.</summary>
    public static string CitizenIdFor(long personNumber, int typeDigit)
    {
        // 7 is coprime with 10, so n → (n · 7_919_333 + c) mod 10^11 is a bijection: distinct people, distinct IDs.
        var body = (personNumber * 7_919_333L + 12_345_678_901L) % 100_000_000_000L;
        var first12 = typeDigit.ToString(System.Globalization.CultureInfo.InvariantCulture) + body.ToString("00000000000", System.Globalization.CultureInfo.InvariantCulture);
        return first12 + Linkage.Normalisation.CitizenId.CheckDigit(first12).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private SyntheticPerson NewPerson(int index, DeterministicRandom householdRng, string householdId, SyntheticAddress address,
        string family, string? homePhone, int member, SyntheticPerson[] recent, int recentCount)
    {
        var rng = new DeterministicRandom(Seed, index);
        var reference = Options.ReferenceDate;
        // The first member is an adult head of household; others of any age (children, elders).
        var age = member == 0 ? rng.Next(20, 90) : rng.Chance(0.35) ? rng.Next(0, 18) : rng.Next(18, 96);
        var birth = reference.AddYears(-age).AddDays(-rng.Next(0, 365));
        var sex = rng.Chance(0.5) ? Sex.Male : Sex.Female;
        var given = rng.Pick(sex == Sex.Male ? ThaiNameLists.MaleGivenNames : ThaiNameLists.FemaleGivenNames);
        string? maiden = null;
        var married = sex == Sex.Female && age >= 20 && rng.Chance(Options.MarriedWomenRate);
        if (married && member > 0)
        {
            // She took the household's family name at marriage; agencies that registered her before hold her maiden name.
            maiden = rng.Pick(ThaiNameLists.FamilyNames);
        }
        if (recentCount > 0 && householdRng.Chance(Options.NamesakeRate))
        {
            var other = recent[rng.Next(recentCount)];
            if (other.HouseholdId != householdId && other.BirthDate != birth)
            {
                given = other.GivenName;
                family = other.FamilyName;
                sex = other.Sex;
                maiden = null;
                married = false;
            }
        }
        var title = age < 15 ? (sex == Sex.Male ? "เด็กชาย" : "เด็กหญิง") : sex == Sex.Male ? "นาย" : married ? "นาง" : "นางสาว";
        var typeDigit = birth.Year >= 1984 ? 1 : 3;
        var phone = rng.Chance(Options.PhoneRate) ? NewPhone(rng) : homePhone;
        return new SyntheticPerson("p" + index.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture), title, given, family, maiden, sex, birth,
            CitizenIdFor(index, typeDigit), householdId, address, phone);
    }

    /// <summary>A different address (people move), drawn from the person's own stream so it is deterministic.</summary>
    public static SyntheticAddress NewAddress(DeterministicRandom rng, BangkokSubdistrict? subdistrict = null)
    {
        subdistrict ??= rng.Pick(BangkokGazetteer.Subdistricts);
        var house = rng.Chance(0.4)
            ? $"{rng.Next(1, 400)}/{rng.Next(1, 120)}"
            : rng.Next(1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var road = rng.Chance(0.6) ? rng.Pick(Roads) : null;
        var soi = road is not null && rng.Chance(0.6) ? road + " " + rng.Next(1, 120).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new SyntheticAddress(house, soi, road, subdistrict);
    }

    private static string NewPhone(DeterministicRandom rng) =>
        "0" + rng.Pick(MobilePrefixes) + rng.Next(0, 10_000_000).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

    private static int HouseholdSize(DeterministicRandom rng)
    {
        var x = rng.NextDouble();
        return x < 0.30 ? 1 : x < 0.55 ? 2 : x < 0.75 ? 3 : x < 0.90 ? 4 : x < 0.97 ? 5 : 6;
    }

    private static readonly string[] MobilePrefixes = ["61", "62", "63", "64", "65", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99"];

    private static readonly string[] Roads =
    [
        "ลาดพร้าว", "พหลโยธิน", "สุขุมวิท", "เพชรบุรี", "รามคำแหง", "จรัญสนิทวงศ์", "เพชรเกษม", "พระราม 4", "พระราม 2", "งามวงศ์วาน",
        "ประชาราษฎร์บำเพ็ญ", "นวมินทร์", "รามอินทรา", "บางนา-ตราด", "ตากสิน", "อ่อนนุช", "ศรีนครินทร์", "วิภาวดีรังสิต", "เจริญกรุง", "สาทร",
    ];
}
