using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Cli.Linkage;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Cli.Registry;

/// <summary>
/// <c>saphan import --source CODE --mapping mapping.json file.csv|file.xlsx</c>: the same import as the web wizard's, in
/// the foreground, with progress on stderr. Starting it again on the same file resumes an interrupted run.
/// </summary>
public static class ImportVerb
{
    public static Verb Verb { get; } = new("import", "import an agency CSV or .xlsx file into a registered source (resumable)", Usage, Run)
    {
        Flags = ["no-link", "no-progress"],
    };

    private const string Usage = """
        saphan import --source CODE --mapping mapping.json [options] file.csv|file.xlsx

          --source CODE      the registered source (saphan source list)
          --mapping FILE     the column mapping: one source's mapping (recordId, columns, dateConvention, delimiter, headerLine), or the
                             mapping file of saphan generate / saphan link (the entry for this file is used)
          --encoding E       utf-8, utf-8-bom or tis-620 (default: detected from the file)
          --rejects FILE     where to write the rows rejected or imported with problems (default: FILE.rejects.csv beside the input)
          --by NAME          who imports, for the provenance (default: cli:<login name>)
          --batch N          rows committed per transaction (default 5000)
          --no-link          do not link the imported records into people afterwards (the run waits for linking:
                             saphan relink, the next import or the web app's start links them)
          --no-progress      no progress bar on stderr
          --connection CS    the database (default: ConnectionStrings__Saphan, or saphan.db here)

          Exit codes: 0 done, 1 refused or failed (nothing or only whole batches written; run it again to resume),
          2 usage, 3 counts do not add up, 130 interrupted (run it again to resume).
        """;

    private static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        var code = args.Required("source");
        var mappingPath = args.Required("mapping");
        if (args.Positional.Count != 1) throw new CliUsageException("give exactly one file to import");
        var file = args.Positional[0];
        if (!File.Exists(file))
        {
            stderr.WriteLine($"ไม่พบไฟล์ / no such file: {file}");
            return 1;
        }
        Saphan.Linkage.Io.SourceMapping mapping;
        try
        {
            mapping = ImportMapping.Load(mappingPath, file, code);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"อ่านไฟล์ mapping ไม่ได้ / cannot read the mapping file {mappingPath}: {e.Message}");
            return 1;
        }
        var encoding = args.Get("encoding");
        if (encoding is null && TableFile.KindOf(file) == TableKind.Csv)
        {
            var detected = EncodingSniffer.Detect(file);
            encoding = detected.Name;
            stderr.WriteLine($"encoding {detected.Name}: {detected.Reason.En} (--encoding overrides)");
        }
        encoding ??= "utf-8";
        var batch = args.Int("batch", 0);

        using var services = RegistryServices.Build(args.Get("connection"), batch > 0 ? batch : null);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return RunAsync(services, args, code, file, encoding, mapping, stdout, stderr, cancel.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync(ServiceProvider services, CliArgs args, string code, string file, string encoding,
        Saphan.Linkage.Io.SourceMapping mapping, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await DatabasePreparation.PrepareAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var by = args.Get("by") ?? "cli:" + Environment.UserName;
        PreparedImport prepared;
        try
        {
            prepared = await runner.PrepareAsync(new ImportRequest(code, Path.GetFullPath(file), Path.GetFileName(file), encoding, mapping, by), ct);
        }
        catch (ImportRefusedException e)
        {
            stderr.WriteLine("นำเข้าไม่ได้ ไม่มีข้อมูลใดถูกบันทึก / the import was refused, nothing was written:");
            foreach (var p in e.Problems) stderr.WriteLine($"  {p.Th}\n  {p.En}");
            return 1;
        }
        if (TableFile.Sheets(file) is { OthersWithData.Count: > 0 } sheets)
        {
            var others = string.Join(", ", sheets.OthersWithData);
            stderr.WriteLine($"คำเตือน: นำเข้าเฉพาะแผ่นงานแรก \"{sheets.First}\" แผ่นงานอื่นที่มีข้อมูล ({others}) ไม่ถูกนำเข้า บันทึกแต่ละแผ่นงานเป็นไฟล์แยกแล้วนำเข้าทีละไฟล์");
            stderr.WriteLine($"warning: only the first sheet, \"{sheets.First}\", is imported; the other sheets with data ({others}) are not: save each as its own file and import them one by one");
        }
        stderr.WriteLine(prepared.Resumed
            ? $"run {prepared.RunId}: resuming after line {prepared.CommittedLine} (encoding {prepared.Encoding}, the run's own mapping)"
            : $"run {prepared.RunId}: new import of {Path.GetFileName(file)} into {code}");

        var bar = new ConsoleProgress(stderr, !args.Has("no-progress"));
        var name = "import " + Path.GetFileName(file);
        ImportRun run;
        try
        {
            run = await runner.ExecuteAsync(prepared.RunId, Path.GetFullPath(file),
                new Progress<ImportProgress>(p => bar.Report(name, p.Bytes, p.TotalBytes)), link: !args.Has("no-link"), ct);
        }
        catch (OperationCanceledException)
        {
            bar.Done();
            stderr.WriteLine($"interrupted: run {prepared.RunId} keeps its committed batches; run the same command again to resume (or saphan relink if only linking was left)");
            return 130;
        }
        catch (ImportRefusedException e)
        {
            bar.Done();
            foreach (var p in e.Problems) stderr.WriteLine($"  {p.Th}\n  {p.En}");
            return 1;
        }
        bar.Done();

        var ci = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(ci, $"run {run.Id}: read {run.Read:N0} = new {run.New:N0} + updated {run.Updated:N0} + unchanged {run.Unchanged:N0} + rejected {run.Rejected:N0}{(run.CountsAddUp ? "" : "  (MISMATCH)")}"));
        if (runner.LastTimings is { } timings) stderr.WriteLine("time: " + timings);
        // What the import cost the process's memory manager (the bench reads this line; see docs/benchmarks.md).
        stderr.WriteLine(string.Create(ci, $"gc: allocated {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB, paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2)"));
        var rejectsPath = args.Get("rejects") ?? file + ".rejects.csv";
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>();
        await using var db = (await contexts.CreateDbContextAsync(ct)).WithScope(AccessScope.System("cli", TimeProvider.System.BangkokToday()));
        if (await db.ImportRejects.AnyAsync(r => r.ImportRunId == run.Id, ct))
        {
            await using var output = File.Create(rejectsPath);
            var lines = await RejectsExport.WriteAsync(db, run.Id, output, ct);
            stdout.WriteLine(string.Create(ci, $"rows rejected or imported with problems: {lines:N0} in {Path.GetFullPath(rejectsPath)}"));
        }
        return run.CountsAddUp ? 0 : 3;
    }
}
