using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Saphan.Access;
using Saphan.Storage;

namespace Saphan.Tests.Support;

/// <summary>Signed-in users as the cookie would describe them, and a <see cref="DataAccess"/> acting for them.</summary>
public static class TestViewers
{
    public static ClaimsPrincipal User(string role, string? district = null, Department? department = null, string id = "user-1")
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, $"{role}-{id}"), new(ClaimTypes.Role, role) };
        if (district is not null) claims.Add(new Claim(SaphanClaims.District, district));
        if (department is not null) claims.Add(new Claim(SaphanClaims.Department, department.ToString()!));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
    }

    public static DataAccess DataAccessFor(TestDatabase db, ClaimsPrincipal user) =>
        new(db, new FixedAuthentication(user), new HttpContextAccessor(), db.Clock, new Saphan.Audit.AuditWriter(db));

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
