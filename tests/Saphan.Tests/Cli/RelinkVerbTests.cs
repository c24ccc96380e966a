extern alias cli;

using Microsoft.EntityFrameworkCore;
using Saphan.Storage;
using Saphan.Tests.Registry.Import;
using Saphan.Tests.Support;
using cli::Saphan.Cli;
using cli::Saphan.Cli.Registry;

namespace Saphan.Tests.Cli;

/// <summary><c>saphan relink</c> links the records of imports that were never linked.</summary>
public sealed class RelinkVerbTests
{
    [Fact]
    public async Task Relink_links_an_import_made_without_linking_and_then_has_nothing_to_do()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await ImportKit.SourceAsync(database);
        var path = ImportKit.Write(ImportKit.Csv(Enumerable.Range(1, 12).Select(n => ImportKit.Row(n))), ImportKit.Tis620);
        try
        {
            var run = await ImportKit.ImportAsync(database, path);
            Assert.True(run.AwaitsLinking);

            var (first, firstOut) = Relink(database);
            var (second, secondOut) = Relink(database);

            Assert.Equal((0, 0), (first, second));
            Assert.StartsWith("linked:", firstOut, StringComparison.Ordinal);
            Assert.StartsWith("no import is waiting", secondOut, StringComparison.Ordinal);
            await using var db = database.OpenAsSystem();
            Assert.Equal(12, await db.RecordLinks.CountAsync());
            Assert.False(await db.ImportRuns.AnyAsync(r => r.AwaitsLinking));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int Code, string Out) Relink(TestDatabase database)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = Verb.Dispatch([RelinkVerb.Verb], ["relink", "--connection", database.Options.ConnectionString], stdout, stderr);
        return (code, stdout + stderr.ToString());
    }
}
