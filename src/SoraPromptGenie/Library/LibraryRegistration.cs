namespace SoraPromptGenie.Library;

public static class LibraryRegistration
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.SectionName);
        services.AddScoped<LibraryService>();
        services.AddScoped<CircuitWorkspace>();
        services.AddScoped<LibrarySession>();
        services.AddHostedService<EmptyWorkspaceExpiry>();
        return services;
    }
}
