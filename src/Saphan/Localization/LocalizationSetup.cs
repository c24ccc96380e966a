using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Saphan.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddSaphanLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SaphanCultures.Thai, SaphanCultures.Thai);
            o.SupportedCultures = SaphanCultures.All;
            o.SupportedUICultures = SaphanCultures.All;
            // Thai unless the user chose otherwise (cookie); the browser's language is not asked, government PCs are often set to English.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }
}
