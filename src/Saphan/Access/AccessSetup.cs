using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Saphan.Access.Account;
using Saphan.Storage;

namespace Saphan.Access;

public static class AccessSetup
{
    /// <summary>ASP.NET Core Identity with roles, lockout, TOTP two-factor sign-in and the scope claims.</summary>
    public static IServiceCollection AddSaphanAccess(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = "saphan.auth";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            // APIs answer 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, 401);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, 403);
        });
        services.AddAuthorization();

        services.AddSaphanUsers().AddSignInManager().AddDefaultTokenProviders().AddClaimsPrincipalFactory<SaphanClaimsFactory>();
        services.AddSingleton<IEmailSender<SaphanUser>, NoEmailSender>();
        return services;
    }

    /// <summary>The user store and its rules, shared by the web app and the CLI (which creates administrators).</summary>
    public static IdentityBuilder AddSaphanUsers(this IServiceCollection services) =>
        services.AddIdentityCore<SaphanUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SaphanDb>();

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the district, department and display name to the sign-in cookie, so scope is known without a lookup.</summary>
internal sealed class SaphanClaimsFactory(UserManager<SaphanUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SaphanUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SaphanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SaphanClaims.DisplayName, user.DisplayName));
        if (user.DistrictCode is not null) identity.AddClaim(new Claim(SaphanClaims.District, user.DistrictCode));
        if (user.Department is { } d) identity.AddClaim(new Claim(SaphanClaims.Department, d.ToString()));
        return identity;
    }
}

/// <summary>Saphan sends no e-mail: accounts are created by administrators, and password resets go through them.</summary>
internal sealed class NoEmailSender : IEmailSender<SaphanUser>
{
    public Task SendConfirmationLinkAsync(SaphanUser user, string email, string confirmationLink) => Task.CompletedTask;
    public Task SendPasswordResetLinkAsync(SaphanUser user, string email, string resetLink) => Task.CompletedTask;
    public Task SendPasswordResetCodeAsync(SaphanUser user, string email, string resetCode) => Task.CompletedTask;
}
