using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Saphan.Registry.Import;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

/// <summary>An import's records never stay without a person: a run whose linking did not commit waits for it, and is linked later.</summary>
public sealed class ImportLinkingTests
{
    private const int Rows = 30;

    private static RegistryLinker Linker(TestDatabase database) => new(database, database.Clock, NullLogger<RegistryLinker>.Instance);

    private static ImportRunner Runner(TestDatabase database, ImportOptions? options = null) =>
        new(database, database.Clock, Options.Create(options ?? new ImportOptions { BatchSize = 10 }), NullLogger<ImportRunner>.Instance, Linker(database));

    /// <summary>Imports a file and stops (as a server stopping would) once the import is complete, while its records are being linked.</summary>
    private static async Task<long> ImportStoppedWhileLinkingAsync(TestDatabase database, string path, ImportOptions? options = null)
    {
        await ImportKit.SourceAsync(database);
        var runner = Runner(database, options);
        var prepared = await runner.PrepareAsync(new ImportRequest("welfare", path, "welfare.csv", "tis-620", ImportKit.Mapping(), "steward"));
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.ExecuteAsync(prepared.RunId, path, new StopWhenComplete(stop), link: true, stop.Token));

        await using var db = database.OpenAsSystem();
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == prepared.RunId);
        Assert.Equal((ImportStatus.Completed, (long)Rows, true), (run.Status, run.New, run.AwaitsLinking));
        Assert.Equal(0, await db.RecordLinks.CountAsync());
        return run.Id;
    }

    private static string File() => ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, Rows).Select(n => ImportKit.Row(n))), ImportKit.Tis620);

    private static async Task<(int Links, int Waiting)> StateAsync(TestDatabase database)
    {
        await using var db = database.OpenAsSystem();
        return (await db.RecordLinks.CountAsync(), await db.ImportRuns.CountAsync(r => r.AwaitsLinking));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_stopped_while_linking_waits_and_importing_the_same_file_again_links_its_records(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = File();
        try
        {
            await ImportStoppedWhileLinkingAsync(database, path);

            // Every row is unchanged the second time; the records of the first run are linked all the same.
            var runner = Runner(database);
            var again = await runner.PrepareAsync(new ImportRequest("welfare", path, "welfare.csv", "tis-620", ImportKit.Mapping(), "steward"));
            var run = await runner.ExecuteAsync(again.RunId, path);

            Assert.Equal(((long)Rows, 0L, false), (run.Unchanged, run.New, run.AwaitsLinking));
            Assert.Equal((Rows, 0), await StateAsync(database));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_web_worker_links_at_start_the_records_of_an_import_whose_linking_did_not_finish(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new ImportOptions { BatchSize = 10, Folder = Directory.CreateTempSubdirectory("saphan-worker").FullName };
        var path = File();
        try
        {
            await ImportStoppedWhileLinkingAsync(database, path, options);

            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<IDbContextFactory<SaphanDb>>(database)
                .AddSingleton<TimeProvider>(database.Clock)
                .AddSingleton(Options.Create(options));
            services.AddScoped<ImportRunner>().AddSingleton<ImportQueue>().AddSingleton<ImportProgressBoard>().AddSingleton<UploadRetention>()
                .AddSingleton<ImportWorker>().AddSingleton<RegistryLinker>();
            await using var provided = services.BuildServiceProvider();
            var worker = provided.GetRequiredService<ImportWorker>();
            await worker.StartAsync(CancellationToken.None);
            try
            {
                // Linking learns the match model at its first run in a process: allow it a minute.
                for (var i = 0; i < 600 && await StateAsync(database) != (Rows, 0); i++) await Task.Delay(100);
                Assert.Equal((Rows, 0), await StateAsync(database));
            }
            finally
            {
                await worker.StopAsync(CancellationToken.None);
            }
            // Nothing waits any more: asking again links nothing.
            Assert.Null(await Linker(database).LinkWaitingImportsAsync());
        }
        finally
        {
            System.IO.File.Delete(path);
            Directory.Delete(options.Folder, recursive: true);
        }
    }

    private sealed class StopWhenComplete(CancellationTokenSource stop) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Status == ImportStatus.Completed) stop.Cancel();
        }
    }
}
