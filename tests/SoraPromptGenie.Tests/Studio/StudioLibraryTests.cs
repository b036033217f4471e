using Bunit;
using SoraPromptGenie.Library;
using SoraPromptGenie.Studio;
using SoraPromptGenie.Tests.Library;

namespace SoraPromptGenie.Tests.Studio;

/// <summary>The studio page with its library panel: text the library opens or restores lands in the editor as one undoable step.</summary>
public sealed class StudioLibraryTests : LibraryTestContext
{
    private const string Text = "A red fox trots along a snowy road at dusk.";

    [Fact]
    public async Task StudioPage_SavedPromptOpened_LoadsItsTextAsUndoableHistoryEntry()
    {
        SignIn();
        await Direct().CreatePromptAsync(WorkspaceId, new PromptDraft("Fox", Text), CancellationToken.None);
        Session.Edit("something else");
        var page = Render<StudioPage>();

        page.WaitForElement("[data-testid='library-item-open']").Click();

        page.WaitForAssertion(() => Assert.Equal(Text, Session.Prompt));
        Assert.Equal("Opened: Fox", Session.History.Current.Label);
        Assert.True(Session.History.CanUndo);
        Assert.Equal(Text, page.Find("[data-testid='prompt']").GetAttribute("value"));
    }

    [Fact]
    public async Task StudioPage_OldVersionRestored_PutsItsTextInTheEditor()
    {
        SignIn();
        var direct = Direct();
        var saved = (await direct.CreatePromptAsync(WorkspaceId, new PromptDraft("Fox", Text), CancellationToken.None)).Prompt!;
        await direct.SaveTextVersionAsync(WorkspaceId, saved.Id, "A second take.", new VersionSource(VersionOperations.Structure), null, CancellationToken.None);
        var page = Render<StudioPage>();
        page.WaitForElement("[data-testid='library-item-open']").Click();
        page.WaitForAssertion(() => Assert.Equal("A second take.", Session.Prompt));

        page.WaitForElement("[data-testid='version-restore']").Click();

        page.WaitForAssertion(() => Assert.Equal(Text, Session.Prompt));
        Assert.Equal("Restored version 1: Fox", Session.History.Current.Label);
    }
}
