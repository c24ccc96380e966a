using System.Text;
using Saphan.Linkage;

namespace Saphan.Synthetic;

/// <summary>The rates of the noise model (see NOISE.md). Each rate is per record unless said otherwise.</summary>
public sealed record NoiseOptions
{
    /// <summary>Probability that a person appears in each source.</summary>
    public double Coverage { get; init; } = 0.55;

    /// <summary>The same person registered twice in one agency.</summary>
    public double DuplicateInSource { get; init; } = 0.02;

    /// <summary>One similar-sounding letter swapped (ศ/ส/ษ, ท/ธ/ฑ, ค/ฆ, ล/ฬ, ภ/พ, ั/ะ), per name.</summary>
    public double Misspelling { get; init; } = 0.05;

    /// <summary>A tone mark dropped (or one added when there is none), per name.</summary>
    public double ToneMark { get; init; } = 0.04;

    /// <summary>นางสาว written for นาง or the reverse; or no title at all.</summary>
    public double TitleChange { get; init; } = 0.10;

    /// <summary>A married woman held under her maiden name (and นางสาว) by this record.</summary>
    public double MaidenName { get; init; } = 0.35;

    public double MissingId { get; init; } = 0.10;
    public double IdOneDigit { get; init; } = 0.02;
    public double IdTransposed { get; init; } = 0.01;

    /// <summary>The year written in the other era (a CE year in a BE column, or a BE year in a CE column).</summary>
    public double EraConfusion { get; init; } = 0.03;

    /// <summary>Only the year of birth is known.</summary>
    public double YearOnly { get; init; } = 0.03;

    public double MissingBirthDate { get; init; } = 0.02;

    /// <summary>Day and month swapped (when both are 12 or less).</summary>
    public double DayMonthSwap { get; init; } = 0.01;

    /// <summary>The person moved: the record holds a different address.</summary>
    public double Moved { get; init; } = 0.08;

    public double MissingPhone { get; init; } = 0.3;

    /// <summary>No noise at all (for tests that need exact copies).</summary>
    public static NoiseOptions None { get; } = new()
    {
        DuplicateInSource = 0, Misspelling = 0, ToneMark = 0, TitleChange = 0, MaidenName = 0, MissingId = 0, IdOneDigit = 0,
        IdTransposed = 0, EraConfusion = 0, YearOnly = 0, MissingBirthDate = 0, DayMonthSwap = 0, Moved = 0, MissingPhone = 0,
    };
}

/// <summary>One record as an agency holds it, before it is formatted into the agency's CSV shape.</summary>
public sealed record NoisyRecord(
    string PersonId,
    string? Title,
    string GivenName,
    string FamilyName,
    string? CitizenId,
    Sex Sex,
    DateOnly? BirthDate,
    bool YearOnly,
    bool DayMonthSwapped,
    bool WrongEra,
    SyntheticAddress Address,
    string? Phone)
{
    /// <summary>The record as the CSV reader would produce it, without going through a file (tests, benchmarks, demo data).</summary>
    public LinkRecord ToLinkRecord(string source, string recordId) => new()
    {
        Source = source,
        RecordId = recordId,
        Title = Title,
        GivenName = GivenName,
        FamilyName = FamilyName,
        CitizenId = CitizenId is null ? null : Linkage.Normalisation.CitizenId.Parse(CitizenId),
        Sex = Sex,
        BirthDate = BirthDate is not { } d ? null
            : YearOnly ? new Linkage.Normalisation.PartialDate(d.Year)
            : DayMonthSwapped ? new Linkage.Normalisation.PartialDate(d.Year, d.Day, d.Month)
            : Linkage.Normalisation.PartialDate.From(d),
        Address = new AddressParts
        {
            HouseNumber = Address.HouseNumber,
            SubdistrictCode = Address.Subdistrict.Code,
            DistrictCode = Address.Subdistrict.DistrictCode,
        },
        Phone = Phone,
    };
}

/// <summary>Applies <see cref="NoiseOptions"/> to true people. Deterministic: the noise comes from the caller's random stream.</summary>
public sealed class NoiseModel(NoiseOptions? options = null)
{
    public NoiseOptions Options { get; } = options ?? new NoiseOptions();

    public NoisyRecord Apply(SyntheticPerson person, DeterministicRandom rng)
    {
        ArgumentNullException.ThrowIfNull(person);
        var o = Options;
        var family = person.FamilyName;
        var title = person.Title;
        if (person.MaidenName is not null && rng.Chance(o.MaidenName))
        {
            family = person.MaidenName;
            title = "นางสาว";
        }
        var given = Spell(person.GivenName, rng);
        family = Spell(family, rng);
        if (rng.Chance(o.TitleChange))
        {
            title = title switch
            {
                "นาง" => "นางสาว",
                "นางสาว" => "นาง",
                _ => null,
            };
        }
        string? id = person.CitizenId;
        if (rng.Chance(o.MissingId)) id = null;
        else if (rng.Chance(o.IdOneDigit)) id = OneDigitOff(id, rng);
        else if (rng.Chance(o.IdTransposed)) id = Transpose(id, rng);

        DateOnly? birth = person.BirthDate;
        bool yearOnly = false, swapped = false, wrongEra = false;
        if (rng.Chance(o.MissingBirthDate)) birth = null;
        else
        {
            yearOnly = rng.Chance(o.YearOnly);
            swapped = !yearOnly && person.BirthDate.Day <= 12 && person.BirthDate.Month != person.BirthDate.Day && rng.Chance(o.DayMonthSwap);
            wrongEra = rng.Chance(o.EraConfusion);
        }
        var address = rng.Chance(o.Moved) ? SyntheticPopulation.NewAddress(rng) : person.Address;
        var phone = rng.Chance(o.MissingPhone) ? null : person.Phone;
        return new NoisyRecord(person.PersonId, title, given, family, id, person.Sex, birth, yearOnly, swapped, wrongEra, address, phone);
    }

    private string Spell(string name, DeterministicRandom rng)
    {
        if (rng.Chance(Options.Misspelling)) name = SimilarLetter(name, rng);
        if (rng.Chance(Options.ToneMark)) name = ToneMark(name, rng);
        return name;
    }

    private static readonly string[] SoundGroups = ["ศสษ", "ทธฑ", "คฆ", "ลฬ", "ภพ", "ัะ"];

    /// <summary>Replaces one letter by another of its sound group; unchanged when the name has none.</summary>
    public static string SimilarLetter(string name, DeterministicRandom rng)
    {
        var positions = new List<int>();
        for (var i = 0; i < name.Length; i++) if (SoundGroups.Any(g => g.Contains(name[i]))) positions.Add(i);
        if (positions.Count == 0) return name;
        var at = positions[rng.Next(positions.Count)];
        var group = SoundGroups.First(g => g.Contains(name[at]));
        var others = group.Where(c => c != name[at]).ToArray();
        var chars = name.ToCharArray();
        chars[at] = others[rng.Next(others.Length)];
        return new string(chars);
    }

    /// <summary>Drops one tone mark, or adds ่ (mai ek) after the first consonant when there is none.</summary>
    public static string ToneMark(string name, DeterministicRandom rng)
    {
        var marks = new List<int>();
        for (var i = 0; i < name.Length; i++) if (name[i] is >= '\u0E48' and <= '\u0E4B') marks.Add(i);
        if (marks.Count > 0) return name.Remove(marks[rng.Next(marks.Count)], 1);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] is < '\u0E01' or > '\u0E2E') continue;
            var next = i + 1 < name.Length ? name[i + 1] : ' ';
            // A tone mark sits after the consonant and any above/below vowel.
            var at = next is >= '\u0E34' and <= '\u0E39' or '\u0E31' ? i + 2 : i + 1;
            return new StringBuilder(name).Insert(Math.Min(at, name.Length), '\u0E48').ToString();
        }
        return name;
    }

    public static string OneDigitOff(string id, DeterministicRandom rng)
    {
        var chars = id.ToCharArray();
        var at = rng.Next(chars.Length);
        chars[at] = (char)('0' + (chars[at] - '0' + 1 + rng.Next(9)) % 10);
        return new string(chars);
    }

    public static string Transpose(string id, DeterministicRandom rng)
    {
        var chars = id.ToCharArray();
        for (var tries = 0; tries < 20; tries++)
        {
            var at = rng.Next(chars.Length - 1);
            if (chars[at] == chars[at + 1]) continue;
            (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
            return new string(chars);
        }
        return id;
    }
}
