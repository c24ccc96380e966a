using System.Diagnostics;
using System.Globalization;
using Saphan.Linkage;
using Saphan.Linkage.Model;
using Saphan.Synthetic;

namespace Saphan.Benchmarks;

/// <summary>
/// "Is this person already known?": links a synthetic population (about 1.68 records per person, so 600,000 people
/// give ~1,000,000 records), builds the <see cref="LinkedPopulation"/> index, then times <see cref="LinkedPopulation.Match"/>
/// for 2,000 new records: 1,000 new noisy records of known people (people with at least one record) and 1,000 of people
/// not in the population.
/// </summary>
public static class IncrementalMatchBench
{
    public static int Run(int people, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var records = new List<LinkRecord>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (s, id, r) in AgencyFiles.Records(people, 3, 42))
        {
            records.Add(r.ToLinkRecord(AgencyFiles.SourceName(s), id));
            present.Add(r.PersonId);
        }
        output.WriteLine(Invariant($"generated {records.Count:N0} records of {people:N0} people in {clock.Elapsed.TotalSeconds:0.0}s"));
        clock.Restart();
        var result = new Linker().Link(records);
        output.WriteLine(Invariant($"linked into {result.Clusters.Count:N0} clusters in {clock.Elapsed.TotalSeconds:0.0}s"));
        clock.Restart();
        var population = new LinkedPopulation(result);
        output.WriteLine(Invariant($"built the incremental index in {clock.Elapsed.TotalSeconds:0.0}s"));
        records.Clear();

        var noise = new NoiseModel();
        var probes = new List<(LinkRecord Record, bool Known)>();
        var index = 0;
        foreach (var person in new SyntheticPopulation(42).People(people).Where((p, i) => i % (people / 1200) == 0 && present.Contains(p.PersonId)).Take(1000))
        {
            probes.Add((noise.Apply(person, new DeterministicRandom(777, index)).ToLinkRecord("new_agency", "N" + index++), true));
        }
        // People from another seed are (almost surely) not in the population.
        foreach (var person in new SyntheticPopulation(4242).People(1000))
        {
            probes.Add((noise.Apply(person, new DeterministicRandom(778, index)).ToLinkRecord("new_agency", "N" + index++), false));
        }
        for (var i = 0; i < 50; i++) population.Match(probes[i].Record); // warm-up (JIT)
        var times = new double[probes.Count];
        int linkedKnown = 0, linkedUnknown = 0;
        for (var i = 0; i < probes.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var best = population.Match(probes[i].Record);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            var linked = best.Count > 0 && best[0].Decision == MatchDecision.Link;
            if (linked && probes[i].Known) linkedKnown++;
            if (linked && !probes[i].Known) linkedUnknown++;
        }
        Array.Sort(times);
        output.WriteLine(Invariant($"Match() against {population.Count:N0} linked records, {times.Length:N0} probes: median {times[times.Length / 2]:0.000} ms, p95 {times[(int)(times.Length * 0.95)]:0.000} ms, p99 {times[(int)(times.Length * 0.99)]:0.000} ms, max {times[^1]:0.000} ms"));
        output.WriteLine(Invariant($"known people linked: {linkedKnown} of 1000; unknown people linked: {linkedUnknown} of 1000"));
        return 0;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
