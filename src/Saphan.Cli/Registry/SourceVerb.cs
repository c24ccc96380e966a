using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Cli.Registry;

/// <summary><c>saphan source list</c> and <c>saphan source add …</c>: the registered agency datasets.</summary>
public static class SourceVerb
{
    public static Verb Verb { get; } = new("source", "list or register agency data sources (owner, purpose, PDPA legal basis)", Usage, Run);

    private const string Usage = """
        saphan source list [--connection "CONNECTION STRING"]
        saphan source add --code CODE --name-th "ชื่อ" [--name-en "Name"] --owner "หน่วยงาน" [--holds "…"] --purpose "…"
                          --basis PublicTask|LegalObligation|VitalInterest|SocialProtectionLaw|Consent --basis-note "กฎหมาย"
                          [--steward USER] [--connection "CONNECTION STRING"]

          The database is the web app's: --connection, or ConnectionStrings__Saphan, or the SQLite file saphan.db here.
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not ([ "list" ] or [ "add" ])) throw new CliUsageException("expected: saphan source list | saphan source add …");
        using var services = RegistryServices.Build(args.Get("connection"));
        DatabasePreparation.PrepareAsync(services).GetAwaiter().GetResult();
        using var scope = services.CreateScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>().CreateDbContext()
            .WithScope(AccessScope.System("cli", clock.BangkokToday())).For("cli source", "source registry");

        if (args.Positional[0] == "list")
        {
            var counts = db.SourceRecords.GroupBy(r => r.SourceId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionary(x => x.Key, x => x.Count);
            stdout.WriteLine("code\tname\towner\tlegal_basis\tsteward\trecords");
            foreach (var s in db.Sources.AsNoTracking().OrderBy(s => s.Code))
                stdout.WriteLine($"{s.Code}\t{s.NameTh}\t{s.OwnerAgency}\t{s.LegalBasis}\t{s.Steward}\t{counts.GetValueOrDefault(s.Id)}");
            return 0;
        }

        var basisText = args.Required("basis");
        if (!Enum.TryParse<LegalBasis>(basisText, ignoreCase: true, out var basis) || !Enum.IsDefined(basis))
            throw new CliUsageException($"unknown --basis '{basisText}'");
        var form = new SourceForm
        {
            Code = args.Required("code"), NameTh = args.Required("name-th"), NameEn = args.Get("name-en") ?? "", OwnerAgency = args.Required("owner"),
            Holds = args.Get("holds") ?? "", Purpose = args.Required("purpose"), LegalBasis = basis, LegalBasisNote = args.Required("basis-note"),
            Steward = args.Get("steward") ?? "cli:" + Environment.UserName,
        };
        var problems = SourceRegistry.Validate(form);
        var code = form.Code.Trim().ToLowerInvariant();
        if (problems.Count == 0 && db.Sources.Any(s => s.Code == code))
            problems.Add(new ImportProblem($"มีแหล่งข้อมูลรหัส '{code}' อยู่แล้ว", $"a source with code '{code}' exists already"));
        if (problems.Count > 0)
        {
            foreach (var p in problems) stderr.WriteLine(p.Both);
            return 1;
        }
        db.Sources.Add(Source.Register(code, form.NameTh, form.NameEn, form.OwnerAgency, form.Holds, form.Purpose, form.LegalBasis, form.LegalBasisNote,
            form.Steward, clock.GetUtcNow()));
        db.SaveChanges();
        stdout.WriteLine($"registered source {code}");
        return 0;
    }
}
