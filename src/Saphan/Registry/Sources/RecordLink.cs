namespace Saphan.Registry.Sources;

/// <summary>
/// Which person an agency record (all its versions) belongs to, now. Changing it is a <see cref="LinkChange"/>: links can be
/// undone and split, and the history says who did what and why. A record is never unlinked into nothing: it always
/// belongs to some person, if only one of its own.
/// </summary>
public sealed class RecordLink
{
    private RecordLink() { }

    public long Id { get; private set; }
    public int SourceId { get; private set; }
    public string RecordKey { get; private set; } = "";
    public Guid PersonId { get; private set; }

    /// <summary>The newest version of the record.</summary>
    public long CurrentRecordId { get; private set; }
    public int CurrentVersion { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public static RecordLink Create(SourceRecord record, Guid personId, DateTimeOffset now) => new()
    {
        SourceId = record.SourceId, RecordKey = record.RecordKey, PersonId = personId,
        CurrentRecordId = record.Id, CurrentVersion = record.Version, LinkedAt = now,
    };

    public void AdvanceTo(SourceRecord newer)
    {
        if (newer.SourceId != SourceId || newer.RecordKey != RecordKey) throw new InvalidOperationException("Not a version of this record.");
        if (newer.Version <= CurrentVersion) throw new InvalidOperationException("Versions only move forward.");
        CurrentRecordId = newer.Id;
        CurrentVersion = newer.Version;
    }

    /// <summary>Moves the record to another person and returns the history entry to store.</summary>
    public LinkChange MoveTo(Guid personId, LinkReason reason, double? weight, string by, DateTimeOffset now, string? note = null)
    {
        var change = new LinkChange(Id, SourceId, RecordKey, PersonId, personId, reason, weight, by, now, note);
        PersonId = personId;
        LinkedAt = now;
        return change;
    }
}

/// <summary>One change of a record's person: the registry's link history (append-only).</summary>
public sealed class LinkChange
{
    private LinkChange() { }

    public LinkChange(long recordLinkId, int sourceId, string recordKey, Guid? fromPersonId, Guid toPersonId, LinkReason reason, double? weight, string by, DateTimeOffset at, string? note)
    {
        RecordLinkId = recordLinkId;
        SourceId = sourceId;
        RecordKey = recordKey;
        FromPersonId = fromPersonId;
        ToPersonId = toPersonId;
        Reason = reason;
        Weight = weight;
        By = by;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public long RecordLinkId { get; private set; }
    public int SourceId { get; private set; }
    public string RecordKey { get; private set; } = "";
    public Guid? FromPersonId { get; private set; }
    public Guid ToPersonId { get; private set; }
    public LinkReason Reason { get; private set; }
    public double? Weight { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}

public enum LinkReason
{
    /// <summary>A new record with no match: a new person.</summary>
    NewPerson = 1,

    /// <summary>Linked automatically above the upper threshold.</summary>
    Automatic = 2,

    /// <summary>A data steward decided "same person" in the review queue.</summary>
    ReviewedSame = 3,

    /// <summary>Split off a person by a data steward.</summary>
    Split = 4,

    /// <summary>A previous change undone.</summary>
    Undo = 5,

    /// <summary>Entered directly (outreach, assessment) rather than imported.</summary>
    Registered = 6,
}
