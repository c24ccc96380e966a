using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Rights.Eligibility;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Rights;

/// <summary>
/// Re-evaluates stored verdicts (system work): everyone once a day — ages change with the date — and after a rule
/// version is approved or an enrolment list imported; one household after its facts or enrolments change; the people a
/// registry linkage run touched, right after the run (<see cref="RightsLinkageFollower"/>).
/// </summary>
public sealed class RightsRefresh(IDbContextFactory<SaphanDb> contexts, TimeProvider clock)
{
    public DateOnly Today => clock.BangkokToday();

    public async Task<int> RefreshAllAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync("refresh all");
        return await RefreshAsync(db, Today, clock.GetUtcNow(), null, ct);
    }

    public async Task<int> RefreshPeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken ct = default)
    {
        await using var db = await OpenAsync("refresh people");
        return await RefreshAsync(db, Today, clock.GetUtcNow(), people, ct);
    }

    /// <summary>
    /// Whether any stored verdict is older than today (or there are none while people exist). Not only the newest: a
    /// household refreshed just after midnight must not pass for the whole day's refresh.
    /// </summary>
    public async Task<bool> IsStaleAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync("check");
        var verdicts = db.RightsEvaluations.IgnoreQueryFilters();
        var today = Today;
        if (await verdicts.AnyAsync(e => e.EvaluatedOn < today, ct)) return true;
        return !await verdicts.AnyAsync(ct) && await db.People.AnyAsync(ct);
    }

    private async Task<SaphanDb> OpenAsync(string purpose)
    {
        var db = await contexts.CreateDbContextAsync();
        return db.WithScope(AccessScope.System("rights", Today)).For("rights/refresh", purpose);
    }

    /// <summary>
    /// The first key of the PostgreSQL advisory lock that lets one refresh at a time through, across processes (the daily
    /// refresh, a household's refresh after a fact or enrolment, the one after a linkage run); the second key is 0. The
    /// registry uses 7261 (import, per source) and 7262 (<see cref="Registry.Linking.RegistryLinker.LinkageLockKey"/>).
    /// </summary>
    public const int RefreshLockKey = 7263;

    /// <summary>
    /// Replaces the stored verdicts of everyone (or of <paramref name="only"/> and their households) with verdicts for
    /// <paramref name="day"/>. Returns how many were stored. The context must see everyone (system work).
    /// </summary>
    internal static async Task<int> RefreshAsync(SaphanDb db, DateOnly day, DateTimeOffset now, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        if (!db.Scope.SeesEveryone) throw new InvalidOperationException("Stored verdicts are refreshed by system work only.");
        var book = await RuleBook.LoadAsync(db, ct);
        var population = await Population.LoadAsync(db, book, day, only, ct);
        var rules = book.RulesOn(day);
        var verdicts = new Verdict[population.Count * rules.Length];
        Evaluator.EvaluateAll(population.Cases, rules, PersonCase.Pack(day), verdicts);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One refresh at a time: two at once (the daily one and a household's) would each delete the old verdicts but,
        // under read committed, not the rows the other inserted, so both sets would stay. On PostgreSQL the refresh waits
        // here for the transaction-level advisory lock, so its DELETE sees what the refresh before it committed; SQLite's
        // BeginTransaction is BEGIN IMMEDIATE, which already takes the database's one write lock.
        if (db.IsPostgreSql) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RefreshLockKey}, 0)", ct);
        var stale = db.RightsEvaluations.IgnoreQueryFilters();
        if (only is not null)
        {
            // Also those no longer shown (merged into someone else): their old verdicts must not linger.
            var ids = population.Ids.Union(only).ToList();
            stale = stale.Where(e => ids.Contains(e.PersonId));
        }
        await stale.ExecuteDeleteAsync(ct);
        var stored = db.IsPostgreSql
            ? await CopyVerdictsAsync(db, Stored(population, rules, verdicts), day, now, ct)
            : await AddVerdictsAsync(db, Stored(population, rules, verdicts), day, now, ct);
        db.AuditLog.Add(new AuditEntry(now, db.Scope.UserId, db.Scope.UserName, AuditAction.Update, "RightsEvaluation",
            only is null ? "all" : only.Count == 1 ? only.First().ToString() : $"{only.Count} people", db.AuditWhere, $"evaluated {population.Count} people on {day:yyyy-MM-dd}: {stored} verdicts stored"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        return stored;
    }

    /// <summary>The verdicts worth storing: every one but "not eligible", for rules in force on the day.</summary>
    private static IEnumerable<(Guid Person, CompiledRule Rule, Verdict Verdict)> Stored(Population population, CompiledRule?[] rules, Verdict[] verdicts)
    {
        for (var i = 0; i < population.Count; i++)
        {
            for (var s = 0; s < rules.Length; s++)
            {
                var verdict = verdicts[i * rules.Length + s];
                if (rules[s] is { } rule && verdict.Status != RightStatus.NotEligible) yield return (population.Ids[i], rule, verdict);
            }
        }
    }

    private static async Task<int> AddVerdictsAsync(SaphanDb db, IEnumerable<(Guid Person, CompiledRule Rule, Verdict Verdict)> verdicts, DateOnly day,
        DateTimeOffset now, CancellationToken ct)
    {
        var stored = 0;
        foreach (var (person, rule, verdict) in verdicts)
        {
            db.RightsEvaluations.Add(RightsEvaluation.From(person, rule, verdict, day, now));
            if (++stored % 5000 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        return stored;
    }

    private static readonly string[] CopiedProperties =
    [
        nameof(RightsEvaluation.PersonId), nameof(RightsEvaluation.SchemeCode), nameof(RightsEvaluation.RuleVersionId), nameof(RightsEvaluation.EvaluatedOn),
        nameof(RightsEvaluation.Status), nameof(RightsEvaluation.MonthlyAmount), nameof(RightsEvaluation.Met), nameof(RightsEvaluation.Failed),
        nameof(RightsEvaluation.Unknown), nameof(RightsEvaluation.EvaluatedAt),
    ];

    /// <summary>
    /// Stores the verdicts with binary COPY (PostgreSQL), 200,000 rows a statement: at 5 million people there are 16 million,
    /// which EF's batched inserts took eight minutes to write; one statement for all would queue 16 million foreign-key
    /// checks on the server before it answers.
    /// </summary>
    private static async Task<int> CopyVerdictsAsync(SaphanDb db, IEnumerable<(Guid Person, CompiledRule Rule, Verdict Verdict)> verdicts, DateOnly day,
        DateTimeOffset now, CancellationToken ct)
    {
        const int RowsPerCopy = 200_000;
        var command = BulkCopy.Command<RightsEvaluation>(db, CopiedProperties);
        var stored = 0;
        Npgsql.NpgsqlBinaryImporter? copy = null;
        try
        {
            foreach (var (person, rule, verdict) in verdicts)
            {
                copy ??= await BulkCopy.BeginAsync(db, command, ct);
                copy.StartRow();
                copy.Write(person, NpgsqlTypes.NpgsqlDbType.Uuid);
                copy.Write(rule.SchemeCode, NpgsqlTypes.NpgsqlDbType.Varchar);
                copy.Write(rule.RuleVersionId, NpgsqlTypes.NpgsqlDbType.Integer);
                copy.Write(day, NpgsqlTypes.NpgsqlDbType.Date);
                copy.Write((short)verdict.Status, NpgsqlTypes.NpgsqlDbType.Smallint);
                copy.Write(verdict.MonthlyAmount, NpgsqlTypes.NpgsqlDbType.Integer);
                copy.Write((int)verdict.Met, NpgsqlTypes.NpgsqlDbType.Integer);
                copy.Write((int)verdict.Failed, NpgsqlTypes.NpgsqlDbType.Integer);
                copy.Write((int)verdict.Unknown, NpgsqlTypes.NpgsqlDbType.Integer);
                copy.Write(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                if (++stored % RowsPerCopy != 0) continue;
                await copy.CompleteAsync(ct);
                await copy.DisposeAsync();
                copy = null;
            }
            if (copy is not null) await copy.CompleteAsync(ct);
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }
        return stored;
    }
}

/// <summary>Loads the shipped catalogue at start and keeps the stored verdicts current (checked every hour).</summary>
internal sealed class RightsRefreshService(IServiceProvider services, RightsRefresh refresh, TimeProvider clock, ILogger<RightsRefreshService> log) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var catalogueLoaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!catalogueLoaded)
                {
                    await using var scope = services.CreateAsyncScope();
                    await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>().CreateDbContextAsync(stoppingToken);
                    db.WithScope(AccessScope.System("rights", refresh.Today)).For("startup", "rights catalogue");
                    await RightsCatalogue.EnsureLoadedAsync(db, clock.GetUtcNow(), stoppingToken);
                    catalogueLoaded = true;
                }
                if (await refresh.IsStaleAsync(stoppingToken))
                {
                    var stored = await refresh.RefreshAllAsync(stoppingToken);
                    log.LogInformation("Rights re-evaluated for {Day}: {Verdicts} verdicts stored", refresh.Today, stored);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A database that is away for a while (or not there yet: tests that never migrate) must not stop the daily
                // refresh until the next start: it is tried again at the next check.
                log.LogWarning(e, "Rights refresh failed; tried again in {Interval}", CheckEvery);
            }
            // Cancelled: the loop ends without an exception.
            await Task.Delay(CheckEvery, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
