using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Library;

/// <summary>Share links as their owner handles them: copied again later, live or a snapshot of one version.</summary>
public sealed class LibraryShareTests : LibraryTestContext
{
    private static readonly Uri Site = new("https://genie.example/");

    [Fact]
    public async Task OpenAsync_SharedPrompt_GivesTheSameLinkToCopyAgain()
    {
        SignIn();
        Session.Edit("A red fox trots along a snowy road at dusk.");
        await Library.SaveAsync("Fox", CancellationToken.None);
        await Library.ShareAsync(Site, CancellationToken.None);
        var first = Library.ShareUrl;
        var id = Library.Open!.Id;
        Library.Close();

        await Library.OpenAsync(id, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, Library.ShareUrl);
        Assert.Equal("A red fox trots along a snowy road at dusk.", (await Direct().GetSharedAsync(first[Site.ToString().Length..].Replace("p/", string.Empty, StringComparison.Ordinal), CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task ShareAsync_Pinned_KeepsShowingThatVersionAfterLaterSaves()
    {
        SignIn();
        Session.Edit("First text of the fox.");
        await Library.SaveAsync("Fox", CancellationToken.None);
        await Library.ShareAsync(Site, CancellationToken.None, pinned: true);
        var token = Token();
        Session.Edit("Second text of the fox.");

        await Library.SaveAsync("Fox at night", CancellationToken.None);

        var shared = await Direct().GetSharedAsync(token, CancellationToken.None);
        Assert.Equal(("Fox", "First text of the fox.", 1, 1), (shared!.Title, shared.Text, shared.Version, shared.PinnedVersion));
        Assert.Equal(1, Library.Share!.PinnedVersion);
    }

    [Fact]
    public async Task ShareAsync_Live_FollowsLaterSaves()
    {
        SignIn();
        Session.Edit("First text of the fox.");
        await Library.SaveAsync("Fox", CancellationToken.None);
        await Library.ShareAsync(Site, CancellationToken.None);
        var token = Token();
        Session.Edit("Second text of the fox.");

        await Library.SaveAsync(null, CancellationToken.None);

        var shared = await Direct().GetSharedAsync(token, CancellationToken.None);
        Assert.Equal(("Second text of the fox.", 2, (int?)null), (shared!.Text, shared.Version, shared.PinnedVersion));
    }

    [Fact]
    public async Task SetShareModeAsync_ExistingLink_ChangesWhatItShowsAndKeepsTheToken()
    {
        SignIn();
        Session.Edit("First text of the fox.");
        await Library.SaveAsync("Fox", CancellationToken.None);
        await Library.ShareAsync(Site, CancellationToken.None);
        var token = Token();
        Session.Edit("Second text of the fox.");
        await Library.SaveAsync(null, CancellationToken.None);

        await Library.SetShareModeAsync(pinned: true, CancellationToken.None);
        Session.Edit("Third text of the fox.");
        await Library.SaveAsync(null, CancellationToken.None);
        var pinned = await Direct().GetSharedAsync(token, CancellationToken.None);
        await Library.SetShareModeAsync(pinned: false, CancellationToken.None);
        var live = await Direct().GetSharedAsync(token, CancellationToken.None);

        Assert.Equal(token, Token());
        Assert.Equal(("Second text of the fox.", 2), (pinned!.Text, pinned.PinnedVersion));
        Assert.Equal(("Third text of the fox.", (int?)null), (live!.Text, live.PinnedVersion));
    }

    [Fact]
    public async Task GetShareAsync_LinkMadeBeforeTokensWereKept_HasNoTokenButStillWorks()
    {
        SignIn();
        Session.Edit("First text of the fox.");
        await Library.SaveAsync("Fox", CancellationToken.None);
        await Library.ShareAsync(Site, CancellationToken.None);
        var token = Token();
        await using (var db = CreateDbContext())
        {
            var prompt = await db.Prompts.FindAsync(Library.Open!.Id);
            prompt!.ShareTokenProtected = null;
            await db.SaveChangesAsync();
        }

        var share = await Direct().GetShareAsync(WorkspaceId, Library.Open!.Id, CancellationToken.None);

        Assert.Equal(new ShareLink(null, null), share);
        Assert.NotNull(await Direct().GetSharedAsync(token, CancellationToken.None));
    }

    private string Token() => Library.ShareUrl![(Site.ToString().Length + "p/".Length)..];
}
