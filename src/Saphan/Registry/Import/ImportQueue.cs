using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Registry.Import;

/// <summary>An import waiting for the background worker: the run and the stored file it reads.</summary>
public sealed record ImportJob(long RunId, string FilePath);

/// <summary>Imports started from the web wait here; one worker runs them one after another.</summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportJob> jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ImportJob job) => jobs.Writer.TryWrite(job);

    internal ChannelReader<ImportJob> Reader => jobs.Reader;
}

/// <summary>The progress of the imports this server is running, for the run page's progress bar.</summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<long, ImportProgress> runs = new();

    public ImportProgress? Get(long runId) => runs.GetValueOrDefault(runId);

    /// <summary>True while this server is running (or about to run) the import.</summary>
    public bool IsActive(long runId) => runs.TryGetValue(runId, out var p) && p.Status == ImportStatus.Running;

    public void Report(ImportProgress progress) => runs[progress.RunId] = progress;
}

/// <summary>
/// Runs queued imports in the background, one at a time (a second import of the same source would only wait for the
/// first one's lock). At start-up it resumes runs that were cut off by a restart, when their uploaded file is still here,
/// and links the records of completed imports whose linking never committed.
/// </summary>
public sealed class ImportWorker(
    ImportQueue queue,
    IServiceScopeFactory scopes,
    ImportProgressBoard board,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    UploadRetention retention,
    ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeInterruptedAsync(stoppingToken);
        await LinkWaitingAsync(stoppingToken);
        var sweeping = retention.RunAsync(stoppingToken);
        try
        {
            await RunQueuedAsync(stoppingToken);
        }
        finally
        {
            try { await sweeping; } catch (OperationCanceledException) { }
        }
    }

    private async Task RunQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            try
            {
                await runner.ExecuteAsync(job.RunId, job.FilePath, new Progress(board), link: true, stoppingToken);
                // The file holds personal data: it is kept only until its import is complete.
                File.Delete(job.FilePath);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed import is recorded on its run; the worker goes on with the next one.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogError(e, "Import run {Run} failed", job.RunId);
                // Failing after the run completed is the linking after it: the import stands (its records wait for linking).
                if (board.Get(job.RunId) is { } last && last.Status != ImportStatus.Completed) board.Report(last with { Status = ImportStatus.Failed });
            }
        }
    }

    private sealed class Progress(ImportProgressBoard board) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => board.Report(value);
    }

    private async Task LinkWaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<RegistryLinker>() is not { } linker) return;
        try
        {
            if (await linker.LinkWaitingImportsAsync(ct) is { } summary) log.LogInformation("Linked the records of imports waiting for linking: {Summary}", summary);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // They stay waiting: the next import, linkage run or start links them.
            log.LogError(e, "Could not link the records of imports waiting for linking");
        }
    }

    private async Task ResumeInterruptedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>();
            await using var db = (await contexts.CreateDbContextAsync(ct)).WithScope(AccessScope.System("import", clock.BangkokToday()));
            // Running: the process died; Failed as "interrupted": the server was stopped in the middle (see ImportRunner).
            var running = await db.ImportRuns.AsNoTracking().WaitingForTheirFile().ToListAsync(ct);
            foreach (var run in running)
            {
                var path = ImportService.StoredPath(options.Value, run.FileHash, run.FileName);
                if (!File.Exists(path)) continue;
                log.LogInformation("Resuming import run {Run} ({File}) after line {Line}", run.Id, run.FileName, run.CommittedLine);
                await using (var resume = (await contexts.CreateDbContextAsync(ct)).WithScope(db.Scope))
                {
                    var tracked = await resume.ImportRuns.SingleAsync(r => r.Id == run.Id, ct);
                    tracked.Resume();
                    await resume.SaveChangesAsync(ct);
                }
                queue.Enqueue(new ImportJob(run.Id, path));
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // A database not migrated yet (first start) has nothing to resume.
            log.LogDebug(e, "No interrupted imports looked for");
        }
    }
}
