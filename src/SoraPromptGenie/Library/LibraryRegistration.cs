using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Library;

public static class LibraryRegistration
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddCheckedOptions<LibraryOptions>(LibraryOptions.SectionName);
        services.AddScoped<LibraryService>();
        services.AddScoped<CurrentWorkspace>();
        services.AddScoped<AiResultSaver>();
        services.AddScoped<WorkspaceCookie>();
        services.AddScoped<CircuitWorkspace>();
        services.AddScoped<LibrarySession>();
        services.AddHostedService<EmptyWorkspaceExpiry>();
        return services;
    }
}
