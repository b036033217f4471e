using Microsoft.Extensions.Options;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines.Offline;
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

        services.AddCheckedOptions<PromptLimitsOptions, PromptLimitsRules>(PromptLimitsOptions.SectionName);
        services.AddSingleton<PromptInput>();
        services.AddSingleton(catalog);

        // The offline engine is the catalog's and the prompt limit's: Ai composes it into the engine pipeline.
        services.AddSingleton(sp => new OfflinePromptEngine(catalog, sp.GetRequiredService<IOptions<PromptLimitsOptions>>().Value.MaxPromptChars));
        services.AddSingleton<CatalogDocument>();
        services.AddSingleton<PromptStudio>();
        services.AddSingleton<PromptStreaming>();
        services.AddSingleton<PromptLinter>();
        var targets = TargetCatalog.LoadEmbedded();
        services.AddSingleton(sp => targets.WithClock(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<VideoRequestBuilder>();
        return services;
    }
}
