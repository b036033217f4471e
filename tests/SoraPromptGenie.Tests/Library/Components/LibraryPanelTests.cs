using Bunit;
using SoraPromptGenie.Library;
using SoraPromptGenie.Library.Components;

namespace SoraPromptGenie.Tests.Library.Components;

public sealed class LibraryPanelTests : LibraryTestContext
{
    [Fact]
    public void LibraryPanel_SignedOut_ShowsCreateAndSignInFormsPostingToSession()
    {
        var panel = Render<LibraryPanel>();

        Assert.Equal(WorkspaceSession.Path, panel.Find("[data-testid='create-workspace-form']").GetAttribute("action"));
        Assert.Equal("post", panel.Find("[data-testid='signin-form']").GetAttribute("method"));
        Assert.Equal("key", panel.Find("[data-testid='signin-key']").GetAttribute("name"));
        Assert.Empty(panel.FindAll("[data-testid='library-save']"));
    }

    [Fact]
    public void LibraryPanel_InvalidKeyOutcome_SaysTheKeyOpensNothing()
    {
        var panel = Render<LibraryPanel>(p => p.Add(x => x.Outcome, WorkspaceOutcomes.InvalidKey));

        Assert.Equal("That key opens no library. Check it and try again.", panel.Find("[data-testid='workspace-outcome']").TextContent);
    }

    [Fact]
    public void LibraryPanel_NewKey_ShownUntilDismissed()
    {
        SignIn("fresh-key-123");
        var panel = Render<LibraryPanel>();
        var shown = panel.Find("[data-testid='new-key']").GetAttribute("value");

        panel.Find("[data-testid='dismiss-key']").Click();

        Assert.Equal("fresh-key-123", shown);
        Assert.Empty(panel.FindAll("[data-testid='new-key-box']"));
        Assert.Null(Workspace.NewKey);
    }

    [Fact]
    public async Task LibraryPanel_SavedPromptWithMarkup_ListsTitleAsText()
    {
        SignIn();
        await Direct().CreatePromptAsync(WorkspaceId, new PromptDraft("<b>bold</b>", "<script>alert(1)</script>"), CancellationToken.None);

        var panel = Render<LibraryPanel>();

        panel.WaitForAssertion(() => Assert.Equal("<b>bold</b>", panel.Find("[data-testid='library-item-title']").TextContent));
        Assert.Empty(panel.FindAll("[data-testid='library-item'] b"));
        Assert.Empty(panel.FindAll("[data-testid='library-item'] script"));
    }

    [Fact]
    public void LibraryPanel_SaveClicked_SavesEditorTextAndShowsVersions()
    {
        SignIn();
        Session.Edit("A fox in the snow at dusk.");
        var panel = Render<LibraryPanel>();

        panel.Find("[data-testid='library-title']").Input("Fox");
        panel.Find("[data-testid='library-save']").Click();

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid='version']")));
        Assert.Contains("version 1", panel.Find("[data-testid='library-open']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Save version", panel.Find("[data-testid='library-save']").TextContent.Trim());
    }

    [Theory]
    [InlineData("manual", null, "saved")]
    [InlineData("restore", 2, "restored from v2")]
    [InlineData("auto-generate", null, "auto-generated")]
    [InlineData("structure", null, "structured")]
    [InlineData("preset", null, "preset applied")]
    [InlineData("enhance", null, "enhanced with a card")]
    public void VersionLabel_Operation_DescribesIt(string operation, int? from, string expected)
    {
        var version = new VersionResponse(1, "t", "x", null, null, null, operation, [], null, from, DateTime.UtcNow);

        var label = LibraryPanel.VersionLabel(version);

        Assert.Equal(expected, label);
    }
}
