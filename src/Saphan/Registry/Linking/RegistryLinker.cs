using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Linkage;
using Saphan.Localization;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Linking;

/// <summary>What a linkage run of the registry did.</summary>
public sealed record RelinkSummary(int Records, int People, int NewPeople, int Moved, int Merged, int NewReviewPairs, int DecisionsRefused);

/// <summary>A person whose records all went to someone already known: they live on as <see cref="Survivor"/>.</summary>
public sealed record PersonMerge(Guid Merged, Guid Survivor);

/// <summary>
/// Whom a linkage run changed: <see cref="Touched"/> holds the people created, merged, moved into or out of, and those whose
/// details (name, birth date, district…) changed when re-derived from their records.
/// </summary>
public sealed record LinkageChanges(string Reason, DateTimeOffset At, IReadOnlySet<Guid> Touched, IReadOnlyList<PersonMerge> Merges);

/// <summary>An agency record by its identity (all its versions): the source and the record key.</summary>
public readonly record struct AgencyRecordKey(int SourceId, string RecordKey)
{
    public override string ToString() => $"{SourceId}:{RecordKey}";
}

/// <summary>
/// What made a linkage run happen (an import, a registration, a data steward's decision), for the link history and the audit
/// log. <see cref="Reason"/> is the note on every change the run records.
/// </summary>
public sealed record LinkageCause(string Reason)
{
    /// <summary>Who the link history names for the changes the linkage makes of its own accord.</summary>
    public const string ByLinkage = "linkage";

    /// <summary>Who the changes the cause brought about are recorded as made by: the steward, or the linkage itself.</summary>
    public string By { get; init; } = ByLinkage;

    /// <summary>The record a steward split off its person: it never keeps the person it was split from.</summary>
    public AgencyRecordKey? SplitOff { get; init; }

    /// <summary>Two records a steward decided are the same person: the moves that join them are the steward's.</summary>
    public (AgencyRecordKey A, AgencyRecordKey B)? SamePerson { get; init; }

    public static LinkageCause Split(AgencyRecordKey record, string steward) =>
        new($"split {record} by {steward}") { By = steward, SplitOff = record };

    public static LinkageCause Decision(long pairId, ReviewPair pair, string steward)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var cause = new LinkageCause($"review decision {pairId} by {steward}") { By = steward };
        return pair.Status == ReviewStatus.Same
            ? cause with { SamePerson = (new AgencyRecordKey(pair.SourceIdA, pair.RecordKeyA), new AgencyRecordKey(pair.SourceIdB, pair.RecordKeyB)) }
            : cause;
    }
}

/// <summary>
/// A capability that keeps its own person-keyed data in step with linkage (rights, the family report card), so that the
/// registry needs to know nothing about them.
/// </summary>
public interface ILinkageFollower
{
    /// <summary>
    /// Inside the run's transaction, before it commits (only when people were merged): move what belongs to each merged
    /// person to the survivor. Changes tracked on <paramref name="db"/> are saved with the run; statements run on it share its transaction.
    /// </summary>
    Task FollowMergesAsync(SaphanDb db, LinkageChanges changes, CancellationToken ct);

    /// <summary>After the run has committed (only when someone was touched): bring derived data up to date.</summary>
    Task AfterLinkageAsync(LinkageChanges changes, CancellationToken ct);
}

/// <summary>
/// Turns agency records into people. Every run links all current records afresh with the linkage engine, then applies
/// the data stewards' decisions ("same person" joins, "not the same person" never joins, whatever the weight), keeps each
/// existing person's identity where the records still agree, and records every change of a record's person in the link
/// history. Records are never deleted or lost: each belongs to exactly one person after every run.
/// </summary>
public sealed class RegistryLinker(IDbContextFactory<SaphanDb> contexts, TimeProvider clock, ILogger<RegistryLinker> log,
    IEnumerable<ILinkageFollower>? followers = null)
{
    private readonly ILinkageFollower[] following = followers?.ToArray() ?? [];

    // One run at a time in this process (what follows a run is not overtaken by the next); across processes, see RunAsync.
    private readonly SemaphoreSlim oneRun = new(1, 1);

    /// <summary>
    /// The match model the registry scores with. It is learnt once from the synthetic agency files (documented noise, a known
    /// share of duplicates), not re-estimated from the registry on every run: a registry with few duplicates gives
    /// expectation–maximisation too little signal, and it would start to treat relatives at one address as matches.
    /// </summary>
    private static readonly Lazy<Linkage.Model.MatchModel> TrainedModel = new(() =>
        new Linker().Link(Synthetic.AgencyFiles.Records(people: 30_000, sources: 3, seed: 2567)
            .Select(r => r.Record.ToLinkRecord(Synthetic.AgencyFiles.SourceName(r.Source), r.RecordId)).ToList()).Model);

    /// <summary>Linkage settings; without a model of its own, the run uses the trained model (learnt at the first run, once per process).</summary>
    public LinkageOptions Options { get; init; } = new();

    /// <summary>
    /// Links the records of completed imports whose linking has not committed (<see cref="ImportRun.AwaitsLinking"/>): after
    /// an import, at the web worker's start and from <c>saphan relink</c>. Returns null when no import is waiting.
    /// </summary>
    public async Task<RelinkSummary?> LinkWaitingImportsAsync(CancellationToken ct = default)
    {
        List<long> waiting;
        await using (var db = (await contexts.CreateDbContextAsync(ct)).WithScope(AccessScope.System("linkage", clock.BangkokToday())))
            waiting = await db.ImportRuns.Where(r => r.AwaitsLinking).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        return waiting.Count == 0 ? null : await RelinkAsync((waiting.Count == 1 ? "import " : "imports ") + string.Join(", ", waiting), ct);
    }

    public Task<RelinkSummary> RelinkAsync(string reason, CancellationToken ct = default) => RelinkAsync(new LinkageCause(reason), ct);

    public async Task<RelinkSummary> RelinkAsync(LinkageCause cause, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cause);
        await oneRun.WaitAsync(ct);
        try
        {
            var (summary, changes) = await RunAsync(cause, ct);
            // Still inside the one run at a time, so that what follows a run is never overtaken by the next run.
            if (changes.Touched.Count > 0)
            {
                foreach (var follower in following)
                {
                    try
                    {
                        await follower.AfterLinkageAsync(changes, ct);
                    }
                    catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                    {
                        // The links are committed; what derives from them catches up with the next run or the daily refresh.
                        log.LogWarning(e, "After linkage ({Reason}): {Follower} failed", cause.Reason, follower.GetType().Name);
                    }
                }
            }
            return summary;
        }
        finally
        {
            oneRun.Release();
        }
    }

    /// <summary>
    /// The first key of the PostgreSQL advisory lock that lets one linkage run at a time through, across processes (the web
    /// app, <c>saphan import</c>, <c>saphan relink</c>); the second key is 0. Imports lock (7261, source id) for their batches.
    /// </summary>
    public const int LinkageLockKey = 7262;

    private async Task<(RelinkSummary, LinkageChanges)> RunAsync(LinkageCause cause, CancellationToken ct)
    {
        var reason = cause.Reason;
        // Learnt before the run takes its lock (once per process), so that no other run waits for the learning.
        var options = Options.Model is null ? Options with { Model = TrainedModel.Value } : Options;
        var now = clock.GetUtcNow();
        await using var db = (await contexts.CreateDbContextAsync(ct))
            .WithScope(AccessScope.System("linkage", BangkokTime.DayOf(now))).For("linkage", reason);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One run at a time across processes, not only within this one: each run reads every link and rewrites them, so two at
        // once would both create the links of the same new records (and fail on the unique index) or undo each other's moves.
        // On PostgreSQL the run waits here for the transaction-level advisory lock, then reads what the run before it
        // committed (read committed: each statement sees the latest commits). SQLite needs no lock: BeginTransaction is
        // BEGIN IMMEDIATE, which takes the database's one write lock at the start, so another process's run waits for it
        // (up to the command timeout, then fails and changes nothing).
        if (db.IsPostgreSql) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LinkageLockKey}, 0)", ct);

        // Imports waiting for linking are read before the records, so that their records are among those this run links.
        var waitingImports = await db.ImportRuns.Where(r => r.AwaitsLinking).ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var records = await db.SourceRecords.AsNoTracking()
            .Where(r => !db.SourceRecords.Any(n => n.SourceId == r.SourceId && n.RecordKey == r.RecordKey && n.Version > r.Version))
            .OrderBy(r => r.SourceId).ThenBy(r => r.RecordKey)
            .ToListAsync(ct);
        var links = await db.RecordLinks.ToDictionaryAsync(l => (l.SourceId, l.RecordKey), ct);
        var index = new Dictionary<(int, string), int>(records.Count);
        for (var i = 0; i < records.Count; i++) index[(records[i].SourceId, records[i].RecordKey)] = i;

        var groups = new DecisionAwareClusters(records.Count);
        var refused = 0;
        var decisions = await db.ReviewPairs.AsNoTracking().Where(p => p.Status == ReviewStatus.Same || p.Status == ReviewStatus.NotSame).ToListAsync(ct);
        foreach (var d in decisions.Where(d => d.Status == ReviewStatus.NotSame))
            if (index.TryGetValue((d.SourceIdA, d.RecordKeyA), out var a) && index.TryGetValue((d.SourceIdB, d.RecordKeyB), out var b))
                groups.KeepApart(a, b);
        foreach (var d in decisions.Where(d => d.Status == ReviewStatus.Same))
            if (index.TryGetValue((d.SourceIdA, d.RecordKeyA), out var a) && index.TryGetValue((d.SourceIdB, d.RecordKeyB), out var b) && !groups.TryJoin(a, b))
                refused++;

        LinkageResult? result = null;
        if (records.Count > 1)
        {
            result = new Linker(options).Link(records.Select(r => r.ToLinkRecord(sources[r.SourceId].Code)).ToList());
            foreach (var link in result.Links.OrderByDescending(l => l.Weight).ThenBy(l => l.A).ThenBy(l => l.B))
                groups.TryJoin(link.A, link.B);
        }

        // Each group keeps the existing person most of its records belong to; a person split over several groups stays with the
        // largest, except that the record a steward split off never keeps the person it was split from: whichever group sorts
        // first, the person (household, aliases, rights, assessments) stays with the records that remain.
        var (splitOffGroup, splitFrom) = cause.SplitOff is { } off && index.TryGetValue((off.SourceId, off.RecordKey), out var offIndex)
            && links.TryGetValue((off.SourceId, off.RecordKey), out var offLink) ? (groups.Find(offIndex), (Guid?)offLink.PersonId) : (-1, null);
        var joinedGroup = cause.SamePerson is { } same && index.TryGetValue((same.A.SourceId, same.A.RecordKey), out var sameIndex) ? groups.Find(sameIndex) : -1;
        // The history says whose doing a move was: records leaving a person a steward split, or joining the records a steward
        // decided are one person, moved because of the steward; every other move is the linkage's own.
        LinkChange Move(RecordLink link, int i, Guid to) =>
            link.PersonId == splitFrom ? link.MoveTo(to, LinkReason.Split, null, cause.By, now, reason)
            : groups.Find(i) == joinedGroup ? link.MoveTo(to, LinkReason.ReviewedSame, null, cause.By, now, reason)
            : link.MoveTo(to, LinkReason.Automatic, null, LinkageCause.ByLinkage, now, reason);
        var members = Enumerable.Range(0, records.Count).GroupBy(groups.Find).Select(g => g.ToList()).OrderByDescending(g => g.Count).ThenBy(g => g[0]).ToList();
        var claimed = new HashSet<Guid>();
        var personOfGroup = new Dictionary<int, Guid>();
        var people = await db.People.ToDictionaryAsync(p => p.Id, ct);
        var (newPeople, moved) = (0, 0);
        var refreshed = new HashSet<Guid>();
        foreach (var group in members)
        {
            var barred = groups.Find(group[0]) == splitOffGroup ? splitFrom : null;
            var existing = group.Select(i => links.GetValueOrDefault((records[i].SourceId, records[i].RecordKey))?.PersonId)
                .OfType<Guid>().Where(id => !claimed.Contains(id) && id != barred && people.ContainsKey(id))
                .GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (Guid?)g.Key).FirstOrDefault();
            Person person;
            if (existing is { } id) person = people[id];
            else
            {
                person = Person.FromRecords(group.Select(i => records[i]).ToList(), now, synthetic: group.All(i => sources[records[i].SourceId].Code.StartsWith("demo", StringComparison.Ordinal)));
                db.People.Add(person);
                people[person.Id] = person;
                newPeople++;
            }
            claimed.Add(person.Id);
            personOfGroup[group[0]] = person.Id;

            foreach (var i in group)
            {
                var record = records[i];
                if (!links.TryGetValue((record.SourceId, record.RecordKey), out var link))
                {
                    link = RecordLink.Create(record, person.Id, now);
                    db.RecordLinks.Add(link);
                    links[(record.SourceId, record.RecordKey)] = link;
                    db.LinkChanges.Add(new LinkChange(0, record.SourceId, record.RecordKey, null, person.Id,
                        existing is null ? LinkReason.NewPerson : LinkReason.Automatic, null, LinkageCause.ByLinkage, now, reason));
                    continue;
                }
                if (link.CurrentVersion < record.Version) link.AdvanceTo(record);
                if (link.PersonId != person.Id)
                {
                    db.LinkChanges.Add(Move(link, i, person.Id));
                    moved++;
                }
            }
            var before = DetailsOf(person);
            person.RefreshFrom(group.Select(i => records[i]).ToList(), now);
            if (DetailsOf(person) != before) refreshed.Add(person.Id);
        }

        // People whose records all went to someone else live on as that person.
        var merged = 0;
        var merges = new List<PersonMerge>();
        var holders = links.Values.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.First());
        foreach (var change in db.ChangeTracker.Entries<LinkChange>().Select(e => e.Entity).Where(c => c.FromPersonId is not null).ToList())
        {
            var from = change.FromPersonId!.Value;
            if (!holders.ContainsKey(from) && people.TryGetValue(from, out var gone) && gone.MergedIntoId is null && gone.HouseholdId is null)
            {
                gone.MergeInto(change.ToPersonId, now);
                // Other names were told to an officer, not read from records: they go with the person.
                if (people.TryGetValue(change.ToPersonId, out var survivor)) survivor.TakeAliasesOf(gone, now);
                merges.Add(new PersonMerge(from, change.ToPersonId));
                merged++;
            }
        }

        // New review pairs: uncertain pairs now in different people that nobody has decided yet.
        var newPairs = 0;
        if (result is not null)
        {
            var known = (await db.ReviewPairs.AsNoTracking().Select(p => new { p.SourceIdA, p.RecordKeyA, p.SourceIdB, p.RecordKeyB }).ToListAsync(ct))
                .Select(p => (p.SourceIdA, p.RecordKeyA, p.SourceIdB, p.RecordKeyB)).ToHashSet();
            foreach (var pair in result.Review)
            {
                if (groups.Find(pair.A) == groups.Find(pair.B)) continue;
                var (a, b) = (records[pair.A], records[pair.B]);
                var candidate = ReviewPair.Create(a.SourceId, a.RecordKey, b.SourceId, b.RecordKey, pair.Weight,
                    result.Explain(pair.A, pair.B).ToString(), a.DistrictCode ?? b.DistrictCode, now);
                if (!known.Add((candidate.SourceIdA, candidate.RecordKeyA, candidate.SourceIdB, candidate.RecordKeyB))) continue;
                db.ReviewPairs.Add(candidate);
                newPairs++;
            }
        }

        var summary = new RelinkSummary(records.Count, members.Count, newPeople, moved, merged, newPairs, refused);
        var touched = new HashSet<Guid>(refreshed);
        foreach (var change in db.ChangeTracker.Entries<LinkChange>().Select(e => e.Entity))
        {
            if (change.FromPersonId is { } from) touched.Add(from);
            touched.Add(change.ToPersonId);
        }
        touched.UnionWith(merges.Select(m => m.Merged));
        var changes = new LinkageChanges(reason, now, touched, merges);
        if (merges.Count > 0)
            foreach (var follower in following) await follower.FollowMergesAsync(db, changes, ct);
        foreach (var run in waitingImports) run.Linked();
        db.AuditLog.Add(new AuditEntry(now, null, "system:linkage", AuditAction.Update, "Registry", "linkage", "linkage", $"{reason}: {summary}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Registry linkage ({Reason}): {Summary}", reason, summary);
        return (summary, changes);
    }

    /// <summary>What a person's page, scope and eligibility read from the person, to tell whether a run changed it.</summary>
    private readonly record struct Details(string? Title, string GivenName, string FamilyName, Sex Sex, CitizenId? CitizenId, DateOnly? BirthDate,
        DatePrecision BirthDatePrecision, string? Phone, string? Nickname, bool HasDisabilityCard, string DistrictCode, string? SubdistrictCode);

    private static Details DetailsOf(Person p) => new(p.Title, p.GivenName, p.FamilyName, p.Sex, p.CitizenId, p.BirthDate, p.BirthDatePrecision,
        p.Phone, p.Nickname, p.HasDisabilityCard, p.DistrictCode, p.SubdistrictCode);
}
