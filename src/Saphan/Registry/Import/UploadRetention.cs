using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saphan.Access;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Registry.Import;

/// <summary>
/// Uploaded files hold personal data, so they are kept only while an import needs them (PDPA s.37(3): what is no longer
/// needed is deleted). The worker deletes a file when its import completes; this sweep removes the rest once they are
/// older than <see cref="ImportOptions.UploadRetentionHours"/>: uploads never imported (a wizard left half-way), files of
/// runs that failed, broken partial uploads. Files of runs still running, or waiting to resume after a restart, are kept.
/// </summary>
public sealed class UploadRetention(IDbContextFactory<SaphanDb> contexts, IOptions<ImportOptions> options, TimeProvider clock, ILogger<UploadRetention> log)
{
    /// <summary>Deletes the stale uploads and returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!Directory.Exists(settings.Folder)) return 0;
        var keep = await InUseAsync(ct);
        var now = clock.GetUtcNow();
        var retention = TimeSpan.FromHours(settings.UploadRetentionHours);
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(settings.Folder))
        {
            if (!IsUpload(Path.GetFileName(path)) || keep.Contains(Path.GetFullPath(path))) continue;
            if (now - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) < retention) continue;
            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Could not delete the stale upload {File}", Path.GetFileName(path));
            }
        }
        if (deleted > 0) log.LogInformation("Deleted {Count} uploaded files older than {Hours} h", deleted, settings.UploadRetentionHours);
        return deleted;
    }

    /// <summary>Only files the upload wrote ({sha256}.csv|.xlsx, upload-*.part): the folder may be shared with other things.</summary>
    internal static bool IsUpload(string name)
    {
        if (name.StartsWith("upload-", StringComparison.Ordinal) && name.EndsWith(".part", StringComparison.Ordinal)) return true;
        var stem = Path.GetFileNameWithoutExtension(name);
        return Path.GetExtension(name) is ".csv" or ".xlsx" && stem.Length == 64 && stem.All(char.IsAsciiHexDigitLower);
    }

    private async Task<HashSet<string>> InUseAsync(CancellationToken ct)
    {
        await using var db = (await contexts.CreateDbContextAsync(ct)).WithScope(AccessScope.System("import", clock.BangkokToday()));
        var runs = await db.ImportRuns.AsNoTracking().WaitingForTheirFile().Select(r => new { r.FileHash, r.FileName }).ToListAsync(ct);
        return runs.Select(r => Path.GetFullPath(ImportService.StoredPath(options.Value, r.FileHash, r.FileName))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Sweeps now and then every hour until the server stops; a database not ready yet is tried again next time.</summary>
    internal async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await SweepAsync(ct);
            }
            catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException)
            {
                log.LogDebug(e, "Stale uploads not swept this time");
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}

internal static class ImportRunQueries
{
    /// <summary>Runs whose file is still needed: running, or stopped by a server shutdown and resumed at start-up (see ImportRunner).</summary>
    public static IQueryable<ImportRun> WaitingForTheirFile(this IQueryable<ImportRun> runs) =>
        runs.Where(r => r.Status == ImportStatus.Running
            || (r.Status == ImportStatus.Failed && r.Failure != null && EF.Functions.Like(r.Failure, ImportRunner.Interrupted + "%")));
}
