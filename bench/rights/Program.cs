using System.Diagnostics;
using System.Globalization;
using Saphan.Rights;
using Saphan.Rights.Eligibility;
using Saphan.Synthetic;

// dotnet run -c Release --project bench/rights -- [--people 1000000] [--runs 5] [--on 2026-11-24]
// Generates synthetic people (Saphan.Synthetic, seeded), gives them facts and enrolments with fixed rates, then evaluates
// all seven shipped rules for everyone: the same Evaluator.EvaluateAll the refresh and the what-if use, parallel over
// the machine's cores, followed by the per-district counts the figures need. Only evaluation + counting are timed.
var people = Option("--people", 1_000_000);
var runs = Option("--runs", 5);
var on = args.SkipWhile(a => a != "--on").Skip(1).Select(a => DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture)).FirstOrDefault(new DateOnly(2026, 11, 24));

var clock = Stopwatch.StartNew();
var cases = new PersonCase[people];
var random = new Random(2567);
var population = new SyntheticPopulation(42, new SyntheticPopulationOptions { ReferenceDate = on });
var i = 0;
var book = Book();
int oldAge = book.IndexOf(RightsCatalogue.OldAgeAllowance), health = book.IndexOf(RightsCatalogue.HealthCoverage),
    welfare = book.IndexOf(RightsCatalogue.StateWelfareCard), child = book.IndexOf(RightsCatalogue.ChildSupportGrant);
foreach (var p in population.People(people))
{
    var age = p.AgeOn(on);
    var c = PersonCase.Empty;
    c.BirthDate = PersonCase.Pack(p.BirthDate);
    c.HasValidCitizenId = random.NextDouble() < 0.97;
    c.ThaiNationality = random.NextDouble() < 0.95 ? Known.Yes : random.NextDouble() < 0.5 ? Known.No : Known.Unknown;
    c.StatePension = age < 60 ? Known.Unknown : random.NextDouble() < 0.1 ? Known.Yes : random.NextDouble() < 0.9 ? Known.No : Known.Unknown;
    c.HasDisabilityCard = random.NextDouble() < 0.03;
    c.DisabilityRecorded = random.NextDouble() < 0.01 ? Known.Yes : Known.Unknown;
    c.OwnIncome = age < 15 ? 0 : random.NextDouble() < 0.88 ? random.Next(0, 260) * 1000L : PersonCase.NotKnown;
    c.HouseholdIncomePerPerson = c.OwnIncome < 0 ? PersonCase.NotKnown : c.OwnIncome / 2;
    c.FinancialAssets = age >= 18 && random.NextDouble() < 0.8 ? random.Next(0, 250) * 1000L : PersonCase.NotKnown;
    if (random.NextDouble() < 0.9) c.Enrolled |= 1u << health;
    if (age >= 60 && random.NextDouble() < 0.8) c.Enrolled |= 1u << oldAge;
    if (age >= 18 && random.NextDouble() < 0.2) c.Enrolled |= 1u << welfare;
    if (age < 6 && random.NextDouble() < 0.6) c.Enrolled |= 1u << child;
    c.District = short.Parse(p.Address.Subdistrict.DistrictCode, CultureInfo.InvariantCulture);
    cases[i++] = c;
}
var generated = clock.Elapsed;

var rules = book.RulesOn(on);
var verdicts = new Verdict[(long)people * rules.Length];
var times = new List<double>();
long[] counts = [];
for (var run = 0; run <= runs; run++)
{
    clock.Restart();
    Evaluator.EvaluateAll(cases, rules, PersonCase.Pack(on), verdicts);
    counts = Count(cases, verdicts, rules.Length);
    if (run > 0) times.Add(clock.Elapsed.TotalSeconds); // run 0 warms up the JIT
}
times.Sort();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"people {people:N0}; rules {rules.Length}; verdicts {verdicts.LongLength:N0}; evaluated on {on:yyyy-MM-dd}; cores {Environment.ProcessorCount}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate synthetic people and facts: {generated.TotalSeconds:F2} s (not part of the figure)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluate every rule + per-district counts, {runs} runs: median {times[times.Count / 2]:F3} s, min {times[0]:F3} s, max {times[^1]:F3} s"));
for (var s = 0; s < rules.Length; s++)
{
    var row = Enumerable.Range(0, 5).Select(status => Enumerable.Range(0, 51).Sum(d => counts[(d * rules.Length + s) * 5 + status])).ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {book.Schemes[s].Code,-22} not eligible {row[0],9:N0}  unknown {row[1],9:N0}  eligible {row[2],7:N0}  missing out {row[3],9:N0}  enrolled {row[4],9:N0}"));
}
return 0;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

// Counts per (district 1001–1050 → 1–50, scheme, status), one array per core, added at the end.
static long[] Count(PersonCase[] cases, Verdict[] verdicts, int width)
{
    var size = 51 * width * 5;
    var parts = Environment.ProcessorCount;
    var partial = new long[parts][];
    var chunk = (cases.Length + parts - 1) / parts;
    Parallel.For(0, parts, part =>
    {
        var local = new long[size];
        var end = Math.Min(cases.Length, (part + 1) * chunk);
        for (var i = part * chunk; i < end; i++)
        {
            var district = Math.Clamp(cases[i].District - 1000, 0, 50);
            for (var s = 0; s < width; s++) local[(district * width + s) * 5 + (int)verdicts[i * width + s].Status]++;
        }
        partial[part] = local;
    });
    var total = new long[size];
    foreach (var p in partial)
        for (var k = 0; k < size; k++) total[k] += p[k];
    return total;
}

// The shipped catalogue, as the database holds it after the first start.
static RuleBook Book() => RightsCatalogue.ShippedBook(DateTimeOffset.UnixEpoch);
