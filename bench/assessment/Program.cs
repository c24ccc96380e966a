using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Saphan.Access;
using Saphan.Assessment;
using Saphan.Assessment.Figures;
using Saphan.Assessment.Indicators;
using Saphan.DemoData;
using Saphan.Geography;
using Saphan.Registry;
using Saphan.Storage;

// The family report card's district page on PostgreSQL with many assessed households, measured as the page calls it.
//   eval "$(scripts/pg-start.sh)"
//   dotnet run -c Release --project bench/assessment -- [--households 50000] [--district 1002] [--iterations 30] [--keep]
//   ... -- --database saphan_bench_… (time again on a database kept with --keep; nothing is loaded or dropped)
// Loads N synthetic households, all in one district (the worst case for that district's page), each with a submitted
// assessment (a third of them with an earlier one too), into a new database on $SAPHAN_TEST_POSTGRES, then times the
// service calls of the pages. The database is dropped afterwards unless --keep.
var households = Option("--households", 50_000);
var district = OptionText("--district", "1002");
var iterations = Option("--iterations", 30);
var reuse = OptionText("--database", "");
var keep = args.Contains("--keep") || reuse.Length > 0;
var server = Environment.GetEnvironmentVariable("SAPHAN_TEST_POSTGRES")
             ?? throw new InvalidOperationException("SAPHAN_TEST_POSTGRES is not set: eval \"$(scripts/pg-start.sh)\" first.");
var name = reuse.Length > 0 ? reuse : $"saphan_bench_{Guid.NewGuid():N}";
var storage = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
var sql = new LastCommand();
var factory = new Contexts(storage, sql);
var clock = TimeProvider.System;
var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
Console.WriteLine($"database {name}; {households:N0} households in district {district}; {iterations} timed iterations");

try
{
    if (reuse.Length == 0) await PrepareAsync(factory, storage, district, households, today, clock.GetUtcNow());

    var officer = Access(factory, User(Roles.DistrictOfficer, district), clock);
    var executive = Access(factory, User(Roles.Executive, null), clock);
    var results = new List<(string Name, double[] Ms)>
    {
        ("district page, district officer (district, subdistricts, communities + 500 households listed)", await TimeAsync(async () =>
        {
            var f = new PovertyFigures(officer());
            await f.DistrictAsync(district);
            await f.HouseholdsAsync(district, null, null, poorOnly: false);
        })),
        ("district page, executive (aggregates, suppressed; no households)", await TimeAsync(() => new PovertyFigures(executive()).DistrictAsync(district))),
        ("district figures only, district officer", await TimeAsync(() => new PovertyFigures(officer()).DistrictAsync(district))),
        ("city page, executive (Bangkok + 50 districts)", await TimeAsync(async () =>
        {
            var f = new PovertyFigures(executive());
            await f.BangkokAsync();
            await f.DistrictsAsync();
        })),
        ("work list top 200, district officer", await TimeAsync(() => new WorkList(officer()).ForViewerAsync(new WorkListFilter()))),
    };
    Console.WriteLine();
    Console.WriteLine("| what | median ms | p95 ms | max ms |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (what, ms) in results)
    {
        Array.Sort(ms);
        Console.WriteLine(FormattableString.Invariant($"| {what} | {ms[ms.Length / 2]:F1} | {ms[(int)Math.Ceiling(ms.Length * 0.95) - 1]:F1} | {ms[^1]:F1} |"));
    }

    // The plan of the officer's subdistrict query, with the parameters EF sent (scope filter included).
    sql.Capture = true;
    await new PovertyFigures(officer()).DistrictAsync(district);
    sql.Capture = false;
    Console.WriteLine();
    Console.WriteLine("EXPLAIN ANALYZE of the officer's district query:");
    await using (var conn = new NpgsqlConnection(storage.ConnectionString))
    {
        await conn.OpenAsync();
        await using (var jit = new NpgsqlCommand("SET jit = off", conn)) await jit.ExecuteNonQueryAsync();
        var grouped = sql.Commands.First(c => c.Text.Contains("GROUP BY", StringComparison.Ordinal));
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + grouped.Text, conn);
        foreach (var (pName, value) in grouped.Parameters) explain.Parameters.Add(new NpgsqlParameter(pName, value ?? DBNull.Value));
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine("  " + reader.GetString(0));
    }
    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (!keep)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

async Task<double[]> TimeAsync(Func<Task> page)
{
    for (var i = 0; i < 3; i++) await page();
    var ms = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await page();
        ms[i] = watch.Elapsed.TotalMilliseconds;
    }
    return ms;
}

static async Task PrepareAsync(Contexts factory, StorageOptions storage, string district, int households, DateOnly today, DateTimeOffset now)
{
    var load = Stopwatch.StartNew();
    await using (var db = factory.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        db.WithScope(AccessScope.System("bench", today));
        await ReferenceGeography.EnsureLoadedAsync(db);
    }
    var (made, assessed) = await LoadAsync(factory, district, households, today, now);
    await using (var admin = new NpgsqlConnection(storage.ConnectionString))
    {
        await admin.OpenAsync();
        await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", admin) { CommandTimeout = 600 };
        await analyse.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"loaded {made:N0} households, {assessed:N0} assessments in {load.Elapsed.TotalSeconds:F0} s");
}

static async Task<(int Households, int Assessments)> LoadAsync(Contexts factory, string district, int count, DateOnly today, DateTimeOffset now)
{
    IndicatorSet set;
    List<Subdistrict> subdistricts;
    List<Community> communities;
    await using (var db = factory.CreateDbContext())
    {
        db.WithScope(AccessScope.System("bench", today));
        set = await IndicatorCatalogue.EnsureDefaultAsync(db);
        subdistricts = await db.Subdistricts.AsNoTracking().ToListAsync();
        communities = await db.Communities.AsNoTracking().ToListAsync();
    }
    // The demo generator with all its people in one district; about 2.9 people a household.
    var population = new DemoPopulation(2567, now).Generate((int)(count * 3.6), subdistricts, communities, new Dictionary<string, int> { [district] = 1 });
    var chosen = population.Households.Take(count).ToList();
    if (chosen.Count < count) throw new InvalidOperationException($"The generator made only {chosen.Count} households.");
    var random = new Random(42);
    var assessments = 0;
    foreach (var batch in chosen.Chunk(2000))
    {
        await using var db = factory.CreateDbContext();
        db.WithScope(AccessScope.System("bench", today)).AsBulkLoad();
        db.Households.AddRange(batch);
        foreach (var h in batch)
        {
            var members = h.Members.Select(m => new MemberFacts(m.Id, m.FullName, m.BirthDate, m.HasDisabilityCard, m.IsBedridden)).ToList();
            var area = new AssessedArea(h.DistrictCode, h.Address.SubdistrictCode, h.Address.CommunityId);
            HouseholdAssessment? last = null;
            var rounds = random.NextDouble() < 0.33 ? 2 : 1;
            for (var r = 0; r < rounds; r++)
            {
                var day = today.AddDays(-random.Next(0, 300) - (rounds - r - 1) * 300);
                var hardship = Math.Pow(random.NextDouble(), 1.5);
                var problems = set.Indicators.Where(_ => random.NextDouble() < 0.05 + 0.4 * hardship).Select(i => i.Code).ToHashSet();
                var a = HouseholdAssessment.Start(h.Id, set, null, "bench", day, now);
                var problemsFound = a.Record(set, Answers(set, members, day, problems), day, null, null, today, now);
                if (problemsFound.Count == 0) problemsFound = a.Submit(set, members, area, now.AddSeconds(r));
                if (problemsFound.Count > 0) throw new InvalidOperationException(string.Join(", ", problemsFound));
                db.Assessments.Add(a);
                last = a;
                assessments++;
            }
            last!.SetLatest(true);
        }
        await db.SaveChangesAsync();
    }
    return (chosen.Count, assessments);
}

static Dictionary<AnswerKey, AnswerValue> Answers(IndicatorSet set, IReadOnlyList<MemberFacts> members, DateOnly on, IReadOnlySet<string> problems)
{
    var answers = new Dictionary<AnswerKey, AnswerValue>();
    foreach (var indicator in set.Indicators)
    {
        var bad = problems.Contains(indicator.Code);
        IEnumerable<Guid?> subjects = indicator.Subject == IndicatorSubject.Household ? [null] : Deprivations.AskedMembers(indicator, members, on).Select(m => (Guid?)m.PersonId);
        foreach (var person in subjects)
            answers[new AnswerKey(indicator.Code, person)] = indicator.AnswerType == AnswerType.YesNo
                ? new AnswerValue(null, !bad)
                : new AnswerValue((bad ? 1m : indicator.Code == "INC-1" ? 60_000m : indicator.Code == "LIV-3" ? 8m : 80m) * members.Count, null);
    }
    return answers;
}

static ClaimsPrincipal User(string role, string? district)
{
    var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "bench-" + role), new(ClaimTypes.Name, "bench-" + role), new(ClaimTypes.Role, role) };
    if (district is not null) claims.Add(new Claim(SaphanClaims.District, district));
    return new ClaimsPrincipal(new ClaimsIdentity(claims, "bench", ClaimTypes.Name, ClaimTypes.Role));
}

// A new DataAccess per page view, as Blazor gives each circuit its own.
// One audit writer for the process, as the app registers it.
static Func<DataAccess> Access(Contexts factory, ClaimsPrincipal user, TimeProvider clock)
{
    var audit = new Saphan.Audit.AuditWriter(factory);
    return () => new DataAccess(factory, new Fixed(user), new HttpContextAccessor(), clock, audit);
}

int Option(string flag, int fallback) =>
    Array.IndexOf(args, flag) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string OptionText(string flag, string fallback) => Array.IndexOf(args, flag) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

sealed class Contexts(StorageOptions storage, LastCommand sql) : IDbContextFactory<SaphanDb>
{
    public SaphanDb CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<SaphanDb>();
        StorageSetup.Configure(options, storage);
        options.AddInterceptors(sql);
        return new SaphanDb(options.Options, TimeProvider.System);
    }
}

sealed class Fixed(ClaimsPrincipal user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
}

/// <summary>Keeps the SQL and parameters of commands while capturing, for EXPLAIN.</summary>
sealed class LastCommand : DbCommandInterceptor
{
    public bool Capture { get; set; }
    public List<(string Text, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Capture)
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
