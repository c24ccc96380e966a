using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Localization;

namespace Saphan.Storage;

/// <summary>
/// Opens a database context for the current viewer, with the viewer's scope applied, one context per operation
/// (Blazor circuits live long; a shared context would go stale). Reads of personal data are audited here too.
/// </summary>
public sealed class DataAccess(
    IDbContextFactory<SaphanDb> contexts,
    AuthenticationStateProvider? authentication,
    IHttpContextAccessor http,
    TimeProvider clock,
    AuditWriter audit)
{
    private AccessScope? scope;

    public DateOnly Today => clock.BangkokToday();

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<AccessScope> ScopeAsync()
    {
        if (scope is not null) return scope;
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true && authentication is not null)
        {
            try { user = (await authentication.GetAuthenticationStateAsync()).User; }
            catch (InvalidOperationException) { /* outside a component: the HTTP request's user is all there is */ }
        }
        return scope = user is null ? AccessScope.Nobody : AccessScope.For(user, Today);
    }

    /// <summary>A context that sees what the viewer may see; changes through it are audited with <paramref name="where"/> and <paramref name="purpose"/>.</summary>
    public async Task<SaphanDb> OpenAsync(string where, string purpose)
    {
        var viewerScope = await ScopeAsync();
        var db = await contexts.CreateDbContextAsync();
        return db.WithScope(viewerScope).For(where, purpose);
    }

    /// <summary>A context for counting across all people; only the aggregate figures use it, and they never return a person.</summary>
    internal async Task<SaphanDb> OpenForAggregatesAsync()
    {
        var db = await contexts.CreateDbContextAsync();
        return db.WithScope(AccessScope.Aggregates(Today));
    }

    /// <summary>Writes one audit row per record read (or listed, or refused).</summary>
    public async Task AuditAsync(AuditAction action, string recordType, IEnumerable<string> recordIds, string where, string purpose)
    {
        var viewer = await ScopeAsync();
        var at = clock.GetUtcNow();
        await audit.WriteAsync(recordIds.Select(id => new AuditEntry(at, viewer.UserId, viewer.UserName, action, recordType, id, where, purpose)).ToList());
    }

    public Task AuditAsync(AuditAction action, string recordType, string recordId, string where, string purpose) =>
        AuditAsync(action, recordType, [recordId], where, purpose);
}
