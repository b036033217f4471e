namespace SoraPromptGenie.Library;

/// <summary>
/// The workspace the request's bearer key opens, for the handlers that act on it: one per request scope, authenticated
/// by <see cref="WorkspaceAuth.UseWorkspaceAuth"/> before an endpoint that requires a workspace runs
/// (<see cref="WorkspaceAuth.RequireWorkspace"/>), or on demand where it is optional (<see cref="AiResultSaver"/>).
/// A handler declares it as a parameter.
/// </summary>
public sealed class CurrentWorkspace(LibraryService library)
{
    private Guid? _id;

    /// <summary>The authenticated workspace; reading it where none was authenticated is a bug in the mapping, not a client error.</summary>
    public Guid Id => _id ?? throw new InvalidOperationException("No workspace was authenticated for this request; map the endpoint with RequireWorkspace().");

    /// <summary>Resolves the request's <c>Authorization: Bearer &lt;key&gt;</c>; false when it is missing or opens no workspace.</summary>
    public async Task<bool> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _id ??= await library.ResolveWorkspaceAsync(WorkspaceAuth.ReadBearer(request), cancellationToken);
        return _id is not null;
    }
}
