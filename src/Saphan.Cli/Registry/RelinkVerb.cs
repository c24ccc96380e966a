using Microsoft.Extensions.DependencyInjection;
using Saphan.Registry.Linking;
using Saphan.Storage;

namespace Saphan.Cli.Registry;

/// <summary>
/// <c>saphan relink</c>: links the records of imports whose linking never committed (a crash or database failure after the
/// import, Ctrl+C while linking, <c>saphan import --no-link</c>); with <c>--all</c>, re-links the whole registry.
/// </summary>
public static class RelinkVerb
{
    public static Verb Verb { get; } = new("relink", "link the records of imports still waiting for linking (--all: the whole registry)", Usage, Run)
    {
        Flags = ["all"],
    };

    private const string Usage = """
        saphan relink [--all] [--connection "CONNECTION STRING"]

          Links the records of completed imports whose linking did not finish (the import's run is marked as waiting for
          linking; the web app also does this when it starts). Nothing to do when no import is waiting.
          --all              re-link the whole registry even when no import is waiting
          --connection CS    the database (default: ConnectionStrings__Saphan, or saphan.db here)
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        using var services = RegistryServices.Build(args.Get("connection"));
        return RunAsync(services, args.Has("all"), stdout).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ServiceProvider services, bool all, TextWriter stdout)
    {
        await DatabasePreparation.PrepareAsync(services);
        var linker = services.GetRequiredService<RegistryLinker>();
        var summary = all ? await linker.RelinkAsync("relink by cli:" + Environment.UserName) : await linker.LinkWaitingImportsAsync();
        stdout.WriteLine(summary is null ? "no import is waiting for linking" : $"linked: {summary}");
        return 0;
    }
}
