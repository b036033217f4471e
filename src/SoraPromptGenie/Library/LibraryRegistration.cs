using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Library;

public static class LibraryRegistration
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.SectionName);
        services.AddScoped<LibraryService>();
        services.AddScoped<CurrentWorkspace>();
        services.AddScoped<AiResultSaver>();
        services.AddScoped<WorkspaceCookie>();
        services.AddScoped<CircuitWorkspace>();
        services.AddScoped<LibrarySession>();
        services.AddHostedService<EmptyWorkspaceExpiry>();
        return services;
    }

    /// <summary>The library's settings checks, run with every other area's before the app starts.</summary>
    public static void CheckConfiguration(IConfiguration configuration, IHostEnvironment environment, ConfigurationProblems problems) =>
        LibraryOptions.Validate(configuration, problems);
}
