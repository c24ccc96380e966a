using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Saphan.Linkage;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Localization;

namespace Saphan.Registry.Import;

/// <summary>An uploaded file, stored under its SHA-256 in the import folder.</summary>
public sealed record StoredUpload(string Path, string FileName, string Hash, long Size)
{
    public TableKind Kind => TableFile.KindOf(FileName);
}

/// <summary>What the wizard learns from a file before mapping: its encoding (CSV), separator and header.</summary>
public sealed record FileLook(DetectedEncoding? Detected, string Encoding, string Delimiter, IReadOnlyList<string> Header, IReadOnlyList<string?> FirstValues)
{
    /// <summary>The line of the column names (1 unless a title block stands above the table).</summary>
    public int HeaderLine { get; init; } = 1;

    /// <summary>For a workbook: the sheet that is imported (the first) and the other sheets that hold data, which are not.</summary>
    public (string First, IReadOnlyList<string> OthersWithData)? Sheets { get; init; }
}

/// <summary>One row as the import would read it.</summary>
public sealed record PreviewRow(long Line, RowResult Result)
{
    public LinkRecord? Record => Result.Read?.Record;
}

public sealed record ImportPreview(IReadOnlyList<PreviewRow> Rows);

/// <summary>
/// The import wizard's services for data stewards: store an upload, look at it (encoding, separator, header), guess the
/// mapping, preview the first rows exactly as the import will read them, and start the import in the background.
/// Every method checks that the caller is a data steward or administrator.
/// </summary>
public sealed class ImportService(DataAccess data, IOptions<ImportOptions> options, ImportRunner runner, ImportQueue queue, ImportProgressBoard board, TimeProvider clock)
{
    public ImportOptions Options => options.Value;

    public static string StoredPath(ImportOptions options, string hash, string fileName) =>
        Path.Combine(options.Folder, hash + (TableFile.KindOf(fileName) == TableKind.Xlsx ? ".xlsx" : ".csv"));

    private async Task<string> StewardAsync()
    {
        var scope = await data.ScopeAsync();
        if (!scope.SeesEveryone || scope.UserId is null || scope.AggregatesOnly)
            throw new UnauthorizedAccessException("Only data stewards and administrators import agency data.");
        return scope.UserName;
    }

    public async Task<IReadOnlyList<Source>> SourcesAsync()
    {
        await StewardAsync();
        await using var db = await data.OpenAsync("/registry/import", "import");
        return await db.Sources.AsNoTracking().OrderBy(s => s.Code).ToListAsync();
    }

    /// <summary>
    /// Streams the upload to a temporary file while hashing it (a 2 GB file never sits in memory), then keeps it as
    /// {hash}.csv or {hash}.xlsx; the same file uploaded again lands on the same name.
    /// </summary>
    public async Task<StoredUpload> StoreUploadAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await StewardAsync();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".txt" or ".xlsx"))
            throw new ImportRefusedException(new ImportProblem("รับเฉพาะไฟล์ .csv หรือ .xlsx", "only .csv and .xlsx files are accepted"));
        Directory.CreateDirectory(Options.Folder);
        var partial = Path.Combine(Options.Folder, $"upload-{Guid.NewGuid():N}.part");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += n;
                    if (size > Options.MaxUploadBytes)
                        throw new ImportRefusedException(new ImportProblem($"ไฟล์ใหญ่เกิน {Options.MaxUploadMegabytes:N0} MB (ใช้คำสั่ง saphan import สำหรับไฟล์ใหญ่)",
                            $"the file is larger than {Options.MaxUploadMegabytes:N0} MB (use saphan import for larger files)"));
                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
            if (size == 0) throw new ImportRefusedException(new ImportProblem("ไฟล์ว่าง ไม่มีหัวตารางหรือข้อมูล", "the file is empty: no header and no rows"));
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var path = StoredPath(Options, hash, fileName);
            File.Move(partial, path, overwrite: true);
            return new StoredUpload(path, Path.GetFileName(fileName), hash, size);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>Detects the encoding, the separator and the header line (unless given) and reads the header and first row.</summary>
    public async Task<FileLook> LookAsync(StoredUpload upload, string? encoding = null, string? delimiter = null, int? headerLine = null)
    {
        await StewardAsync();
        DetectedEncoding? detected = null;
        if (upload.Kind == TableKind.Csv)
        {
            detected = EncodingSniffer.Detect(upload.Path);
            if (detected.Name == "utf-16") throw new ImportRefusedException(detected.Reason);
            encoding ??= detected.Name;
            delimiter ??= TableFile.GuessDelimiter(upload.Path, encoding);
        }
        encoding ??= "utf-8";
        delimiter ??= ",";
        headerLine ??= TableFile.GuessHeaderLine(upload.Path, upload.Kind, encoding, delimiter);
        using var table = TableFile.Open(upload.Path, upload.Kind, encoding, delimiter, headerLine.Value);
        var first = table.Rows().FirstOrDefault();
        var values = table.Header.Select((_, i) => first is not null && i < first.Cells.Length ? first.Cells[i] : null).ToList();
        return new FileLook(detected, encoding, delimiter, table.Header, values) { HeaderLine = headerLine.Value, Sheets = TableFile.Sheets(upload.Path) };
    }

    /// <summary>The source's saved mapping when it fits this header, else a guess from the header names.</summary>
    public static SourceMapping GuessMapping(Source source, FileLook look) =>
        ImportMapping.Guess(source.Code, look.Header, source.MappingProfile) with { Delimiter = look.Delimiter, Encoding = look.Encoding, HeaderLine = look.HeaderLine };

    /// <summary>The first rows read exactly as the import will read them (same interpreter, same gazetteer).</summary>
    public async Task<ImportPreview> PreviewAsync(StoredUpload upload, string encoding, SourceMapping mapping, CancellationToken ct = default)
    {
        await StewardAsync();
        Gazetteer gazetteer;
        await using (var db = await data.OpenAsync("/registry/import", "import preview"))
            gazetteer = await ImportRunner.GazetteerAsync(db, ct);
        using var table = TableFile.Open(upload.Path, upload.Kind, encoding, mapping.Delimiter, mapping.HeaderLine);
        var interpreter = new RowInterpreter(mapping, table.Header,
            new Normaliser(ImportMapping.DateConventionOf(mapping), gazetteer, clock.BangkokToday()));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<PreviewRow>();
        foreach (var row in table.Rows().Take(Options.PreviewRows))
        {
            var result = interpreter.Interpret(row);
            if (result.HasUsableKey && !seen.Add(result.Key!))
            {
                result.Rejection = new ImportProblem($"รหัสระเบียน '{result.Key}' ซ้ำกับแถวก่อนหน้าในไฟล์นี้", $"record key '{result.Key}' already used by an earlier row");
                result.Outcome = RowOutcome.Rejected;
            }
            rows.Add(new PreviewRow(row.Line, result));
        }
        return new ImportPreview(rows);
    }

    /// <summary>Creates (or resumes) the run and queues it; the page follows its progress. Refuses a bad file before writing anything.</summary>
    public async Task<PreparedImport> StartAsync(string sourceCode, StoredUpload upload, string encoding, SourceMapping mapping, CancellationToken ct = default)
    {
        var by = await StewardAsync();
        var prepared = await runner.PrepareAsync(new ImportRequest(sourceCode, upload.Path, upload.FileName, encoding, mapping, by) { FileHash = upload.Hash }, ct);
        board.Report(new ImportProgress(prepared.RunId, 0, upload.Size, 0, 0, 0, 0, 0, ImportStatus.Running));
        queue.Enqueue(new ImportJob(prepared.RunId, upload.Path));
        return prepared;
    }

    /// <summary>A run with its source, for the run page.</summary>
    public async Task<(ImportRun Run, Source Source, IReadOnlyList<ImportReject> FirstProblems)?> RunAsync(long runId, int problems = 100)
    {
        await StewardAsync();
        await using var db = await data.OpenAsync($"/registry/imports/{runId}", "import run");
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId);
        if (run is null) return null;
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == run.SourceId);
        var first = await db.ImportRejects.AsNoTracking().Where(r => r.ImportRunId == runId).OrderBy(r => r.Line).Take(problems).ToListAsync();
        return (run, source, first);
    }

    public ImportProgress? Progress(long runId) => board.Get(runId);

    public bool IsRunningHere(long runId) => board.IsActive(runId);
}
