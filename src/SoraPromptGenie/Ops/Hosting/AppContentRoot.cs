namespace SoraPromptGenie.Ops.Hosting;

/// <summary>
/// The folder the app reads its own files from (wwwroot, appsettings.json) and resolves relative data and log paths
/// against.
/// </summary>
public static class AppContentRoot
{
    private const string ContentRootKey = "contentRoot";

    /// <summary>
    /// The host defaults the content root to the working directory. A published app carries its web root beside its
    /// assembly, so started from any other folder it would map every static asset and serve each one empty: use the
    /// app's own folder then. Under <c>dotnet run</c> and in the build output there is no wwwroot beside the assembly
    /// (static web assets are mapped from the project), and the default stays. A content root given explicitly
    /// (<c>ASPNETCORE_CONTENTROOT</c>, <c>--contentRoot</c>) always wins.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsGivenExplicitly(args) ? null : PublishedAppFolder(AppContext.BaseDirectory),
    };

    /// <summary>The app's folder when it holds the published web root, otherwise null.</summary>
    public static string? PublishedAppFolder(string appFolder) =>
        Directory.Exists(Path.Combine(appFolder, "wwwroot")) ? appFolder : null;

    private static bool IsGivenExplicitly(string[] args)
    {
        // The same sources, in the same order, as the host's own configuration.
        var hostSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        return !string.IsNullOrEmpty(hostSettings[ContentRootKey]);
    }
}
