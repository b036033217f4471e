using SoraPromptGenie.Data;

namespace SoraPromptGenie.Library;

/// <summary>What a page request's cookies say about the studio's workspace, handed to the circuit (<see cref="CircuitWorkspace"/>).</summary>
/// <param name="Id">The workspace the <see cref="WorkspaceAuth.CookieName"/> cookie opens, if any.</param>
/// <param name="NewKey">A key the last form post created, shown on this one page view only.</param>
/// <param name="Unavailable">The cookie could not be checked because the database was down.</param>
public sealed record PageWorkspace(Guid? Id, string? NewKey, bool Unavailable);

/// <summary>
/// The studio's side of workspace authentication: the key kept in the <see cref="WorkspaceAuth.CookieName"/> cookie by
/// <see cref="WorkspaceSession"/>, resolved on the page request. A database outage leaves the studio usable, signed out
/// with a notice, instead of failing the page.
/// </summary>
public sealed class WorkspaceCookie(LibraryService library, IHostEnvironment environment)
{
    public async Task<PageWorkspace> ReadAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cookies = http.Request.Cookies;
        Guid? id = null;
        var unavailable = false;
        if (cookies.TryGetValue(WorkspaceAuth.CookieName, out var key))
        {
            try
            {
                id = await library.ResolveWorkspaceAsync(key, http.RequestAborted);
            }
            catch (Exception ex) when (DatabaseFailures.IsOutage(ex))
            {
                unavailable = true;
            }
        }

        string? newKey = null;
        if (cookies.TryGetValue(WorkspaceSession.NewKeyCookie, out var created) && !http.Response.HasStarted)
        {
            newKey = created == key ? created : null;
            http.Response.Cookies.Delete(WorkspaceSession.NewKeyCookie, WorkspaceSession.CookieOptions(environment, TimeSpan.Zero));
        }

        return new PageWorkspace(id, newKey, unavailable);
    }
}
