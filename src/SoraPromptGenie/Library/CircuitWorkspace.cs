namespace SoraPromptGenie.Library;

/// <summary>
/// The workspace this circuit acts on. <see cref="WorkspaceCookie"/> resolves the <see cref="WorkspaceAuth.CookieName"/>
/// cookie on the page request and the app hands the id to the interactive root as a parameter, which Blazor protects with data
/// protection, so the browser cannot switch the circuit to another workspace.
/// </summary>
public sealed class CircuitWorkspace
{
    public Guid? Id { get; private set; }

    /// <summary>A key created by the last form post, shown once so the person can copy it to another browser.</summary>
    public string? NewKey { get; private set; }

    /// <summary>The cookie could not be checked because the database was down.</summary>
    public bool Unavailable { get; private set; }

    public void Capture(Guid? id, string? newKey, bool unavailable)
    {
        Id = id;
        NewKey = id is null ? null : newKey;
        Unavailable = unavailable;
    }

    public void ForgetNewKey() => NewKey = null;
}
