namespace Saphan.Registry.Sources;

/// <summary>
/// One import of one file into one source. Counts always add up: read = new + updated + unchanged + rejected.
/// Rows are committed in batches with the run's position, so an interrupted import resumes where it stopped.
/// </summary>
public sealed class ImportRun
{
    private ImportRun() { }

    public long Id { get; private set; }
    public int SourceId { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 of the whole file (hex): the same file imported again is recognised.</summary>
    public string FileHash { get; private set; } = "";

    public string Encoding { get; private set; } = "";
    public string MappingJson { get; private set; } = "";
    public ImportStatus Status { get; private set; }
    public long Read { get; private set; }
    public long New { get; private set; }
    public long Updated { get; private set; }
    public long Unchanged { get; private set; }
    public long Rejected { get; private set; }

    /// <summary>The last data line whose outcome is committed; a resumed run skips up to here.</summary>
    public long CommittedLine { get; private set; }

    public string StartedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Failure { get; private set; }

    /// <summary>
    /// Completed with new or changed records that no linkage run has linked yet: the linking after the import did not commit
    /// (the process died, the database failed, it was cancelled, or the import was told not to link). Cleared by the first
    /// linkage run that commits after it (every run links all records); until then the next import, the web worker's start
    /// and <c>saphan relink</c> link it.
    /// </summary>
    public bool AwaitsLinking { get; private set; }

    public bool CountsAddUp => Read == New + Updated + Unchanged + Rejected;

    public static ImportRun Start(int sourceId, string fileName, string fileHash, string encoding, string mappingJson, string by, DateTimeOffset now) => new()
    {
        SourceId = sourceId, FileName = fileName, FileHash = fileHash, Encoding = encoding, MappingJson = mappingJson,
        Status = ImportStatus.Running, StartedBy = by, StartedAt = now,
    };

    /// <summary>Adds one batch's outcome; called in the same transaction that stores the batch.</summary>
    public void Commit(long lastLine, long read, long added, long updated, long unchanged, long rejected)
    {
        if (lastLine < CommittedLine) throw new InvalidOperationException("Batches are committed in file order.");
        CommittedLine = lastLine;
        Read += read;
        New += added;
        Updated += updated;
        Unchanged += unchanged;
        Rejected += rejected;
    }

    public void Complete(DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        FinishedAt = now;
        AwaitsLinking = New + Updated > 0;
    }

    /// <summary>A linkage run linked the run's records; called in that run's transaction.</summary>
    public void Linked() => AwaitsLinking = false;

    public void Fail(string reason, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        Failure = reason;
        FinishedAt = now;
    }

    public void Resume() => Status = Status == ImportStatus.Completed ? Status : ImportStatus.Running;
}

public enum ImportStatus
{
    Running = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>A row that could not be imported (or was imported with field problems), with its line and the reason in Thai and English (downloadable as a rejects file).</summary>
public sealed class ImportReject
{
    private ImportReject() { }

    public ImportReject(long importRunId, long line, string reasonTh, string reasonEn, string raw, string? recordKey = null, bool rowRejected = true)
    {
        ImportRunId = importRunId;
        Line = line;
        ReasonTh = reasonTh;
        ReasonEn = reasonEn;
        Raw = raw.Length > 4000 ? raw[..4000] : raw;
        RecordKey = recordKey is { Length: > 200 } ? recordKey[..200] : recordKey;
        RowRejected = rowRejected;
    }

    public long Id { get; private set; }
    public long ImportRunId { get; private set; }
    public long Line { get; private set; }
    public string ReasonTh { get; private set; } = "";
    public string ReasonEn { get; private set; } = "";
    public string Raw { get; private set; } = "";

    /// <summary>The row's record key, when it had one.</summary>
    public string? RecordKey { get; private set; }

    /// <summary>
    /// True: the row was not imported (counted as rejected). False: the row was imported, but some fields were unusable or
    /// doubtful (an impossible date, a 5-digit ID); the reasons are kept here so that the run's report lists them by line.
    /// </summary>
    public bool RowRejected { get; private set; } = true;
}
