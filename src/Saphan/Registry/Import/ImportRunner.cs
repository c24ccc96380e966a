using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Registry.Import;

/// <summary>What to import: a file into a registered source, read with this encoding and mapping, on behalf of someone.</summary>
public sealed record ImportRequest(string SourceCode, string FilePath, string FileName, string Encoding, SourceMapping Mapping, string By)
{
    /// <summary>SHA-256 of the file when the caller computed it already (the web upload does, while storing it).</summary>
    public string? FileHash { get; init; }
}

/// <summary>A run ready to execute: new, or an unfinished run of the same file into the same source, resumed.</summary>
public sealed record PreparedImport(long RunId, bool Resumed, long CommittedLine, string Encoding, SourceMapping Mapping, string FileHash);

/// <summary>How far an import is; reported after every committed batch and at the end.</summary>
public sealed record ImportProgress(long RunId, long Bytes, long TotalBytes, long Read, long New, long Updated, long Unchanged, long Rejected, ImportStatus Status)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)Bytes / TotalBytes, 0, 1);
}

/// <summary>Where an import's time went: writing to the database, and waiting for rows to be read and normalised.</summary>
public sealed record ImportTimings(TimeSpan Total, TimeSpan Database, TimeSpan WaitingForRows)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"total {Total.TotalSeconds:0.0} s, database {Database.TotalSeconds:0.0} s, waiting for rows to be read and normalised {WaitingForRows.TotalSeconds:0.0} s");
}

/// <summary>
/// Imports an agency file into a source, in batches. Each row's identity is (source, record key); its content is the
/// SHA-256 of its raw cells. A new key makes version 1 (<see cref="RowOutcome.New"/>), a known key with other content the
/// next version (<see cref="RowOutcome.Updated"/>; earlier versions are never touched), the same content nothing
/// (<see cref="RowOutcome.Unchanged"/>). A batch's records, rejects, audit row and the run's position and counts are
/// committed in one transaction, so an import killed at any moment resumes from its last committed line with nothing
/// lost or doubled. On PostgreSQL new versions and rejects are written with binary COPY; on SQLite with a prepared INSERT.
/// </summary>
public sealed class ImportRunner(
    IDbContextFactory<SaphanDb> contexts,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<ImportRunner> log,
    RegistryLinker? linker = null)
{
    /// <summary>The start of the failure reason of a run stopped by cancellation (a server shutting down, Ctrl+C).</summary>
    public const string Interrupted = "interrupted";

    private DateOnly Today => clock.BangkokToday();

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The timings of the last <see cref="ExecuteAsync"/> of this runner (for the CLI and the bench).</summary>
    public ImportTimings? LastTimings { get; private set; }

    private async Task<SaphanDb> OpenAsync(string purpose, bool bulk, CancellationToken ct)
    {
        var db = (await contexts.CreateDbContextAsync(ct)).WithScope(AccessScope.System("import", Today)).For("import", purpose);
        return bulk ? db.AsBulkLoad() : db;
    }

    public static async Task<string> HashFileAsync(string path, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>
    /// Checks the source, the file and the mapping (empty file, missing mapped columns: refused with Thai and English
    /// reasons before anything is written), then creates the run, or picks up the unfinished run of the same file
    /// (same source and file hash) with the encoding and mapping it started with.
    /// </summary>
    public async Task<PreparedImport> PrepareAsync(ImportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await OpenAsync("prepare import", bulk: false, ct);
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Code == request.SourceCode.Trim().ToLowerInvariant(), ct)
            ?? throw new ImportRefusedException(new ImportProblem($"ไม่พบแหล่งข้อมูลรหัส '{request.SourceCode}' (ลงทะเบียนแหล่งข้อมูลก่อน)",
                $"no source with code '{request.SourceCode}' (register the source first)"));
        if (!File.Exists(request.FilePath))
            throw new ImportRefusedException(new ImportProblem($"ไม่พบไฟล์ {request.FileName}", $"no such file: {request.FileName}"));
        var hash = request.FileHash ?? await HashFileAsync(request.FilePath, ct);

        var unfinished = await db.ImportRuns
            .Where(r => r.SourceId == source.Id && r.FileHash == hash && r.Status != ImportStatus.Completed)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (unfinished is not null)
        {
            var mapping = ImportMapping.FromJson(unfinished.MappingJson) with { Source = source.Code };
            Check(request.FilePath, request.FileName, unfinished.Encoding, mapping);
            unfinished.Resume();
            await db.SaveChangesAsync(ct);
            log.LogInformation("Resuming import run {Run} of {File} into {Source} after line {Line}", unfinished.Id, request.FileName, source.Code, unfinished.CommittedLine);
            return new PreparedImport(unfinished.Id, true, unfinished.CommittedLine, unfinished.Encoding, mapping, hash);
        }

        var checkedMapping = request.Mapping with { Source = source.Code };
        Check(request.FilePath, request.FileName, request.Encoding, checkedMapping);
        var run = ImportRun.Start(source.Id, request.FileName, hash, request.Encoding, ImportMapping.ToJson(checkedMapping), request.By, clock.GetUtcNow());
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return new PreparedImport(run.Id, false, 0, request.Encoding, checkedMapping, hash);
    }

    /// <summary>Opens the file and resolves the mapping against its header; throws <see cref="ImportRefusedException"/>.</summary>
    public static void Check(string path, string fileName, string encoding, SourceMapping mapping)
    {
        using var table = TableFile.Open(path, TableFile.KindOf(fileName), encoding, mapping.Delimiter, mapping.HeaderLine);
        _ = new RowInterpreter(mapping, table.Header, new Normaliser(ImportMapping.DateConventionOf(mapping)));
        if (!table.Rows().Any())
            throw new ImportRefusedException(new ImportProblem("ไฟล์มีแต่หัวตาราง ไม่มีข้อมูล", "the file has a header but no rows"));
    }

    /// <summary>
    /// Runs (or resumes) the import to the end. Reading and normalising overlap with writing: while one batch is written,
    /// the next is read and normalised on the other cores. Memory stays flat: at most three batches are in flight.
    /// </summary>
    public async Task<ImportRun> ExecuteAsync(long runId, string path, IProgress<ImportProgress>? progress = null, bool link = true, CancellationToken ct = default)
    {
        ImportRun run;
        Source source;
        Gazetteer gazetteer;
        bool recordsFromElsewhere;
        await using (var db = await OpenAsync("import", bulk: false, ct))
        {
            run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == run.SourceId, ct);
            gazetteer = await GazetteerAsync(db, ct);
            // A source with no records from elsewhere (its first import, or a resumed first import) has no versions to look up:
            // this run's own rows are known by their fingerprints. Skipping the lookup matters: it is most of a first import's time.
            var (sourceId, ownRun) = (source.Id, run.Id);
            recordsFromElsewhere = await db.SourceRecords.AnyAsync(r => r.SourceId == sourceId && r.ImportRunId != ownRun, ct);
        }
        if (run.Status == ImportStatus.Completed) return run;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var mapping = ImportMapping.FromJson(run.MappingJson) with { Source = source.Code };
            using var table = TableFile.Open(path, TableFile.KindOf(run.FileName), run.Encoding, mapping.Delimiter, mapping.HeaderLine);
            var interpreter = new RowInterpreter(mapping, table.Header, new Normaliser(ImportMapping.DateConventionOf(mapping), gazetteer, Today));
            var store = new BatchStore(this, run, source, lookUpVersions: recordsFromElsewhere);
            progress?.Report(new ImportProgress(run.Id, table.Position, table.Length, run.Read, run.New, run.Updated, run.Unchanged, run.Rejected, ImportStatus.Running));

            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var producer = Task.Run(() => Produce(table, interpreter, run.CommittedLine, batches.Writer, stop.Token), stop.Token);
            var database = new Stopwatch();
            var waiting = Stopwatch.StartNew();
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                {
                    waiting.Stop();
                    database.Start();
                    run = await store.CommitAsync(batch, stop.Token);
                    database.Stop();
                    progress?.Report(new ImportProgress(run.Id, batch.Position, table.Length, run.Read, run.New, run.Updated, run.Unchanged, run.Rejected, ImportStatus.Running));
                    waiting.Start();
                }
                waiting.Stop();
                LastTimings = new ImportTimings(stopwatch.Elapsed, database.Elapsed, waiting.Elapsed);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                try { await producer; } catch (OperationCanceledException) { }
            }

            await using (var db = await OpenAsync("import completed", bulk: false, ct))
            {
                var done = await db.ImportRuns.SingleAsync(r => r.Id == run.Id, ct);
                done.Complete(clock.GetUtcNow());
                var tracked = await db.Sources.SingleAsync(s => s.Id == source.Id, ct);
                tracked.RememberMapping(ImportMapping.ToJson(mapping));
                await db.SaveChangesAsync(ct);
                run = done;
            }
            log.LogInformation("Import run {Run} of {File} into {Source}: read {Read} = new {New} + updated {Updated} + unchanged {Unchanged} + rejected {Rejected} in {Seconds:0.0} s",
                run.Id, run.FileName, source.Code, run.Read, run.New, run.Updated, run.Unchanged, run.Rejected, stopwatch.Elapsed.TotalSeconds);
            progress?.Report(new ImportProgress(run.Id, table.Length, table.Length, run.Read, run.New, run.Updated, run.Unchanged, run.Rejected, ImportStatus.Completed));
        }
        catch (Exception e) when (e is not OperationCanceledException || ct.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? Interrupted + " (stopped before the end)" : e is ImportRefusedException r ? r.Problems[0].Both : e.GetType().Name + ": " + e.Message;
            log.LogWarning(e, "Import run {Run} stopped at line {Line}: {Reason}", runId, run.CommittedLine, reason);
            await MarkFailedAsync(runId, reason);
            throw;
        }

        if (link && linker is not null)
        {
            // The new and changed records join people (or make new ones) here, with those of earlier imports whose linking did
            // not commit (a re-import of the same file finds every row unchanged, and links them all the same). The import is
            // complete either way; if linking fails, its run stays waiting for linking.
            if (await linker.LinkWaitingImportsAsync(ct) is not null)
            {
                await using var db = await OpenAsync("import linked", bulk: false, ct);
                run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            }
        }
        return run;
    }

    private async Task MarkFailedAsync(long runId, string reason)
    {
        try
        {
            await using var db = await OpenAsync("import failed", bulk: false, CancellationToken.None);
            var failed = await db.ImportRuns.SingleAsync(r => r.Id == runId);
            if (failed.Status == ImportStatus.Running) failed.Fail(reason.Length > 1000 ? reason[..1000] : reason, clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            log.LogError(e, "Could not mark import run {Run} failed", runId);
        }
    }

    /// <summary>The gazetteer addresses are read against, from the reference tables: the same for the preview and the import.</summary>
    internal static async Task<Gazetteer> GazetteerAsync(SaphanDb db, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().Select(d => new GazetteerDistrict(d.Code, d.NameTh, d.NameEn, null)).ToListAsync(ct);
        var subdistricts = await db.Subdistricts.AsNoTracking()
            .Select(s => new GazetteerSubdistrict(s.Code, s.NameTh, s.NameEn, s.DistrictCode, s.Postcode)).ToListAsync(ct);
        return new Gazetteer(districts, subdistricts);
    }

    /// <summary>Rows of one batch, in file order, with the byte position reached.</summary>
    internal sealed record Batch(RowResult[] Rows, long Position);

    private async Task Produce(TableFile table, RowInterpreter interpreter, long committedLine, ChannelWriter<Batch> output, CancellationToken ct)
    {
        try
        {
            var size = options.Value.BatchSize;
            var seen = new KeyFingerprints();
            var pending = new List<TableRow>(size);
            foreach (var row in table.Rows())
            {
                ct.ThrowIfCancellationRequested();
                if (row.Line <= committedLine)
                {
                    // Committed by an earlier attempt: only its key matters now, for the duplicate check.
                    var (usable, fingerprint) = interpreter.KeyOf(row);
                    if (usable) seen.Add(fingerprint);
                    continue;
                }
                pending.Add(row);
                if (pending.Count < size) continue;
                await output.WriteAsync(Interpret(pending, interpreter, seen, table.Position), ct);
                pending = new List<TableRow>(size);
            }
            if (pending.Count > 0) await output.WriteAsync(Interpret(pending, interpreter, seen, table.Length), ct);
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    private static Batch Interpret(List<TableRow> rows, RowInterpreter interpreter, KeyFingerprints seen, long position)
    {
        var results = new RowResult[rows.Count];
        Parallel.For(0, rows.Count, i => results[i] = interpreter.Interpret(rows[i]));
        // In file order: the first row with a key wins, later rows with the same key are rejected (see decisions.md).
        foreach (var r in results)
        {
            if (!r.HasUsableKey || seen.Add(r.KeyFingerprint)) continue;
            r.Rejection = new ImportProblem($"รหัสระเบียน '{r.Key}' ซ้ำกับแถวก่อนหน้าในไฟล์นี้ (ใช้แถวแรก)",
                $"record key '{r.Key}' already used by an earlier row of this file (the first row is kept)");
            r.Outcome = RowOutcome.Rejected;
        }
        return new Batch(results, position);
    }

    /// <summary>Writes batches of one run; remembers the line it committed last, so that a second writer is noticed.</summary>
    private sealed class BatchStore(ImportRunner owner, ImportRun run, Source source, bool lookUpVersions)
    {
        private long committedLine = run.CommittedLine;
        private bool lookUpVersions = lookUpVersions;

        public async Task<ImportRun> CommitAsync(Batch batch, CancellationToken ct)
        {
            await using var db = await owner.OpenAsync("import batch", bulk: true, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.IsPostgreSql)
            {
                // Versions of one source's records are numbered by one writer at a time, across processes.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7261, {source.Id})", ct);
            }
            var current = await db.ImportRuns.SingleAsync(r => r.Id == run.Id, ct);
            if (current.CommittedLine != committedLine || current.Status != ImportStatus.Running)
                throw new InvalidOperationException($"Import run {run.Id} was changed by another process (now at line {current.CommittedLine}, {current.Status}).");

            var rows = batch.Rows;
            var keys = rows.Where(r => r.Outcome == RowOutcome.Pending).Select(r => r.Key!).ToList();
            var latest = new Dictionary<string, (int Version, string Hash)>(keys.Count, StringComparer.Ordinal);
            // Another import into the same source (under the same lock, so its counts are current) turns the lookups on for good.
            lookUpVersions = lookUpVersions || await db.ImportRuns.AnyAsync(r => r.SourceId == source.Id && r.Id != run.Id && r.New + r.Updated > 0, ct);
            if (keys.Count > 0 && lookUpVersions)
            {
                var known = await db.SourceRecords.AsNoTracking()
                    // One array parameter (= ANY(@keys) / json_each): EF 10 would otherwise expand 5,000 keys into 5,000
                    // parameters, and compiling and planning that statement cost more than the batch's COPY.
                    .Where(r => r.SourceId == source.Id && EF.Parameter(keys).Contains(r.RecordKey))
                    .Select(r => new { r.RecordKey, r.Version, r.ContentHash })
                    .ToListAsync(ct);
                foreach (var k in known)
                    if (!latest.TryGetValue(k.RecordKey, out var v) || v.Version < k.Version) latest[k.RecordKey] = (k.Version, k.ContentHash);
            }

            var now = owner.Now;
            var records = new List<SourceRecord>(keys.Count);
            var rejects = new List<ImportReject>();
            long added = 0, updated = 0, unchanged = 0, rejected = 0;
            foreach (var r in rows)
            {
                if (r.Outcome == RowOutcome.Rejected)
                {
                    rejected++;
                    rejects.Add(new ImportReject(run.Id, r.Line, r.Rejection!.Th, r.Rejection.En, r.RawJson, r.Key, rowRejected: true));
                    continue;
                }
                if (latest.TryGetValue(r.Key!, out var previous))
                {
                    if (previous.Hash == r.ContentHash)
                    {
                        r.Outcome = RowOutcome.Unchanged;
                        unchanged++;
                        continue;
                    }
                    r.Outcome = RowOutcome.Updated;
                    r.Version = previous.Version + 1;
                    updated++;
                }
                else
                {
                    r.Outcome = RowOutcome.New;
                    r.Version = 1;
                    added++;
                }
                var read = r.Read!;
                records.Add(SourceRecord.Create(source.Id, r.Key!, r.Version, r.ContentHash, r.RawJson, read.Record, r.Nickname, r.HasDisabilityCard,
                    read.Problems.Select(p => p.Field + ":" + p.Code), run.Id, run.FileName, r.Line, now, run.StartedBy));
                if (read.Problems.Count > 0)
                {
                    rejects.Add(new ImportReject(run.Id, r.Line,
                        string.Join("; ", read.Problems.Select(p => p.Value is null ? p.MessageTh : $"{p.MessageTh} [{p.Value}]")),
                        string.Join("; ", read.Problems.Select(p => p.Value is null ? p.MessageEn : $"{p.MessageEn} [{p.Value}]")),
                        r.RawJson, r.Key, rowRejected: false));
                }
            }

            if (db.IsPostgreSql)
            {
                await PostgresCopy.SourceRecordsAsync(db, records, ct);
                await PostgresCopy.RejectsAsync(db, rejects, ct);
            }
            else
            {
                await SqliteInsert.WriteAsync(db, records, ct);
                await SqliteInsert.WriteAsync(db, rejects, ct);
            }
            var first = rows[0].Line;
            var last = rows[^1].Line;
            current.Commit(last, rows.Length, added, updated, unchanged, rejected);
            db.AuditLog.Add(new AuditEntry(now, null, run.StartedBy, AuditAction.Create, "ImportBatch", $"{run.Id}:{first}-{last}", "import",
                $"import {source.Code} {run.FileName} lines {first}–{last}: new {added}, updated {updated}, unchanged {unchanged}, rejected {rejected}"));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            committedLine = current.CommittedLine;
            return current;
        }
    }
}
