using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

/// <summary>The web's background worker: runs queued imports, and at start-up resumes the ones a restart cut off.</summary>
public sealed class ImportWorkerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_interrupted_by_a_server_stop_is_resumed_when_the_worker_starts_and_its_file_is_deleted_at_the_end(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var options = new ImportOptions { BatchSize = 10, Folder = Directory.CreateTempSubdirectory("saphan-worker").FullName };
        var content = ImportKit.Tis620.GetBytes(ImportKit.Csv(Enumerable.Range(1, 60).Select(n => ImportKit.Row(n))));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var path = ImportService.StoredPath(options, hash, "welfare.csv");
        await File.WriteAllBytesAsync(path, content);

        // The server stops after the first batches: the run is marked interrupted.
        var runner = new ImportRunner(database, database.Clock, Options.Create(options), NullLogger<ImportRunner>.Instance);
        var prepared = await runner.PrepareAsync(new ImportRequest("welfare", path, "welfare.csv", "tis-620", ImportKit.Mapping(), "steward") { FileHash = hash });
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.ExecuteAsync(prepared.RunId, path, new Stop(stop, afterRows: 20), link: false, stop.Token));

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDbContextFactory<SaphanDb>>(database)
            .AddSingleton<TimeProvider>(database.Clock)
            .AddSingleton(Options.Create(options));
        services.AddScoped<ImportRunner>().AddSingleton<ImportQueue>().AddSingleton<ImportProgressBoard>().AddSingleton<UploadRetention>().AddSingleton<ImportWorker>();
        await using var provided = services.BuildServiceProvider();
        var worker = provided.GetRequiredService<ImportWorker>();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            ImportRun? run = null;
            for (var i = 0; i < 200 && run?.Status != ImportStatus.Completed; i++)
            {
                await Task.Delay(50);
                await using var db = database.OpenAsSystem();
                run = await db.ImportRuns.AsNoTracking().SingleAsync();
            }
            Assert.Equal(ImportStatus.Completed, run!.Status);
            Assert.Equal((60L, 60L), (run.Read, run.New));
            Assert.Equal(prepared.RunId, run.Id);
            Assert.Equal(ImportStatus.Completed, provided.GetRequiredService<ImportProgressBoard>().Get(run.Id)!.Status);
            for (var i = 0; i < 40 && File.Exists(path); i++) await Task.Delay(50);
            Assert.False(File.Exists(path));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            Directory.Delete(options.Folder, recursive: true);
        }
    }

    private sealed class Stop(CancellationTokenSource stop, int afterRows) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Read >= afterRows) stop.Cancel();
        }
    }
}
