using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Ops;

namespace SoraPromptGenie.Tests.Library;

public sealed class LibrarySessionTests : LibraryTestContext
{
    private const string Text = "A red fox trots along a snowy road at dusk.";

    [Fact]
    public async Task SaveAsync_NewPrompt_CreatesVersionOneAndListsIt()
    {
        SignIn();
        Session.Edit(Text);

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Equal(1, Library.Open!.Version);
        Assert.Equal(Text, Library.Open.Text);
        Assert.Equal("Fox", Assert.Single(Library.List!.Items).Title);
        Assert.Single(Library.Versions!.Items);
        Assert.Equal(NoticeKind.Info, Library.Message!.Kind);
    }

    [Fact]
    public async Task SaveAsync_OpenPromptEdited_AddsVersion()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit(Text + " Low tracking shot.");

        await Library.SaveAsync(null, CancellationToken.None);

        Assert.Equal(2, Library.Open!.Version);
        Assert.Equal("Fox", Library.Open.Title);
        Assert.Equal([2, 1], Library.Versions!.Items.Select(v => v.Number));
        Assert.Equal(1, Library.List!.Total);
    }

    [Fact]
    public async Task SaveAsync_EmptyEditor_ShowsMessageAndSavesNothing()
    {
        SignIn();

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Equal("Write a prompt before saving it.", Library.Message!.Text);
        Assert.Null(Library.Open);
        Assert.Equal(0, (await Direct().ListPromptsAsync(WorkspaceId, null, 1, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task SaveAsync_NoTitle_NamesThePromptAfterItsFirstWords()
    {
        SignIn();
        Session.Edit(Text);

        await Library.SaveAsync("  ", CancellationToken.None);

        Assert.Equal("A red fox trots along a snowy road…", Library.Open!.Title);
        Assert.Equal(NoticeKind.Info, Library.Message!.Kind);
        Assert.Equal("A red fox trots along a snowy road…", Assert.Single(Library.List!.Items).Title);
    }

    [Fact]
    public async Task SaveAsync_OpenPromptWithoutTitle_KeepsItsTitle()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit(Text + " Slow dolly in.");

        await Library.SaveAsync(string.Empty, CancellationToken.None);

        Assert.Equal(("Fox", 2), (Library.Open!.Title, Library.Open.Version));
    }

    [Fact]
    public async Task RenameAsync_NoTitle_AsksForOne()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);

        await Library.RenameAsync("  ", CancellationToken.None);

        Assert.Equal("Give the prompt a title.", Library.Message!.Text);
        Assert.Equal("Fox", Library.Open!.Title);
    }

    [Fact]
    public async Task ReopenAsync_SavedPrompt_OpensItWithoutTouchingTheEditor()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        var id = Library.Open!.Id;
        Library.Close();
        Session.Edit("A draft that differs from the saved text.");

        var reopened = await Library.ReopenAsync(id, CancellationToken.None);
        await Library.SaveAsync(null, CancellationToken.None);

        Assert.True(reopened);
        Assert.Equal((id, 2, "A draft that differs from the saved text."), (Library.Open!.Id, Library.Open.Version, Library.Open.Text));
        Assert.Equal(1, Library.List!.Total);
    }

    [Fact]
    public async Task ReopenAsync_PromptOfNoOneHere_StaysClosed()
    {
        SignIn();

        var reopened = await Library.ReopenAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.False(reopened);
        Assert.Null(Library.Open);
    }

    [Fact]
    public async Task VersionEntries_EditedPrompt_ShowWordChangesFromThePreviousVersion()
    {
        SignIn();
        Session.Edit("A red fox trots along a snowy road at dusk.");
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit("A grey fox trots along a snowy road at dusk.");

        await Library.SaveAsync(null, CancellationToken.None);

        var (newest, first) = (Library.VersionEntries[0], Library.VersionEntries[1]);
        Assert.Contains(new TextChange(ChangeKind.Removed, "red", 1), newest.Changes!);
        Assert.Contains(new TextChange(ChangeKind.Added, "grey", 1), newest.Changes!);
        Assert.Null(first.Changes);
    }

    [Fact]
    public async Task SaveAsync_TitleWithEscape_ShowsMessageNamingItAndSavesNothing()
    {
        SignIn();
        Session.Edit(Text);

        await Library.SaveAsync("Fox\u001b]0;pwned\u0007", CancellationToken.None);

        Assert.StartsWith("The title contains control character U+001B (ESC)", Library.Message!.Text, StringComparison.Ordinal);
        Assert.Null(Library.Open);
        Assert.Equal(0, (await Direct().ListPromptsAsync(WorkspaceId, null, 1, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task SaveAsync_TextWithNul_ShowsMessageAndSavesNothing()
    {
        SignIn();
        Session.Edit("A fox\0 in the snow.");

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Contains("NUL", Library.Message!.Text, StringComparison.Ordinal);
        Assert.Null(Library.Open);
        Assert.Equal(0, (await Direct().ListPromptsAsync(WorkspaceId, null, 1, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task OpenAsync_PromptWithManyVersions_LoadsTheNewestPage()
    {
        SignIn();
        var direct = Direct();
        var saved = (await direct.CreatePromptAsync(WorkspaceId, new PromptDraft("Fox", Text), CancellationToken.None)).Prompt!;
        for (var i = 2; i <= LibrarySession.VersionPageSize + 5; i++)
        {
            await direct.SaveTextVersionAsync(WorkspaceId, saved.Id, $"Take {i}", new VersionSource(VersionOperations.Structure), null, CancellationToken.None);
        }

        await Library.OpenAsync(saved.Id, CancellationToken.None);

        Assert.Equal(LibrarySession.VersionPageSize + 5, Library.Versions!.Total);
        Assert.Equal(LibrarySession.VersionPageSize, Library.Versions.Items.Count);
        Assert.Equal(LibrarySession.VersionPageSize + 5, Library.Versions.Items[0].Number);
    }

    [Fact]
    public async Task OpenAsync_SavedPrompt_ReturnsItsTextWithHistoryLabel()
    {
        SignIn();
        var saved = (await Direct().CreatePromptAsync(WorkspaceId, new PromptDraft("Fox", Text), CancellationToken.None)).Prompt!;

        var opened = await Library.OpenAsync(saved.Id, CancellationToken.None);

        Assert.Equal(new EditorText(Text, "Opened: Fox"), opened);
        Assert.Equal(saved.Id, Library.Open!.Id);
    }

    [Fact]
    public async Task OpenAsync_PromptOfAnotherWorkspace_IsNotFoundAndGivesTheEditorNothing()
    {
        SignIn();
        var other = await Direct().CreateWorkspaceAsync(CancellationToken.None);
        var foreign = (await Direct().CreatePromptAsync(other.WorkspaceId, new PromptDraft("Theirs", Text), CancellationToken.None)).Prompt!;

        var opened = await Library.OpenAsync(foreign.Id, CancellationToken.None);

        Assert.Null(opened);
        Assert.Null(Library.Open);
        Assert.Equal("That prompt is no longer in the library.", Library.Message!.Text);
    }

    [Fact]
    public async Task RestoreAsync_OldVersion_ReturnsItsTextForTheEditorAsNewVersion()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit("A second take.");
        await Library.SaveAsync(null, CancellationToken.None);

        var restored = await Library.RestoreAsync(1, CancellationToken.None);

        Assert.Equal((Text, "Restored version 1: Fox"), (restored!.Text, restored.Label));
        Assert.Equal(Session.Target.Id, restored.Target!.Target);
        Assert.Equal(3, Library.Open!.Version);
        Assert.Equal(1, Library.Versions!.Items[0].RestoredFrom);
    }

    [Fact]
    public async Task RenameAsync_NewTitle_KeepsTextAndAddsVersion()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);
        Session.Edit("unsaved edit");

        await Library.RenameAsync("Snow fox", CancellationToken.None);

        Assert.Equal("Snow fox", Library.Open!.Title);
        Assert.Equal(Text, Library.Open.Text);
        Assert.Equal("unsaved edit", Session.Prompt);
        Assert.Equal("Snow fox", Library.List!.Items[0].Title);
    }

    [Fact]
    public async Task ShareAndRevoke_OpenPrompt_LinkWorksThenStops()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);

        await Library.ShareAsync(new Uri("https://genie.example/"), CancellationToken.None);
        var token = Library.ShareUrl!["https://genie.example/p/".Length..];
        var shared = await Direct().GetSharedAsync(token, CancellationToken.None);
        await Library.RevokeShareAsync(CancellationToken.None);

        Assert.StartsWith("https://genie.example/p/", Library.ShareUrl ?? "https://genie.example/p/", StringComparison.Ordinal);
        Assert.Equal(Text, shared!.Text);
        Assert.Null(Library.ShareUrl);
        Assert.False(Library.Open!.Shared);
        Assert.Null(await Direct().GetSharedAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_OpenPrompt_ClosesItAndEmptiesList()
    {
        SignIn();
        Session.Edit(Text);
        await Library.SaveAsync("Fox", CancellationToken.None);

        await Library.DeleteAsync(Library.Open!.Id, CancellationToken.None);

        Assert.Null(Library.Open);
        Assert.Empty(Library.List!.Items);
        Assert.Equal(Text, Session.Prompt);
    }

    [Fact]
    public async Task SearchAndPages_ElevenPrompts_FilterAndPageByTen()
    {
        SignIn();
        var direct = Direct();
        for (var i = 1; i <= 11; i++)
        {
            await direct.CreatePromptAsync(WorkspaceId, new PromptDraft($"Shot {i}", i == 7 ? "a lighthouse at dawn" : Text), CancellationToken.None);
        }

        await Library.RefreshAsync(CancellationToken.None);
        var firstPage = Library.List!.Items.Count;
        await Library.GoToPageAsync(2, CancellationToken.None);
        var secondPage = Library.List!.Items.Count;
        await Library.SearchAsync("LIGHTHOUSE", CancellationToken.None);

        Assert.Equal(10, firstPage);
        Assert.Equal(1, secondPage);
        Assert.Equal("Shot 7", Assert.Single(Library.List!.Items).Title);
        Assert.Equal(1, Library.Page);
    }

    [Fact]
    public async Task SaveAsync_DatabaseUnreachable_ShowsUnavailableAndKeepsPrompt()
    {
        Services.AddScoped<AppDbContext>(_ => new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=/nonexistent-spg-dir/library.db;Mode=ReadWrite").Options));
        SignIn();
        Session.Edit(Text);

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Equal(LibrarySession.UnavailableText, Library.Message!.Text);
        Assert.Equal(NoticeKind.Error, Library.Message.Kind);
        Assert.Equal(Text, Session.Prompt);
        Assert.False(Library.Busy);
    }

    [Fact]
    public async Task SaveAsync_SignedOut_DoesNothing()
    {
        Session.Edit(Text);

        await Library.SaveAsync("Fox", CancellationToken.None);

        Assert.Null(Library.Open);
        Assert.Null(Library.Message);
        Assert.Equal(0, (await Direct().ListPromptsAsync(WorkspaceId, null, 1, 10, CancellationToken.None)).Total);
    }
}
