using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Studio;

public static class StudioRegistration
{
    /// <summary>
    /// The Blazor studio: interactive server components and the per-circuit state they share, with the circuits'
    /// memory bounded by <see cref="StudioOptions"/> (retention of disconnected circuits, open circuits per client).
    /// <para>
    /// Outside a published app, MapStaticAssets would also map a GET catch-all (<c>{**path:file}</c>) for files missing
    /// from the manifest; routing weighs its method before its constraint, so unknown /api routes would answer 405 and
    /// wrong-method ones 404. The studio needs no such fallback. The switch is set here, before the host is built: after
    /// that, the database check reads configuration on another thread, and writing it then raced with that read.
    /// </para>
    /// </summary>
    public static WebApplicationBuilder AddStudio(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        var services = builder.Services;
        services.AddCheckedOptions<StudioOptions>(StudioOptions.SectionName);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddOptions<CircuitOptions>().Configure<IOptions<StudioOptions>>((circuits, studio) =>
        {
            circuits.DisconnectedCircuitMaxRetained = studio.Value.DisconnectedCircuitMaxRetained;
            circuits.DisconnectedCircuitRetentionPeriod = studio.Value.DisconnectedCircuitRetentionPeriod;
        });
        services.AddSingleton<ClientCircuits>();
        services.AddScoped<CircuitAdmission>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitAdmission>());
        services.AddScoped<CircuitClient>();
        services.AddScoped<StudioSession>();
        services.AddScoped<IPromptEditor, StudioPromptEditor>();
        services.AddScoped<TargetSelection>();
        services.AddScoped<StoryboardView.StoryboardSession>();
        services.AddScoped<StoryboardView.StoryboardShelf>();
        return builder;
    }

    /// <summary>The studio's CSS and scripts from the static web assets manifest.</summary>
    public static StaticAssetsEndpointConventionBuilder MapStudioAssets(this WebApplication app) => app.MapStaticAssets();
}
