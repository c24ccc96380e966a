using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

/// <summary>Uploaded files hold personal data: they are kept only while an import needs them.</summary>
public sealed class UploadRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stale_uploads_are_deleted_and_the_files_of_running_or_interrupted_runs_and_other_files_are_kept(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var source = await ImportKit.SourceAsync(database);
        var options = new ImportOptions { Folder = Directory.CreateTempSubdirectory("saphan-retention").FullName, UploadRetentionHours = 24 };
        var now = database.Clock.GetUtcNow();
        string File(string name, double hoursOld)
        {
            var path = Path.Combine(options.Folder, name);
            System.IO.File.WriteAllText(path, "เลขที่ทะเบียน,ชื่อ\nR1,สมชาย\n");
            System.IO.File.SetLastWriteTimeUtc(path, now.AddHours(-hoursOld).UtcDateTime);
            return path;
        }
        await using (var db = database.OpenAsSystem())
        {
            db.ImportRuns.Add(ImportRun.Start(source.Id, "running.csv", new string('a', 64), "utf-8", "{}", "steward", now));
            var interrupted = ImportRun.Start(source.Id, "interrupted.xlsx", new string('b', 64), "utf-8", "{}", "steward", now);
            interrupted.Fail(ImportRunner.Interrupted + " (stopped before the end)", now);
            var failed = ImportRun.Start(source.Id, "failed.csv", new string('c', 64), "utf-8", "{}", "steward", now);
            failed.Fail("a quote that never closes", now);
            db.ImportRuns.AddRange(interrupted, failed);
            await db.SaveChangesAsync();
        }
        static string Hash(char c) => new(c, 64);
        var kept = new[] { File(Hash('a') + ".csv", 50), File(Hash('b') + ".xlsx", 50), File(Hash('f') + ".csv", 1), File("notes-of-someone-else.csv", 90) };
        var gone = new[] { File(Hash('c') + ".csv", 30), File(Hash('d') + ".xlsx", 25), File("upload-0f.part", 30) };

        var retention = new UploadRetention(database, Options.Create(options), database.Clock, NullLogger<UploadRetention>.Instance);
        Assert.Equal(3, await retention.SweepAsync());

        Assert.All(kept, path => Assert.True(System.IO.File.Exists(path), path));
        Assert.All(gone, path => Assert.False(System.IO.File.Exists(path), path));
        Directory.Delete(options.Folder, recursive: true);
    }
}
