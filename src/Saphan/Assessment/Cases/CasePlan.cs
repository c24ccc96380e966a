using Saphan.Assessment.Indicators;

namespace Saphan.Assessment.Cases;

public enum ActionStatus
{
    /// <summary>วางแผนแล้ว</summary>
    Planned = 1,

    /// <summary>กำลังดำเนินการ</summary>
    InProgress = 2,

    /// <summary>เสร็จแล้ว</summary>
    Done = 3,

    /// <summary>ยกเลิก</summary>
    Cancelled = 4,
}

/// <summary>
/// A household's case plan (แผนช่วยเหลือรายครัวเรือน): the problems found by the family report card, and for each the actions,
/// the agency responsible, the due date, the status and the outcome. One plan per household, kept open over the years.
/// </summary>
public sealed class CasePlan
{
    private readonly List<CaseAction> actions = [];

    private CasePlan() { }

    public CasePlan(Guid householdId, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        HouseholdId = householdId;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyCollection<CaseAction> Actions => actions;

    public CaseAction AddAction(string problemCode, Dimension? dimension, string description, string agencyKey, DateOnly dueOn, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(description)) throw new ArgumentException("An action needs a description.", nameof(description));
        if (Agencies.Find(agencyKey) is null) throw new ArgumentException($"Unknown agency '{agencyKey}'.", nameof(agencyKey));
        var action = new CaseAction(Guid.CreateVersion7(now), problemCode, dimension, description.Trim(), agencyKey, dueOn, by, now);
        actions.Add(action);
        UpdatedAt = now;
        return action;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>One action of a case plan: what, by which agency, by when, how far, with what result.</summary>
public sealed class CaseAction
{
    private CaseAction() { }

    internal CaseAction(Guid id, string problemCode, Dimension? dimension, string description, string agencyKey, DateOnly dueOn, string by, DateTimeOffset now)
    {
        Id = id;
        ProblemCode = problemCode;
        Dimension = dimension;
        Description = description;
        AgencyKey = agencyKey;
        DueOn = dueOn;
        Status = ActionStatus.Planned;
        CreatedBy = by;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The indicator code of the problem the action addresses (e.g. EDU-2), or "OTHER".</summary>
    public string ProblemCode { get; private set; } = "";
    public Dimension? Dimension { get; private set; }
    public string Description { get; private set; } = "";
    public string AgencyKey { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? Outcome { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public Agency? Agency => Agencies.Find(AgencyKey);

    /// <summary>Not done or cancelled and past its due date: shown in red on the plan and counted on the work list.</summary>
    public bool IsOverdueOn(DateOnly today) => Status is ActionStatus.Planned or ActionStatus.InProgress && DueOn < today;

    public void Update(ActionStatus status, string? outcome, DateOnly today)
    {
        if (status == ActionStatus.Done && string.IsNullOrWhiteSpace(outcome))
            throw new ArgumentException("A finished action records its outcome.", nameof(outcome));
        Status = status;
        Outcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim();
        CompletedOn = status is ActionStatus.Done or ActionStatus.Cancelled ? CompletedOn ?? today : null;
    }

    public void Reschedule(DateOnly dueOn) => DueOn = dueOn;
}
