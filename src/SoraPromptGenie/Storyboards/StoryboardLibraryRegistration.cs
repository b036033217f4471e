namespace SoraPromptGenie.Storyboards;

public static class StoryboardLibraryRegistration
{
    /// <summary>The storyboard library; its caps are the prompt library's options (<c>Library:*</c>).</summary>
    public static IServiceCollection AddStoryboardLibrary(this IServiceCollection services)
    {
        services.AddScoped<StoryboardLibrary>();
        return services;
    }
}
