using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

/// <summary>
/// Kills a real <c>saphan import</c> process in the middle of a 200,000-row import (after some batches are committed, while
/// others are being written) and runs the same command again: the import completes with every row counted once and no
/// (source, key, version) twice.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Rows = 200_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Killing_the_import_process_and_starting_it_again_loses_and_doubles_nothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportKit.SourceAsync(database);
        var file = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, Rows).Select(n => ImportKit.Row(n))), ImportKit.Tis620);
        var mapping = Path.ChangeExtension(file, ".json");
        await File.WriteAllTextAsync(mapping, ImportMapping.ToJson(ImportKit.Mapping()));
        try
        {
            // First attempt: killed once at least three batches are committed.
            var seen = "";
            using (var first = Start(database, file, mapping))
            {
                var committed = 0L;
                var deadline = Stopwatch.StartNew();
                while (committed < 3 * 4000 && !first.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(25);
                    committed = await CommittedLineAsync(database);
                }
                if (first.HasExited) Assert.Fail("the import finished before it could be killed: " + await first.StandardError.ReadToEndAsync());
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
                seen = $"killed after line {committed} was seen, {deadline.Elapsed.TotalSeconds:0.0} s";
            }

            long killedAt;
            await using (var db = database.OpenAsSystem())
            {
                var cut = await db.ImportRuns.SingleAsync();
                killedAt = cut.CommittedLine;
                Assert.True(cut.Status == ImportStatus.Running, $"{cut.Status} at line {cut.CommittedLine}, {seen}"); // nobody had the chance to mark it
                Assert.InRange(killedAt, 3 * 4000, Rows);
                Assert.True(cut.CountsAddUp);
                Assert.Equal(cut.New, await db.SourceRecords.LongCountAsync());
            }

            // Second attempt: the same command resumes the same run.
            using (var second = Start(database, file, mapping))
            {
                var output = await second.StandardOutput.ReadToEndAsync();
                var errors = await second.StandardError.ReadToEndAsync();
                await second.WaitForExitAsync();
                Assert.True(second.ExitCode == 0, errors);
                Assert.Contains($"resuming after line {killedAt}", errors, StringComparison.Ordinal);
                Assert.Contains($"read {Rows:N0} = new {Rows:N0} + updated 0 + unchanged 0 + rejected 0", output, StringComparison.Ordinal);
            }

            await using var check = database.OpenAsSystem();
            var run = await check.ImportRuns.SingleAsync();
            Assert.Equal((ImportStatus.Completed, (long)Rows, (long)Rows, Rows + 1L), (run.Status, run.Read, run.New, run.CommittedLine));
            Assert.Equal(Rows, await check.SourceRecords.CountAsync());
            Assert.Equal(0, await check.SourceRecords.GroupBy(r => new { r.SourceId, r.RecordKey, r.Version }).CountAsync(g => g.Count() > 1));
            Assert.Equal(Rows, await check.SourceRecords.Select(r => r.RecordKey).Distinct().CountAsync());
            Assert.Equal(Rows, await check.SourceRecords.Select(r => r.Line).Distinct().CountAsync());
        }
        finally
        {
            File.Delete(file);
            File.Delete(mapping);
        }
    }

    private static Process Start(TestDatabase database, string file, string mapping)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Saphan.Cli.dll"), "import", "--source", "welfare", "--mapping", mapping, "--encoding", "tis-620",
            "--batch", "4000", "--no-link", "--no-progress", "--connection", database.Options.ConnectionString, file,
        })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment.Remove("ConnectionStrings__Saphan");
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
    }

    private static async Task<long> CommittedLineAsync(TestDatabase database)
    {
        try
        {
            await using var db = database.OpenAsSystem();
            return await db.ImportRuns.Select(r => r.CommittedLine).FirstOrDefaultAsync();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            return 0; // the table is locked or the schema is being checked: ask again
        }
    }
}
