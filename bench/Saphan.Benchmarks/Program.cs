using System.Globalization;
using BenchmarkDotNet.Running;
using Saphan.Benchmarks;

// dotnet run -c Release --project bench/Saphan.Benchmarks -- match --people 600000   (incremental match, stopwatch)
// dotnet run -c Release --project bench/Saphan.Benchmarks -- bdn --filter "*" --job short --inProcess  (micro benchmarks;
// in-process because the generated out-of-process project cannot resolve the Saphan.Benchmarks namespace)
if (args.Length > 0 && args[0] == "match")
{
    var people = args.Length > 2 && args[1] == "--people" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 600_000;
    return IncrementalMatchBench.Run(people, Console.Out);
}
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(ComparisonBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
Console.Error.WriteLine("usage: Saphan.Benchmarks match [--people N] | bdn [BenchmarkDotNet options]");
return 2;
