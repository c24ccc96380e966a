using System.ComponentModel.DataAnnotations;

namespace Saphan.Registry.Import;

/// <summary>Configuration section "Import": upload size, batch size and where uploaded files wait for their import.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file accepted by the web upload (the CLI has no limit).</summary>
    [Range(1, 1_000_000)]
    public int MaxUploadMegabytes { get; set; } = 2048;

    /// <summary>Rows committed together, with the run's position, in one transaction.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>Where uploaded files are kept until their import completes (deleted then: they hold personal data).</summary>
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "saphan-imports");

    /// <summary>
    /// How long an uploaded file may wait when its import is not running: never started, failed, or left in the wizard.
    /// It holds personal data (see UploadRetention). A completed import's file is deleted at once.
    /// </summary>
    [Range(1, 24 * 30)]
    public int UploadRetentionHours { get; set; } = 24;

    /// <summary>Rows shown in the wizard's preview.</summary>
    [Range(1, 200)]
    public int PreviewRows { get; set; } = 20;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
