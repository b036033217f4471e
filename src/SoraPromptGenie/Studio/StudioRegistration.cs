namespace SoraPromptGenie.Studio;

public static class StudioRegistration
{
    /// <summary>The Blazor studio: interactive server components and the per-circuit state they share.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<CircuitClient>();
        services.AddScoped<StudioSession>();
        services.AddScoped<ExportSelection>();
        return services;
    }
}
