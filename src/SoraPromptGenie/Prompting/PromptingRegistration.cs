using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Prompting;

public static class PromptingRegistration
{
    /// <summary>Loads the catalog once and refuses to start when it breaks the catalog rules.</summary>
    public static IServiceCollection AddPrompting(this IServiceCollection services)
    {
        var catalog = PromptCatalog.LoadEmbedded();
        if (catalog.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The built-in catalog is invalid: " + string.Join(" ", problems));
        }

        services.AddOptions<PromptLimitsOptions>().BindConfiguration(PromptLimitsOptions.SectionName);
        services.AddSingleton<PromptInput>();
        services.AddSingleton(catalog);
        services.AddSingleton<CatalogDocument>();
        services.AddSingleton<PromptStudio>();
        services.AddSingleton<PromptLinter>();
        var targets = TargetCatalog.LoadEmbedded();
        services.AddSingleton(sp => targets.WithClock(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<VideoRequestBuilder>();
        return services;
    }

    /// <summary>The prompt and idea length limits (<see cref="ConfigurationCheck"/>).</summary>
    public static void CheckConfiguration(IConfiguration configuration, IHostEnvironment environment, ConfigurationProblems problems) =>
        PromptLimitsOptions.Validate(configuration, problems);
}
