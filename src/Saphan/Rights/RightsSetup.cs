using Microsoft.Extensions.DependencyInjection.Extensions;
using Saphan.Registry.Linking;

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
            .AddRightsFollowingLinkage()
            .AddScoped<Registry.SubjectRights.IPersonDataHolder, RightsPersonData>()
            .AddHostedService<RightsRefreshService>();

    /// <summary>
    /// Rights follow the registry's linkage: a merged person's facts, enrolments and referrals move to the survivor, and
    /// everyone a run touched is evaluated again. Hosts that link without the rest of rights (the command line) add this alone.
    /// </summary>
    public static IServiceCollection AddRightsFollowingLinkage(this IServiceCollection services)
    {
        services.TryAddSingleton<RightsRefresh>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILinkageFollower, RightsLinkageFollower>());
        return services;
    }
}
