namespace Saphan.Rights;

public static class RightsSetup
{
    /// <summary>Rights and welfare: rules, evaluation, enrolments, work lists, referrals, what-if, figures, and the daily refresh.</summary>
    public static IServiceCollection AddRights(this IServiceCollection services) =>
        services
            .AddSingleton<RightsRefresh>()
            .AddScoped<PersonRightsFile>()
            .AddScoped<Referrals>()
            .AddScoped<MissingOutList>()
            .AddScoped<RightsFigures>()
            .AddScoped<RuleAdministration>()
            .AddScoped<EnrolmentImport>()
            .AddHostedService<RightsRefreshService>();
}
