namespace SoraPromptGenie.Library;

public static class LibraryRegistration
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<LibraryService>();
        return services;
    }
}
