using Microsoft.AspNetCore.Antiforgery;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Library;

/// <summary>What the last workspace form post did, carried to the studio in the redirect's query string.</summary>
public static class WorkspaceOutcomes
{
    public const string QueryName = "workspace";
    public const string SignedIn = "signed-in";
    public const string InvalidKey = "invalid-key";
    public const string Unavailable = "unavailable";
    public const string SignedOut = "signed-out";
}

/// <summary>
/// The studio's sign-in: a plain form post, because a Blazor circuit cannot set an HttpOnly cookie. It creates a workspace
/// or checks a pasted key, stores the key in the <see cref="WorkspaceAuth.CookieName"/> cookie and redirects to the studio.
/// A new key also travels once in <see cref="NewKeyCookie"/> so the studio can show it a single time.
/// </summary>
public static class WorkspaceSession
{
    public const string Path = "/workspace/session";
    public const string NewKeyCookie = "spg_new_key";
    public const string Create = "create";
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(400);
    private static readonly TimeSpan NewKeyLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The form is read by the handler, after the antiforgery check, so a post without a valid token is a plain 400
    /// before any field is looked at; the token is required explicitly because no parameter is bound from the form.
    /// </summary>
    public static RouteHandlerBuilder MapWorkspaceSession(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, HandleAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())

            // Creating a library and checking a key spend the client's general budget, as the /api routes for them do.
            .RequireRateLimiting(RateLimits.General)
            .ExcludeFromDescription();

    public static CookieOptions CookieOptions(IHostEnvironment environment, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment(),
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        };
    }

    private static async Task<Results<RedirectHttpResult, BadRequest>> HandleAsync(
        HttpContext http,
        LibraryService library,
        IHostEnvironment environment,
        CancellationToken cancellationToken)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !http.Request.HasFormContentType)
        {
            return TypedResults.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? action = form["action"];
        string? key = form["key"];
        try
        {
            switch (action)
            {
                case Create:
                    var created = await library.CreateWorkspaceAsync(cancellationToken);
                    http.Response.Cookies.Append(WorkspaceAuth.CookieName, created.Key, CookieOptions(environment, KeyLifetime));
                    http.Response.Cookies.Append(NewKeyCookie, created.Key, CookieOptions(environment, NewKeyLifetime));
                    return TypedResults.LocalRedirect("/");
                case SignIn:
                    if (await library.ResolveWorkspaceAsync(key, cancellationToken) is null)
                    {
                        return Outcome(WorkspaceOutcomes.InvalidKey);
                    }

                    http.Response.Cookies.Append(WorkspaceAuth.CookieName, key!.Trim(), CookieOptions(environment, KeyLifetime));
                    return Outcome(WorkspaceOutcomes.SignedIn);
                default:
                    http.Response.Cookies.Delete(WorkspaceAuth.CookieName, CookieOptions(environment, TimeSpan.Zero));
                    http.Response.Cookies.Delete(NewKeyCookie, CookieOptions(environment, TimeSpan.Zero));
                    return Outcome(WorkspaceOutcomes.SignedOut);
            }
        }
        catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
        {
            return Outcome(WorkspaceOutcomes.Unavailable);
        }
    }

    private static RedirectHttpResult Outcome(string outcome) => TypedResults.LocalRedirect($"/?{WorkspaceOutcomes.QueryName}={outcome}");
}
