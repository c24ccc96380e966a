using Microsoft.EntityFrameworkCore;
using Saphan.Registry.Sources;
using Saphan.Storage;

namespace Saphan.Registry.Import;

/// <summary>The form of a new source (แหล่งข้อมูล), as a steward fills it in.</summary>
public sealed class SourceForm
{
    public string Code { get; set; } = "";
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string OwnerAgency { get; set; } = "";
    public string Holds { get; set; } = "";
    public string Purpose { get; set; } = "";
    public LegalBasis LegalBasis { get; set; } = LegalBasis.PublicTask;
    public string LegalBasisNote { get; set; } = "";
    public string Steward { get; set; } = "";
}

/// <summary>A source with what has been imported into it.</summary>
public sealed record SourceSummary(Source Source, long Records, int Imports, DateTimeOffset? LastImport);

/// <summary>Registering and listing agency sources, for data stewards and administrators.</summary>
public sealed class SourceRegistry(DataAccess data, TimeProvider clock)
{
    private async Task<string> StewardAsync()
    {
        var scope = await data.ScopeAsync();
        if (!scope.SeesEveryone || scope.UserId is null || scope.AggregatesOnly)
            throw new UnauthorizedAccessException("Only data stewards and administrators manage sources.");
        return scope.UserName;
    }

    /// <summary>What is wrong with the form, in Thai and English (empty when it can be registered, bar a clash of codes).</summary>
    public static List<ImportProblem> Validate(SourceForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<ImportProblem>();
        var code = form.Code.Trim().ToLowerInvariant();
        if (code.Length is < 2 or > 60 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            problems.Add(new("รหัสแหล่งข้อมูลต้องยาว 2–60 ตัว ใช้ a–z 0–9 - หรือ _ เท่านั้น", "the source code is 2–60 characters of a–z, 0–9, '-' or '_'"));
        if (string.IsNullOrWhiteSpace(form.NameTh)) problems.Add(new("กรุณากรอกชื่อแหล่งข้อมูลภาษาไทย", "please give the source's Thai name"));
        if (string.IsNullOrWhiteSpace(form.OwnerAgency)) problems.Add(new("กรุณาระบุหน่วยงานเจ้าของข้อมูล", "please name the agency that owns the data"));
        if (string.IsNullOrWhiteSpace(form.Purpose)) problems.Add(new("กรุณาระบุวัตถุประสงค์ (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 21)", "please state the purpose (PDPA s.21)"));
        if (string.IsNullOrWhiteSpace(form.LegalBasisNote)) problems.Add(new("กรุณาระบุกฎหมายหรือระเบียบที่เป็นฐานการประมวลผล", "please name the law or regulation behind the legal basis"));
        if (!Enum.IsDefined(form.LegalBasis)) problems.Add(new("ฐานทางกฎหมายไม่ถูกต้อง", "unknown legal basis"));
        return problems;
    }

    public async Task<IReadOnlyList<SourceSummary>> ListAsync(CancellationToken ct = default)
    {
        await StewardAsync();
        await using var db = await data.OpenAsync("/registry/sources", "source registry");
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.NameTh).ToListAsync(ct);
        var records = await db.SourceRecords.GroupBy(r => r.SourceId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Grouped here: SQLite cannot take the maximum of a DateTimeOffset; runs are few.
        var runs = (await db.ImportRuns.AsNoTracking().Select(r => new { r.SourceId, r.StartedAt }).ToListAsync(ct))
            .GroupBy(r => r.SourceId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(r => r.StartedAt) }).ToList();
        return [.. sources.Select(s =>
        {
            var run = runs.FirstOrDefault(r => r.Key == s.Id);
            return new SourceSummary(s, records.GetValueOrDefault(s.Id), run?.Count ?? 0, run?.Last);
        })];
    }

    public async Task<(Source Source, IReadOnlyList<Sources.ImportRun> Runs)?> FindAsync(string code, CancellationToken ct = default)
    {
        await StewardAsync();
        await using var db = await data.OpenAsync($"/registry/sources/{code}", "source registry");
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct);
        if (source is null) return null;
        var runs = await db.ImportRuns.AsNoTracking().Where(r => r.SourceId == source.Id).OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        return (source, runs);
    }

    /// <summary>Validates (Thai and English reasons) and registers the source; the steward defaults to the user registering it.</summary>
    public async Task<Source> RegisterAsync(SourceForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var by = await StewardAsync();
        var problems = Validate(form);
        var code = form.Code.Trim().ToLowerInvariant();
        await using var db = await data.OpenAsync("/registry/sources", "register source");
        if (problems.Count == 0 && await db.Sources.AnyAsync(s => s.Code == code, ct))
            problems.Add(new($"มีแหล่งข้อมูลรหัส '{code}' อยู่แล้ว", $"a source with code '{code}' exists already"));
        if (problems.Count > 0) throw new ImportRefusedException(problems);
        var source = Source.Register(code, form.NameTh, form.NameEn, form.OwnerAgency, form.Holds, form.Purpose, form.LegalBasis, form.LegalBasisNote,
            string.IsNullOrWhiteSpace(form.Steward) ? by : form.Steward, clock.GetUtcNow());
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        await data.AuditAsync(Audit.AuditAction.Create, "Source", source.Code, "/registry/sources", "register source");
        return source;
    }
}
