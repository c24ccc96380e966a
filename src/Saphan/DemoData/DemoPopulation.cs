using Saphan.Geography;
using Saphan.Linkage;
using Saphan.Linkage.Normalisation;
using Saphan.Registry;
using Saphan.Synthetic;
using Saphan.Localization;

namespace Saphan.DemoData;

/// <summary>
/// Makes synthetic households across the 50 districts, in proportion to each district's registered population,
/// with the mix of older persons, children, persons with disabilities and bedridden people a district officer sees,
/// and homeless people concentrated around Ratchadamnoen (Phra Nakhon). Every record is marked synthetic.
/// National ID numbers start with 9, a person-type digit that DOPA does not issue, so no demo number can be a real person's.
/// </summary>
public sealed class DemoPopulation(int seed, DateTimeOffset now)
{
    private readonly Random random = new(seed);
    private readonly DateOnly today = BangkokTime.DayOf(now);

    public sealed record Result(IReadOnlyList<Household> Households, IReadOnlyList<Person> People);

    public Result Generate(int targetPeople, IReadOnlyList<Subdistrict> subdistricts, IReadOnlyList<Community> communities,
        IReadOnlyDictionary<string, int> populationByDistrict)
    {
        var households = new List<Household>();
        var people = new List<Person>();
        var total = populationByDistrict.Values.Sum();
        var subdistrictsByDistrict = subdistricts.GroupBy(s => s.DistrictCode).ToDictionary(g => g.Key, g => g.ToList());
        var communitiesByDistrict = communities.GroupBy(c => c.DistrictCode).ToDictionary(g => g.Key, g => g.ToList());
        var homeless = Math.Max(10, targetPeople / 50);

        foreach (var (district, population) in populationByDistrict.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var want = Math.Max(6, (int)Math.Round((double)(targetPeople - homeless) * population / total));
            var made = 0;
            while (made < want)
            {
                var subdistrict = Pick(subdistrictsByDistrict[district]);
                var community = communitiesByDistrict.TryGetValue(district, out var list) && random.NextDouble() < 0.4 ? Pick(list) : null;
                var household = Household.Register(new HouseholdAddress
                {
                    HouseNumber = $"{random.Next(1, 400)}" + (random.NextDouble() < 0.3 ? $"/{random.Next(1, 60)}" : ""),
                    Soi = random.NextDouble() < 0.6 ? $"ซอย {random.Next(1, 120)}" : null,
                    SubdistrictCode = subdistrict.Code,
                    Postcode = subdistrict.Postcode,
                    CommunityId = community?.Id,
                }, now, synthetic: true);
                households.Add(household);
                foreach (var (person, role) in Members(household))
                {
                    household.Add(person, role, now);
                    people.Add(person);
                    made++;
                }
            }
        }

        // Homeless people: about half met around Ratchadamnoen (Phra Nakhon, 1001), the rest across the inner districts.
        string[] inner = ["1001", "1001", "1001", "1002", "1008", "1013", "1004", "1007", "1037", "1018"];
        for (var i = 0; i < homeless; i++)
        {
            var district = inner[random.Next(inner.Length)];
            var sex = random.NextDouble() < 0.8 ? Sex.Male : Sex.Female;
            var person = NewPerson(sex, random.Next(25, 75), withId: random.NextDouble() < 0.6, exactBirthDate: random.NextDouble() < 0.5,
                new Residence { DistrictCode = district, SubdistrictCode = Pick(subdistrictsByDistrict[district]).Code });
            person.RecordHomeless(person.Residence, now);
            people.Add(person);
        }
        return new Result(households, people);
    }

    private IEnumerable<(Person, HouseholdRole)> Members(Household household)
    {
        var familyName = Pick(ThaiNameLists.FamilyNames);
        var residence = household.Residence;
        var elderlyHousehold = random.NextDouble() < 0.2;
        var headSex = random.NextDouble() < 0.55 ? Sex.Male : Sex.Female;
        var headAge = elderlyHousehold ? random.Next(60, 92) : random.Next(25, 60);
        yield return (NewPerson(headSex, headAge, familyName, residence), HouseholdRole.Head);
        if (random.NextDouble() < 0.65)
            yield return (NewPerson(headSex == Sex.Male ? Sex.Female : Sex.Male, Math.Clamp(headAge + random.Next(-6, 5), 20, 95), familyName, residence), HouseholdRole.Spouse);
        var children = elderlyHousehold ? random.Next(0, 2) : random.Next(0, 4);
        for (var i = 0; i < children; i++)
        {
            var age = elderlyHousehold ? random.Next(25, 50) : random.Next(0, Math.Max(1, Math.Min(headAge - 18, 30)));
            yield return (NewPerson(RandomSex(), age, familyName, residence), HouseholdRole.Child);
        }
        if (elderlyHousehold && random.NextDouble() < 0.5)
            yield return (NewPerson(RandomSex(), random.Next(0, 15), familyName, residence), HouseholdRole.Grandchild);
        if (!elderlyHousehold && random.NextDouble() < 0.25)
            yield return (NewPerson(RandomSex(), random.Next(62, 95), familyName, residence), HouseholdRole.Parent);
    }

    private Person NewPerson(Sex sex, int age, string familyName, Residence residence) =>
        NewPerson(sex, age, withId: random.NextDouble() < 0.97, exactBirthDate: true, residence, familyName);

    private Person NewPerson(Sex sex, int age, bool withId, bool exactBirthDate, Residence residence, string? familyName = null)
    {
        var birth = today.AddYears(-age).AddDays(-random.Next(0, 365));
        var given = Pick(sex == Sex.Female ? ThaiNameLists.FemaleGivenNames : ThaiNameLists.MaleGivenNames);
        var title = (sex, age) switch
        {
            (Sex.Male, < 15) => "ด.ช.",
            (Sex.Female, < 15) => "ด.ญ.",
            (Sex.Male, _) => "นาย",
            (Sex.Female, _) => random.NextDouble() < 0.6 ? "นาง" : "นางสาว",
            _ => null,
        };
        var person = Person.Register(new PersonDetails(given, familyName ?? Pick(ThaiNameLists.FamilyNames), sex,
                withId ? DemoCitizenId() : null, title,
                exactBirthDate ? birth : new DateOnly(birth.Year, 1, 1), exactBirthDate ? DatePrecision.Day : DatePrecision.Year,
                random.NextDouble() < 0.7 ? $"08{random.Next(10000000, 99999999)}" : null),
            residence, now, synthetic: true);
        var disability = random.NextDouble() < (age >= 60 ? 0.08 : 0.025);
        var bedridden = age >= 60 && random.NextDouble() < 0.06 || disability && random.NextDouble() < 0.15;
        person.RecordConditions(disability, bedridden, now);
        return person;
    }

    private CitizenId DemoCitizenId()
    {
        Span<char> digits = stackalloc char[13];
        digits[0] = '9';
        for (var i = 1; i < 12; i++) digits[i] = (char)('0' + random.Next(10));
        digits[12] = (char)('0' + CitizenId.CheckDigit(digits));
        return CitizenId.Parse(new string(digits));
    }

    private Sex RandomSex() => random.NextDouble() < 0.5 ? Sex.Male : Sex.Female;
    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
